/** Digest of every file under a source folder (relative names and bytes, in name order). */
export function sourceDigest(src: string): string;
