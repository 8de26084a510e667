/**
 * Persistent cache of prepared articles in `.cache/prepared/`, one file per entry: the byte length
 * of the entry's JSON on the first line, the JSON (the article without its HTML), then the HTML.
 * A build decodes only the JSON of each entry; an article's HTML, most of the bytes, is decoded
 * when its page or a feed is rendered (readHtml), so it is neither parsed nor held for the
 * thousands of pages a rebuild takes from the last output.
 *
 * The key is a hash of everything an article's preparation reads apart from the site-wide word
 * evidence: the code (every file under src/), the installed dependencies (package-lock.json), the
 * Node version and its ICU, the normalize options, the file's path and its bytes. The evidence is
 * the one input shared between articles; each entry records the [word, count] pairs the
 * normalizer looked up and is used only when every one of them still holds (validEntry). So an
 * edit invalidates the edited article and the few articles whose repairs asked about the words it
 * added or removed, never a page that would come out different.
 *
 * Entries are written to a temporary name and renamed, so a killed build never leaves half an
 * entry; an unreadable entry is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fnvOfKey, lowOfKey, type WordCounts } from '../text/evidence.ts';
import type { PreparedEntry, PreparedText } from './prepare-task.ts';
import { SOURCE_ROOT, sourceDigestOfRoot } from '../source-root.ts';

const REPO = path.dirname(SOURCE_ROOT);
/** Bump when the format of entries changes. */
const FORMAT = 'prepared-v4'; // v2: evidence lookups recorded by word hash; v3: the HTML after the JSON; v4: lookups as base64, output hash

let codeVersionMemo: string | undefined;

/** Hash of the code and dependencies that prepare an article. */
export function codeVersion(): string {
  if (codeVersionMemo) return codeVersionMemo;
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${process.versions.node}\0${process.versions.icu ?? ''}\0${process.versions.unicode ?? ''}\0`);
  h.update(`${sourceDigestOfRoot()}\0`);
  for (const f of ['package-lock.json', 'package.json']) {
    try {
      h.update(readFileSync(path.join(REPO, f)));
    } catch {
      h.update(`no ${f}`);
    }
  }
  return (codeVersionMemo = h.digest('hex'));
}

export function entryKey(version: string, optionsKey: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(version).update('\0').update(optionsKey).update('\0').update(file).update('\0').update(bytes).digest('hex');
}

export class PreparedCache {
  readonly dir: string;
  constructor(readonly root: string) {
    this.dir = path.join(root, 'prepared');
  }

  pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.entry`);
  }

  /** The entry's JSON text, or undefined when absent or unreadable. */
  read(key: string): string | undefined {
    const bytes = this.bytes(key);
    return bytes && decodeEntry(bytes)?.json();
  }

  /** The article's HTML, or undefined when the entry is absent or unreadable. */
  readHtml(key: string): string | undefined {
    const bytes = this.bytes(key);
    return bytes && decodeEntry(bytes)?.html();
  }

  private bytes(key: string): Buffer | undefined {
    try {
      return readFileSync(this.pathOf(key));
    } catch {
      return undefined;
    }
  }

  /** Removes entries (and word counts) this build did not use, when they outnumber the used ones (amortized). */
  prune(used: Set<string>): void {
    this.pruneDir(this.dir, used, '.entry');
    this.pruneDir(path.join(this.root, 'words'), used, '.json');
  }

  /**
   * Entries of another format (another extension: a cache written by an older Warraq) are removed
   * at once; unused entries of this format, and temporary files a killed build left, only when
   * they outnumber the used ones.
   */
  private pruneDir(top: string, used: Set<string>, extension: string): void {
    let names: string[];
    try {
      names = readdirSync(top);
    } catch {
      return;
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
    if (stale.length <= Math.max(used.size, 1000)) return;
    for (const f of stale) rmSync(f, { force: true });
  }
}

/** An entry's bytes: the JSON's byte length and a newline, the JSON, the HTML. */
export function encodeEntry(entry: PreparedText): Buffer {
  const json = Buffer.from(entry.json);
  return Buffer.concat([Buffer.from(`${json.length}\n`), json, Buffer.from(entry.html)]);
}

/** The JSON and the HTML of an entry's bytes, each decoded when asked for; undefined when the bytes are not an entry. */
export function decodeEntry(bytes: Buffer): { json: () => string; html: () => string } | undefined {
  const newline = bytes.indexOf(10);
  if (newline < 1 || newline > 12) return undefined;
  const length = Number(bytes.toString('latin1', 0, newline));
  const start = newline + 1;
  if (!Number.isSafeInteger(length) || length < 2 || start + length > bytes.length) return undefined;
  return { json: () => bytes.toString('utf8', start, start + length), html: () => bytes.toString('utf8', start + length) };
}

/**
 * Writes an entry atomically (temporary name, then rename): a killed build never leaves an entry
 * without its HTML. Returns false when it could not be written; that only costs a miss next time.
 */
export function writeEntry(file: string, entry: PreparedText): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, encodeEntry(entry));
    renameSync(tmp, file);
    return true;
  } catch {
    // A read-only or full disk makes the cache useless, not the build wrong.
    return false;
  }
}

/**
 * The look-ups [key, count] (key: evidence.ts keyOfHashes), sorted by key, as base64 of 32-bit
 * triples (FNV-1a, the key's low 21 bits, count): a build reads and checks every cached
 * article's look-ups, and as JSON numbers they were two thirds of an entry and of its parsing.
 */
export function encodeLookups(lookups: Array<[number, number]>): string {
  const bytes = Buffer.alloc(lookups.length * 12);
  lookups.forEach(([key, count], i) => {
    bytes.writeInt32LE(fnvOfKey(key), i * 12);
    bytes.writeInt32LE(lowOfKey(key), i * 12 + 4);
    bytes.writeInt32LE(count, i * 12 + 8);
  });
  return bytes.toString('base64');
}

/** Calls `check(fnv, low21, count)` for each look-up of encodeLookups' text until it returns false; false then. */
export function everyLookup(encoded: string, check: (fnv: number, low: number, count: number) => boolean): boolean {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length % 12 !== 0) return false;
  for (let at = 0; at < bytes.length; at += 12) {
    if (!check(bytes.readInt32LE(at), bytes.readInt32LE(at + 4), bytes.readInt32LE(at + 8))) return false;
  }
  return true;
}

/** Parses an entry and checks its evidence lookups against the current evidence. */
export function validEntry(json: string, evidence: WordCounts): PreparedEntry | undefined {
  let entry: PreparedEntry;
  try {
    entry = JSON.parse(json) as PreparedEntry;
  } catch {
    return undefined;
  }
  if (!entry || typeof entry !== 'object' || !entry.result || typeof entry.lookups !== 'string' || typeof entry.output !== 'string') return undefined;
  return everyLookup(entry.lookups, (fnv, low, count) => evidence.countOfHashes(fnv, low) === count) ? entry : undefined;
}
