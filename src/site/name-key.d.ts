/** The least a key must hold, in consonants. */
export const MIN_KEY: number;
/** The spelling-tolerant key of a foreign name in Arabic letters (name-key.js), or undefined. */
export function nameKey(word: string): string | undefined;
