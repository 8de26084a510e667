/**
 * Deterministic synthetic Arabic news corpus for benchmarks (same seed and count, same bytes): schema-valid front matter and ~700-word
 * Markdown bodies lightly damaged, written as content/YYYY/MM/<slug>.md so bare Eleventy and Hugo give each article Warraq's URL.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const WORDS: string[] = JSON.parse(readFileSync(new URL('./words.json', import.meta.url), 'utf8'));

/** mulberry32: small, fast, good enough for synthetic text; the seed fixes everything. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SECTIONS = ['سياسة', 'اقتصاد', 'رياضة', 'علوم وتقنية', 'ثقافة', 'صحة', 'منوعات', 'رأي'];
const ZONES = ['+03:00', '+02:00', '+04:00', 'Z', '+01:00'];

export interface CorpusArticle {
  /** Path relative to the project root: content/YYYY/MM/<slug>.md */
  file: string;
  slug: string;
  text: string;
}

export interface CorpusOptions {
  count: number;
  seed?: number;
}

function vocabulary(rand: () => number) {
  // Zipf-like: word ranks are a fixed shuffle of the list; p(rank r) ∝ 1/(r+10).
  const words = [...WORDS];
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < words.length; r++) cumulative.push((total += 1 / (r + 10)));
  return (u: number): string => {
    const x = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

/** Generates the corpus in memory (articles in a fixed order). */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusArticle> {
  const rand = prng(options.seed ?? 20261129);
  const word = vocabulary(rand);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => word(rand())).join(' ');
  const tags = Array.from({ length: 240 }, (_, i) => (i < 120 ? word(rand() * 0.6) : `${word(rand())} ${word(rand())}`));
  const uniqueTags = [...new Set(tags)];
  const authors = Array.from({ length: 30 }, () => `${word(rand())} ${word(rand())}`);
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < options.count; i++) {
    // Spread dates over 11 years, roughly in order, with jitter.
    const t = start + Math.floor(((i + rand()) / options.count) * span);
    const zone = pick(ZONES);
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 19) + zone;
    const year = iso.slice(0, 4);
    const month = iso.slice(5, 7);
    const slug = `story-${String(i + 1).padStart(6, '0')}`;
    const articleTags = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(uniqueTags)))];
    const articleAuthors = [...new Set(Array.from({ length: rand() < 0.8 ? 1 : 2 }, () => pick(authors)))];
    const fm = [
      '---',
      `title: "${damage(words(6 + Math.floor(rand() * 7)), rand, 0.1)}"`,
      `date: ${iso}`,
      `section: ${pick(SECTIONS)}`,
      `tags: [${articleTags.join(', ')}]`,
      `authors: [${articleAuthors.join(', ')}]`,
      `summary: "${words(15 + Math.floor(rand() * 16))}."`,
      `slug: ${slug}`,
      'lang: ar',
      '---',
      '',
    ];
    const body: string[] = [];
    let n = 0;
    const target = 620 + Math.floor(rand() * 160);
    while (n < target) {
      const r = rand();
      if (r < 0.08 && body.length > 1) {
        body.push(`## ${words(3 + Math.floor(rand() * 4))}`);
      } else if (r < 0.14) {
        const items = 2 + Math.floor(rand() * 3);
        const list: string[] = [];
        for (let k = 0; k < items; k++) {
          const len = 6 + Math.floor(rand() * 10);
          list.push(`- ${words(len)}.`);
          n += len;
        }
        body.push(list.join('\n'));
      } else if (r < 0.18) {
        const len = 12 + Math.floor(rand() * 15);
        body.push(`> "${words(len)}."`);
        n += len;
      } else {
        const sentences = 2 + Math.floor(rand() * 4);
        const parts: string[] = [];
        for (let k = 0; k < sentences; k++) {
          const len = 8 + Math.floor(rand() * 18);
          let s = words(len);
          const x = rand();
          if (x < 0.12) s = s.replace(/^(\S+ \S+)/, '**$1**');
          else if (x < 0.2) s = `${s} [${words(2)}](https://example.org/${year}/${i}-${k})`;
          else if (x < 0.25) s = `${s} "${words(3)}"`;
          parts.push(damage(s, rand, 0.25) + (rand() < 0.15 ? '،' : '.'));
          n += len;
        }
        body.push(parts.join(' '));
      }
    }
    yield { file: `content/${year}/${month}/${slug}.md`, slug, text: `${fm.join('\n')}${body.join('\n\n')}\n` };
  }
}

/** A little of the damage found in real copy: a split word, tatweel, a Persian yeh or kaf. */
function damage(s: string, rand: () => number, p: number): string {
  if (rand() >= p) return s;
  const words = s.split(' ');
  const i = Math.floor(rand() * words.length);
  const w = words[i]!;
  const kind = rand();
  if (kind < 0.5 && w.length >= 5) {
    const at = 2 + Math.floor(rand() * (w.length - 3));
    words[i] = `${w.slice(0, at)} ${w.slice(at)}`;
  } else if (kind < 0.7 && w.length >= 3) {
    words[i] = `${w.slice(0, 1)}ـــ${w.slice(1)}`;
  } else if (kind < 0.85) {
    words[i] = w.replace(/ي$/, 'ی');
  } else {
    words[i] = w.replace(/ك/, 'ک');
  }
  return words.join(' ');
}

/** Writes the corpus under root (content/…); returns the files written. */
export function writeCorpus(root: string, options: CorpusOptions): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  const made = new Set<string>();
  for (const a of generateCorpus(options)) {
    const full = path.join(root, a.file);
    const dir = path.dirname(full);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(full, a.text);
    out.push({ ...a, text: '' });
  }
  return out;
}

// `node --import tsx scripts/corpus/generate.ts DIR N`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: generate.ts DIR [N]\n');
    process.exit(2);
  }
  const files = writeCorpus(path.resolve(dir), { count: Number(count ?? 1000) });
  process.stdout.write(`${files.length} articles in ${path.resolve(dir)}/content\n`);
}
