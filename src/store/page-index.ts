/**
 * The page index: page URL → [render key, output file relative to the output folder, digest of the file's bytes], kept in columns
 * (one array per field, a Map from URL to row) and written as four newline-joined columns (encodePageIndex): pages as objects cost
 * most of a one-edit rebuild's bookkeeping at 100,000 articles (docs/performance.md). Pure; no I/O.
 */

/** [render key, output file relative to the output folder, digest of the file's bytes (none in an index written before digests)] */
export type PageEntry = [key: string, file: string, digest?: string];

export class PageIndex {
  private readonly rows = new Map<string, number>();

  /** Columns of the same length, a row per page; a digest '' is none. A URL given twice keeps its first row. */
  private constructor(
    private readonly urls: string[] = [],
    private readonly keys: string[] = [],
    private readonly files: string[] = [],
    private readonly digests: string[] = [],
  ) {
    for (let row = 0; row < urls.length; row++) if (!this.rows.has(urls[row]!)) this.rows.set(urls[row]!, row);
  }

  static empty(): PageIndex {
    return new PageIndex();
  }

  static from(entries: Iterable<[string, PageEntry]>): PageIndex {
    const index = new PageIndex();
    for (const [url, entry] of entries) index.set(url, entry);
    return index;
  }

  /** An index of these columns; undefined when their lengths differ or a URL is given twice. */
  static fromColumns(urls: string[], keys: string[], files: string[], digests: string[]): PageIndex | undefined {
    if (keys.length !== urls.length || files.length !== urls.length || digests.length !== urls.length) return undefined;
    const index = new PageIndex(urls, keys, files, digests);
    return index.rows.size === urls.length ? index : undefined;
  }

  get size(): number {
    return this.urls.length;
  }

  has(url: string): boolean {
    return this.rows.has(url);
  }

  get(url: string): PageEntry | undefined {
    const row = this.rows.get(url);
    return row === undefined ? undefined : this.entryAt(row);
  }

  /** Adds a page, or replaces its entry. */
  set(url: string, [key, file, digest]: PageEntry): void {
    let row = this.rows.get(url);
    if (row === undefined) {
      row = this.urls.length;
      this.rows.set(url, row);
      this.urls.push(url);
    }
    this.keys[row] = key;
    this.files[row] = file;
    this.digests[row] = digest ?? '';
  }

  /** [url, entry] of every page, in the order they were added. */
  *entries(): IterableIterator<[string, PageEntry]> {
    for (let row = 0; row < this.urls.length; row++) yield [this.urls[row]!, this.entryAt(row)];
  }

  urlList(): readonly string[] {
    return this.urls;
  }

  /** The columns as encodePageIndex writes them. */
  columns(): { urls: readonly string[]; keys: readonly string[]; files: readonly string[]; digests: readonly string[] } {
    return { urls: this.urls, keys: this.keys, files: this.files, digests: this.digests };
  }

  private entryAt(row: number): PageEntry {
    const digest = this.digests[row]!;
    return digest === '' ? [this.keys[row]!, this.files[row]!] : [this.keys[row]!, this.files[row]!, digest];
  }
}

const FORMAT = 'warraq-page-index';
const VERSION = 2;

/**
 * The index as JSON of four newline-joined columns; undefined when a field holds a newline or is empty (no URL, key or file can,
 * as a build makes them: such an index is not written, and the next build renders every page).
 */
export function encodePageIndex(index: PageIndex): string | undefined {
  const { urls, keys, files, digests } = index.columns();
  for (const column of [urls, keys, files]) for (const value of column) if (value === '' || value.includes('\n')) return undefined;
  for (const value of digests) if (value.includes('\n')) return undefined;
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    urls: urls.join('\n'),
    keys: keys.join('\n'),
    files: files.join('\n'),
    digests: digests.join('\n'),
  });
}

/** encodePageIndex's text back as an index; undefined for anything else (another format, columns of different lengths, a URL twice). */
export function decodePageIndex(text: string): PageIndex | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { format, version, urls, keys, files, digests } = json as Record<string, unknown>;
  if (format !== FORMAT || version !== VERSION) return undefined;
  if (typeof urls !== 'string' || typeof keys !== 'string' || typeof files !== 'string' || typeof digests !== 'string') return undefined;
  if (urls === '') return keys === '' && files === '' && digests === '' ? PageIndex.empty() : undefined;
  const u = urls.split('\n');
  const k = keys.split('\n');
  const f = files.split('\n');
  if (u.includes('') || k.includes('') || f.includes('')) return undefined;
  return PageIndex.fromColumns(u, k, f, digests.split('\n'));
}
