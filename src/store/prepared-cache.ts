/**
 * Prepared articles in `.cache/prepared/`, one entry per key (code, dependencies, Node, options, path, bytes), valid while every evidence
 * count it read still holds; each also holds its file's own word counts. Written atomically, heads also packed in
 * `.cache/prepared.pack`, HTML decoded only when rendered; `.cache/verified.json` names the packed heads the last build found valid.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { writeFileAtomically } from './atomic-write.ts';
import path from 'node:path';
import { fnvOfKey, keyOfHashes, lowOfKey, type WordCounts } from '../text/evidence.ts';
import type { ChangedWords } from './changed-words.ts';

/** The cache key of an article's head (a shard's article whose body it does not render), beside its full entry's. */
export const headKey = (key: string) => `${key}.head`;

export class PreparedCache {
  readonly dir: string;
  private packs: Packs | undefined;

  constructor(readonly root: string) {
    this.dir = path.join(root, 'prepared');
  }

  pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.entry`);
  }

  private get packFile(): string {
    return path.join(this.root, 'prepared.pack');
  }

  private get loadedPacks(): Packs {
    return (this.packs ??= readPacks(this.packFile));
  }

  /**
   * The entry's head, from the last build's pack when it has it and the entry's file (its HTML) is
   * still there with the size it had (not looked for when the head is `verified`, takeVerified: the last build left that file and
   * no entry folder changed since), else from the entry's file; undefined when absent or unreadable.
   */
  readHead(key: string, verified?: (key: string, head: EntryHead) => boolean): EntryHead | undefined {
    const { base, added } = this.loadedPacks;
    const packed = added.get(key) ?? base.get(key);
    if (packed && !letGoOf(packed) && (verified?.(key, packed) || sizeOf(this.pathOf(key)) === packed.size)) return packed;
    const bytes = this.bytes(key);
    const head = bytes && decodeEntry(bytes)?.head;
    // (copies: views would keep the whole file, HTML and all, until the pack is written)
    return head && { json: Buffer.from(head.json), lookups: Buffer.from(head.lookups), size: head.size };
  }

  /**
   * Keeps the heads of the entries this build used and cached for the next build: in the pack's
   * appendix (packDeltaFile) when the pack itself still holds all but a few of them (the pack, of
   * every article's head, is not written again for an edit), else in a new pack. Writes nothing when
   * each is the very head the packs gave (an entry prepared again under the same key, its evidence
   * having changed, has a head of its own). The packs read are let go: a build saves them once, at the end of its use of them.
   * Returns, given the id of the evidence saved, what writeVerified records once the entry folders are final.
   */
  savePack(entries: ReadonlyArray<readonly [key: string, head: EntryHead]>, evidence?: string): PacksVerified | undefined {
    try {
      const packs = this.writePacks(entries);
      return packs && evidence !== undefined ? this.verifiedOf(packs, entries, evidence) : undefined;
    } finally {
      this.packs = undefined;
    }
  }

  /** Writes the pack or its appendix; returns the ids of the pack and the appendix now on disk, or undefined when a write failed. */
  private writePacks(entries: ReadonlyArray<readonly [key: string, head: EntryHead]>): PackIds | undefined {
    const cached = entries.filter(([, head]) => head.size > 0);
    const { base, added, id, addedId } = this.loadedPacks;
    const notInBase = cached.filter(([key, head]) => base.get(key) !== head);
    // (entries of the pack this build did not use, an edited article's old head among them)
    const unused = base.size - (cached.length - notInBase.length);
    if (id !== undefined && notInBase.length + unused <= base.size * PACK_APPENDIX_SHARE) {
      if (notInBase.length === added.size && notInBase.every(([key, head]) => added.get(key) === head)) return { id, addedId, added };
      if (notInBase.length === 0) {
        rmSync(packDeltaFile(this.packFile), { force: true });
        return { id, addedId: undefined, added: new Map() };
      }
      const appendix = randomUUID();
      return writePack(packDeltaFile(this.packFile), notInBase, { id: appendix, base: id, entryFile: (key) => this.pathOf(key) })
        ? { id, addedId: appendix, added: new Map(notInBase) }
        : undefined;
    }
    // (the appendix names the pack it adds to: one left beside a newer pack is not read)
    const pack = randomUUID();
    if (!writePack(this.packFile, cached, { id: pack, entryFile: (key) => this.pathOf(key) })) return undefined;
    rmSync(packDeltaFile(this.packFile), { force: true });
    return { id: pack, addedId: undefined, added: new Map(), whole: true };
  }

  /**
   * That every head of the packs now on disk but those listed as unused is the very head this build used, each valid under the
   * evidence saved with that id and its entry file there with its size.
   */
  private verifiedOf(packs: PackIds, entries: ReadonlyArray<readonly [key: string, head: EntryHead]>, evidence: string): PacksVerified {
    const used = new Map(entries);
    const unused = packs.whole
      ? []
      : [...this.loadedPacks.base].filter(([k, head]) => !packs.added.has(k) && used.get(k) !== head).map(([k]) => k);
    return { evidence, pack: packs.id, added: packs.addedId ?? null, unused };
  }

  /**
   * Records savePack's Verified with a stamp of the entry folders as they are now (after pruning): the next build checks those
   * heads' look-ups only for the words whose counts changed since, and looks for their entry files only if a folder changed.
   */
  writeVerified(verified: PacksVerified): void {
    const folders = this.foldersStamp();
    if (folders !== undefined) writeFileAtomically(this.verifiedFile, JSON.stringify({ ...verified, folders }));
  }

  /**
   * A digest of the entry folders' inodes and modification times: an entry written (to a temporary name, then renamed), removed or
   * its folder replaced changes it.
   */
  private foldersStamp(): string | undefined {
    try {
      const h = createHash('sha256');
      const stamp = (dir: string) => {
        const st = statSync(dir, { bigint: true });
        h.update(`${path.basename(dir)}:${st.ino}:${st.mtimeNs}\0`);
      };
      stamp(this.dir);
      for (const sub of readdirSync(this.dir).sort()) stamp(path.join(this.dir, sub));
      return h.digest('hex');
    } catch {
      return undefined;
    }
  }

  private get verifiedFile(): string {
    return path.join(this.root, 'verified.json');
  }

  /**
   * Reads and removes the last build's record of the heads it found valid (writeVerified), before this build writes any entry: a
   * build that stops before saving leaves none. Returns whether a head the packs give (readHead) is one of them, when the record
   * holds for the packs on disk and the evidence saved with id `evidence`; undefined when there is no such record.
   */
  takeVerified(evidence: string | undefined): ((key: string, head: EntryHead) => boolean) | undefined {
    let verified: Partial<Verified> | undefined;
    try {
      verified = JSON.parse(readFileSync(this.verifiedFile, 'utf8')) as Partial<Verified>;
      rmSync(this.verifiedFile, { force: true });
    } catch {
      return undefined;
    }
    const { base, added, id, addedId } = this.loadedPacks;
    if (
      evidence === undefined ||
      verified?.evidence !== evidence ||
      verified.pack !== id ||
      (verified.added ?? undefined) !== addedId ||
      !Array.isArray(verified.unused) ||
      verified.folders !== this.foldersStamp()
    )
      return undefined;
    const unused = new Set(verified.unused);
    return (key, head) => (added.get(key) ?? base.get(key)) === head && !unused.has(key);
  }

  /** Removes the record of the heads found valid (takeVerified): an entry file it vouched for is gone or damaged. */
  forgetVerified(): void {
    rmSync(this.verifiedFile, { force: true });
  }

  /**
   * Lets go of the bytes of every head the packs gave (views into the pack files read whole) and of the `written` heads (those this
   * build prepared, in their entry files), once the build has checked and hashed them: savePack copies them from the pack files, or
   * from the entry's own file, when it writes them again, instead of the build holding every article's head bytes until then.
   * readHead then gives no head of the packs (it reads the entry's file).
   */
  letGoOfHeadBytes(written: Iterable<EntryHead>): void {
    const { base, added } = this.loadedPacks;
    for (const heads of [base, added]) for (const head of heads.values()) letGo(head);
    for (const head of written) {
      if (head.packed !== undefined || head.size === 0) continue;
      head.packed = { pack: undefined, at: 0, json: jsonLength(head), lookups: head.lookups.length };
      letGo(head);
    }
  }

  /** The article's HTML, or undefined when the entry is absent or unreadable. */
  readHtml(key: string): string | undefined {
    const bytes = this.bytes(key);
    return bytes && decodeEntry(bytes)?.html();
  }

  /**
   * The word counts of the article file whose entry key this is (they depend only on its bytes), from its
   * full entry or its head's; undefined when neither is there.
   */
  readWordCounts(key: string): Map<number, number> | undefined {
    for (const k of [key, headKey(key)]) {
      const bytes = this.bytes(k);
      const entry = bytes && decodeEntry(bytes);
      if (!entry) continue;
      const counts = new Map<number, number>();
      everyLookup(entry.wordCounts, (fnv, low, count) => counts.set(keyOfHashes(fnv, low), count) !== undefined);
      return counts;
    }
    return undefined;
  }

  private bytes(key: string): Buffer | undefined {
    try {
      return readFileSync(this.pathOf(key));
    } catch {
      return undefined;
    }
  }

  /**
   * Removes entries this build did not use, when they outnumber the used ones (amortized). `prepared`: the entries this build
   * wrote. The folders are read only when unused entries could have come to outnumber the used ones since they were last read
   * (at most those unused then, plus one per entry written and per article gone since: `.cache/prune.json`), or when this build
   * prepared at least a hundredth of the site (a new code version prepares all of it, and a small site a hundredth).
   */
  prune(used: Set<string>, prepared: number): void {
    const file = path.join(this.root, 'prune.json');
    const last = readPruneState(file);
    const threshold = Math.max(used.size, 1000);
    const mayBeStale = last && last.unused + last.written + prepared + Math.max(0, last.used - used.size);
    if (last && mayBeStale! <= threshold && prepared * 100 < used.size) {
      writeFileAtomically(file, JSON.stringify({ ...last, written: last.written + prepared }));
      return;
    }
    const unused = this.pruneDir(this.dir, used, '.entry');
    writeFileAtomically(file, JSON.stringify({ unused, used: used.size, written: 0 } satisfies PruneState));
    // Each file's word counts had a folder of their own before they moved into its entry (prepared-v6).
    rmSync(path.join(this.root, 'words'), { recursive: true, force: true });
  }

  /**
   * Entries of another format (another extension: a cache written by an older Warraq) are removed
   * at once; unused entries of this format, and temporary files a killed build left, only when
   * they outnumber the used ones.
   */
  private pruneDir(top: string, used: Set<string>, extension: string): number {
    let names: string[];
    try {
      names = readdirSync(top);
    } catch {
      return 0;
    }
    const stale: string[] = [];
    const obsolete: string[] = [];
    for (const sub of names) {
      const dir = path.join(top, sub);
      let entries: string[];
      try {
        if (!statSync(dir).isDirectory()) continue;
        entries = readdirSync(dir);
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.endsWith(extension) && !e.endsWith('.tmp')) obsolete.push(path.join(dir, e));
        else if (!used.has(e.slice(0, -extension.length))) stale.push(path.join(dir, e));
      }
    }
    for (const f of obsolete) rmSync(f, { force: true });
    if (stale.length <= Math.max(used.size, 1000)) return stale.length;
    for (const f of stale) rmSync(f, { force: true });
    return 0;
  }
}

/** What the last reading of the entry folders found (PreparedCache.prune): unused entries left, entries used, entries written since. */
interface PruneState {
  unused: number;
  used: number;
  written: number;
}

function readPruneState(file: string): PruneState | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<PruneState>;
    return [s.unused, s.used, s.written].every((n) => Number.isSafeInteger(n) && n! >= 0) ? (s as PruneState) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An entry as it is written (prepare/prepare-task.ts makes it): the JSON of what preparing produced
 * without the article's HTML, the evidence look-ups (encodeLookups), the article file's own word
 * counts (the same encoding), and the HTML.
 */
export interface EntryText {
  json: string;
  lookups: Uint8Array;
  wordCounts: Uint8Array;
  html: string;
}

/** What the JSON of every entry holds: the prepared result (prepare/), and the hash of what preparing produced. */
export interface StoredEntry {
  result: unknown;
  output: string;
}

/**
 * What a build reads of an entry to use it: the JSON (the article without its HTML, and the hash of
 * what preparing produced) and the evidence look-ups (encodeLookups), apart from the JSON so that
 * checking them needs no decoding or parsing.
 */
export interface EntryHead {
  /** UTF-8, as entries keep it; UTF-16 (little-endian) when `wide`, as packs keep it (headJson decodes either). */
  json: Buffer;
  wide?: boolean | undefined;
  lookups: Buffer;
  /** The entry file's byte length, when known to be written (0: not in the cache). */
  size: number;
  /** Where a head read from a pack has its bytes in that pack's file (PreparedCache.letGoOfPackBytes). */
  packed?: PackedAt | undefined;
}

/** A head's bytes in a pack file: its JSON at `at`, then its look-ups; or (`pack` undefined) in the entry file of its key. */
export interface PackedAt {
  pack: PackFile | undefined;
  at: number;
  json: number;
  lookups: number;
}

/** A pack file as it was read: its path, and what says it is still that file (device, inode, size, modification time). */
export interface PackFile {
  file: string;
  identity: string;
}

const NO_BYTES = Buffer.alloc(0);

function letGo(head: EntryHead): void {
  if (head.packed === undefined) return;
  head.json = NO_BYTES;
  head.lookups = NO_BYTES;
}

/** Whether the head's bytes were let go: they are then read from its pack's file. */
const letGoOf = (h: EntryHead): h is EntryHead & { packed: PackedAt } => h.packed !== undefined && h.json === NO_BYTES;
/** The byte length of the head's JSON as a pack keeps it (UTF-16). */
const jsonLength = (h: EntryHead) => (letGoOf(h) ? h.packed.json : h.wide ? h.json.length : wideLength(h.json));

/** The JSON text of a head, whichever encoding it holds. */
export function headJson(head: EntryHead): string {
  return head.json.toString(head.wide ? 'utf16le' : 'utf8');
}

/** The JSON of a head in the pack's encoding: UTF-16, which decodes at the speed of a copy (a build decodes every head's). */
const wideJson = (h: EntryHead): Buffer => (h.wide ? h.json : Buffer.from(h.json.toString('utf8'), 'utf16le'));

/** The byte length in UTF-16 of UTF-8 bytes: two for each character, four for one outside the first plane. */
function wideLength(utf8: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units * 2;
}
const lookupsLength = (h: EntryHead) => (letGoOf(h) ? h.packed.lookups : h.lookups.length);

/**
 * An entry's bytes: the byte lengths of the JSON, the look-ups and the word counts and a newline, the JSON, the
 * look-ups, the word counts, the HTML.
 */
export function encodeEntry(entry: EntryText): Buffer {
  const json = Buffer.from(entry.json);
  const lengths = `${json.length} ${entry.lookups.length} ${entry.wordCounts.length}\n`;
  return Buffer.concat([Buffer.from(lengths), json, entry.lookups, entry.wordCounts, Buffer.from(entry.html)]);
}

/** The head (views into the bytes), the word counts and the HTML of an entry's bytes; undefined when the bytes are not an entry. */
export function decodeEntry(bytes: Buffer): { head: EntryHead; wordCounts: Buffer; html: () => string } | undefined {
  const newline = bytes.indexOf(10);
  if (newline < 5 || newline > 36) return undefined;
  const lengths = /^(\d+) (\d+) (\d+)$/.exec(bytes.toString('latin1', 0, newline));
  if (!lengths) return undefined;
  const json = Number(lengths[1]);
  const lookups = Number(lengths[2]);
  const counts = Number(lengths[3]);
  const start = newline + 1;
  const end = start + json + lookups + counts;
  if (!Number.isSafeInteger(end) || json < 2 || lookups % 12 !== 0 || counts % 12 !== 0 || end > bytes.length) return undefined;
  const countsAt = start + json + lookups;
  return {
    head: { json: bytes.subarray(start, start + json), lookups: bytes.subarray(start + json, countsAt), size: bytes.length },
    wordCounts: bytes.subarray(countsAt, end),
    html: () => bytes.toString('utf8', end),
  };
}

/**
 * Writes an entry atomically (temporary name, then rename): a killed build never leaves an entry
 * without its HTML. Returns the entry's byte length, or 0 when it could not be written; that only
 * costs a miss next time.
 */
export function writeEntry(file: string, entry: EntryText): number {
  const bytes = encodeEntry(entry);
  // A read-only or full disk makes the cache useless, not the build wrong.
  return writeFileAtomically(file, bytes) ? bytes.length : 0;
}

// (v3: each head's JSON in UTF-16)
const PACK_FORMAT = 'warraq-prepared-pack-v3';
/** The share of a pack's entries that may be replaced or unused before the build writes a new pack instead of an appendix. */
const PACK_APPENDIX_SHARE = 1 / 16;

/** The appendix of a pack: the heads the last build used that the pack does not have, with the pack's id. */
export const packDeltaFile = (packFile: string) => `${packFile}-added`;

interface Packs {
  /** The pack's heads and id (undefined: no pack). */
  base: Map<string, EntryHead>;
  id: string | undefined;
  /** The appendix's heads, when it adds to this pack; they take precedence. */
  added: Map<string, EntryHead>;
  addedId: string | undefined;
}

/** The ids of a pack and its appendix as written, with the appendix's heads; `whole`: the pack holds only the heads just used. */
interface PackIds {
  id: string;
  addedId: string | undefined;
  added: ReadonlyMap<string, EntryHead>;
  whole?: boolean;
}

/**
 * `.cache/verified.json` (PreparedCache.writeVerified): the evidence's and the packs' ids, the pack's heads the build did not use,
 * and the entry folders' stamp.
 */
interface Verified {
  evidence: string;
  pack: string;
  added: string | null;
  unused: string[];
  folders: string;
}

/** What savePack knows of the record (Verified) before the entry folders are final. */
export type PacksVerified = Omit<Verified, 'folders'>;

/** A pack and its appendix (packDeltaFile) when the appendix names that pack. */
export function readPacks(file: string): Packs {
  const base = readPackFile(file);
  const delta = base.id === undefined ? undefined : readPackFile(packDeltaFile(file));
  const adds = delta !== undefined && delta.base === base.id;
  return { base: base.heads, id: base.id, added: adds ? delta.heads : new Map(), addedId: adds ? delta.id : undefined };
}

/** The heads a pack and its appendix give, the appendix's first: what a build reads. */
export function readPack(file: string): Map<string, EntryHead> {
  const { base, added } = readPacks(file);
  for (const [key, head] of base) if (!added.has(key)) added.set(key, head);
  return added;
}

/**
 * A pack's entry heads by key (views into one buffer), or none when the file is absent or not a
 * whole pack. The pack: a line of JSON, {format, id, base?, entries: [[key, JSON bytes, look-up
 * bytes, entry file bytes], …]}, then each entry's JSON (in UTF-16) and look-ups in that order. An appendix has
 * the id of the pack it adds to as `base`; a pack without an id (written before appendices were) has none.
 */
function readPackFile(file: string): { heads: Map<string, EntryHead>; id?: string | undefined; base?: string | undefined } {
  const none = { heads: new Map<string, EntryHead>() };
  let bytes: Buffer;
  let pack: PackFile;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    pack = { file, identity: identityOf(fd) };
    bytes = readFileSync(fd);
  } catch {
    return none;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  try {
    const newline = bytes.indexOf(10);
    if (newline < 0) return none;
    const head = JSON.parse(bytes.toString('utf8', 0, newline)) as { format?: unknown; id?: unknown; base?: unknown; entries?: unknown };
    if (head.format !== PACK_FORMAT || !Array.isArray(head.entries)) return none;
    const out = new Map<string, EntryHead>();
    let at = newline + 1;
    for (const e of head.entries as unknown[]) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || !isLength(e[1]) || !isLength(e[2]) || !isLength(e[3])) return none;
      const packed: PackedAt = { pack, at, json: e[1], lookups: e[2] };
      const json = bytes.subarray(at, (at += e[1]));
      out.set(e[0], { json, wide: true, lookups: bytes.subarray(at, (at += e[2])), size: e[3], packed });
    }
    // (a pack that does not add up is not used at all)
    if (at !== bytes.length) return none;
    return {
      heads: out,
      id: typeof head.id === 'string' ? head.id : undefined,
      base: typeof head.base === 'string' ? head.base : undefined,
    };
  } catch {
    return none;
  }
}

/** What tells one version of a file from another: device, inode, size, modification time (a pack is replaced, never changed). */
function identityOf(fd: number): string {
  const st = fstatSync(fd, { bigint: true });
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

function isLength(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) >= 0;
}

/**
 * Writes a pack (or, with `base`, the appendix of the pack of that id) atomically (temporary name, then rename); a failure only costs
 * the next build its speed-up. Returns whether it was written. `entryFile`: where the entry of a key is, for heads let go of that
 * are read from their entry's file.
 */
export function writePack(
  file: string,
  entries: ReadonlyArray<readonly [key: string, head: EntryHead]>,
  options: { id?: string | undefined; base?: string | undefined; entryFile?: ((key: string) => string) | undefined } = {},
): boolean {
  return writeFileAtomically(file, packPieces(entries, options.id ?? randomUUID(), options.base, options.entryFile));
}

/**
 * The pack's bytes, in pieces of a few megabytes: one write per entry would be twenty thousand system calls. The bytes of heads let go
 * (PreparedCache.letGoOfHeadBytes) are read from their pack's file, each run of them that lie one after another there in one read,
 * or from their entry's file; a pack file that is no longer the one read (another build replaced it), or an entry file whose head is
 * no longer the one let go of, stops the writing (writeFileAtomically then writes nothing).
 */
function* packPieces(
  entries: ReadonlyArray<readonly [key: string, head: EntryHead]>,
  id: string,
  base: string | undefined,
  entryFile: ((key: string) => string) | undefined,
): Generator<Buffer> {
  const header = {
    format: PACK_FORMAT,
    id,
    base,
    entries: entries.map(([key, h]) => [key, jsonLength(h), lookupsLength(h), h.size]),
  };
  yield Buffer.from(`${JSON.stringify(header)}\n`);
  const packs = new PackReader();
  try {
    let piece: Buffer[] = [];
    let size = 0;
    let run: { pack: PackFile; from: number; to: number } | undefined;
    const endRun = () => {
      if (run) piece.push(packs.read(run.pack, run.from, run.to - run.from));
      run = undefined;
    };
    for (const [key, h] of entries) {
      const length = jsonLength(h) + lookupsLength(h);
      if (!letGoOf(h)) {
        endRun();
        piece.push(wideJson(h), h.lookups);
      } else if (h.packed.pack === undefined) {
        endRun();
        piece.push(headOfEntryFile(entryFile!(key), h));
      } else if (run?.pack === h.packed.pack && run.to === h.packed.at) run.to += length;
      else {
        endRun();
        run = { pack: h.packed.pack, from: h.packed.at, to: h.packed.at + length };
      }
      size += length;
      if (size >= 4 << 20) {
        endRun();
        yield Buffer.concat(piece, size);
        piece = [];
        size = 0;
      }
    }
    endRun();
    yield Buffer.concat(piece, size);
  } finally {
    packs.close();
  }
}

/** The bytes (JSON, then look-ups) of a head let go of from its entry's file: the file must be of its size, and its head of its lengths. */
function headOfEntryFile(file: string, head: EntryHead & { packed: PackedAt }): Buffer {
  const bytes = readFileSync(file);
  const entry = decodeEntry(bytes);
  if (
    !entry ||
    bytes.length !== head.size ||
    jsonLength(entry.head) !== head.packed.json ||
    entry.head.lookups.length !== head.packed.lookups
  )
    throw new Error(`${file} changed during the build`);
  return Buffer.concat([wideJson(entry.head), entry.head.lookups]);
}

/** Reads byte ranges of pack files, each opened once and checked to be the very file its heads were read from. */
class PackReader {
  private readonly open = new Map<PackFile, number>();

  read(pack: PackFile, at: number, length: number): Buffer {
    let fd = this.open.get(pack);
    if (fd === undefined) {
      fd = openSync(pack.file, 'r');
      this.open.set(pack, fd);
      if (identityOf(fd) !== pack.identity) throw new Error(`${pack.file} was replaced during the build`);
    }
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(fd, bytes, done, length - done, at + done);
      if (n === 0) throw new Error(`${pack.file} ended before its heads`);
      done += n;
    }
    return bytes;
  }

  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }
}

/**
 * The look-ups [key, count] (key: evidence.ts keyOfHashes), sorted by key, as 32-bit triples
 * (FNV-1a, the key's low 21 bits, count): a build checks every cached article's look-ups, and as
 * JSON numbers they were two thirds of an entry and of its parsing.
 */
export function encodeLookups(lookups: Array<[number, number]>): Buffer {
  const bytes = Buffer.alloc(lookups.length * 12);
  lookups.forEach(([key, count], i) => {
    bytes.writeInt32LE(fnvOfKey(key), i * 12);
    bytes.writeInt32LE(lowOfKey(key), i * 12 + 4);
    bytes.writeInt32LE(count, i * 12 + 8);
  });
  return bytes;
}

/** Calls `check(fnv, low21, count)` for each look-up of encodeLookups' bytes until it returns false; false then. */
export function everyLookup(bytes: Buffer, check: (fnv: number, low: number, count: number) => boolean): boolean {
  if (bytes.length % 12 !== 0) return false;
  for (let at = 0; at < bytes.length; at += 12) {
    if (!check(bytes.readInt32LE(at), bytes.readInt32LE(at + 4), bytes.readInt32LE(at + 8))) return false;
  }
  return true;
}

/**
 * Checks an entry's evidence look-ups against the current evidence, and parses it when they hold. `changed`: the head is known to
 * have been valid under evidence that differs from the current only in these words (PreparedCache.takeVerified): only look-ups
 * of them are checked.
 */
export function validEntry<E extends StoredEntry>(head: EntryHead, evidence: WordCounts, changed?: ChangedWords): E | undefined {
  // (everyLookup's loop, without a call per look-up: a build checks every cached article's)
  const { lookups } = head;
  if (lookups.length % 12 !== 0) return undefined;
  if (changed === undefined) {
    for (let at = 0; at < lookups.length; at += 12) {
      if (evidence.countOfHashes(lookups.readInt32LE(at), lookups.readInt32LE(at + 4)) !== lookups.readInt32LE(at + 8)) return undefined;
    }
  } else {
    for (let at = 0; at < lookups.length; at += 12) {
      // (the low 21 bits of the key, little-endian: its fourth byte is 0)
      const low = lookups[at + 4]! | (lookups[at + 5]! << 8) | (lookups[at + 6]! << 16);
      if (changed.has(low) && evidence.countOfHashes(lookups.readInt32LE(at), low) !== lookups.readInt32LE(at + 8)) return undefined;
    }
  }
  let entry: E;
  try {
    entry = JSON.parse(headJson(head)) as E;
  } catch {
    return undefined;
  }
  return entry && typeof entry === 'object' && entry.result && typeof entry.output === 'string' ? entry : undefined;
}
