/**
 * What shard k of n builds (`warraq build --shard k/n`): search chunks go whole to the least-loaded shard, largest first; article pages
 * fill every shard to an equal share, its own chunks' articles first; home and listing pages are dealt in turn. A function of the site
 * alone, so every shard computes the same plan, and together the shards build each page and each chunk exactly once.
 */
import type { Article } from '../content/article.ts';
import type { RenderSelection, SiteData } from './data.ts';

export interface ShardPlan {
  /** Shard k of n (1 ≤ k ≤ n). */
  k: number;
  n: number;
  /** The search chunks this shard indexes. */
  chunks: Set<string>;
  /** The article, home and listing pages it renders. */
  pages: RenderSelection;
  /** The articles whose body it needs: its article pages, its chunks' search documents, and every feed's items. */
  bodies: Set<Article>;
}

/** Parses `k/n` (1 ≤ k ≤ n ≤ 64); undefined when it is not that. */
export function parseShard(text: string): { k: number; n: number } | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text.trim());
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  return m && k >= 1 && n >= 1 && k <= n && n <= 64 ? { k, n } : undefined;
}

export function planShard(site: SiteData, chunks: ReadonlyMap<string, readonly Article[]>, k: number, n: number): ShardPlan {
  // Chunks: largest first (then by name) to the shard with the fewest articles so far (then the lowest number).
  const load = new Array<number>(n).fill(0);
  const owner = new Map<string, number>();
  const order = [...chunks].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1));
  for (const [name, list] of order) {
    const s = load.indexOf(Math.min(...load));
    owner.set(name, s);
    load[s]! += list.length;
  }
  // Article pages: each shard keeps its chunks' articles up to an equal share; the rest go, in order, to shards below it.
  const share = Math.ceil(site.articles.length / n);
  const pageOwner = new Map<Article, number>();
  const kept = new Array<number>(n).fill(0);
  const overflow: Article[] = [];
  for (const [name, list] of [...chunks].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const s = owner.get(name)!;
    for (const a of list) {
      if (kept[s]! < share) {
        pageOwner.set(a, s);
        kept[s]!++;
      } else overflow.push(a);
    }
  }
  const inChunks = new Set([...chunks.values()].flat());
  for (const a of site.articles) if (!inChunks.has(a)) overflow.push(a); // (a URL without a year: in no chunk)
  let s = 0;
  for (const a of overflow) {
    while (kept[s]! >= share) s++;
    pageOwner.set(a, s);
    kept[s]!++;
  }
  const mine = k - 1;
  const myChunks = new Set([...owner].filter(([, o]) => o === mine).map(([name]) => name));
  const articles = site.articles.filter((a) => pageOwner.get(a) === mine);
  // Home and listing pages: dealt in turn, the home pages first.
  const dealt = [...site.home, ...site.listingPages];
  const mineDealt = new Set(dealt.filter((_, i) => i % n === mine));
  const pages: RenderSelection = {
    articles,
    home: site.home.filter((p) => mineDealt.has(p)),
    listingPages: site.listingPages.filter((p) => mineDealt.has(p)),
  };
  const bodies = new Set<Article>(articles);
  for (const name of myChunks) for (const a of chunks.get(name)!) bodies.add(a);
  for (const feed of site.feeds) for (const a of feed.items) bodies.add(a);
  return { k, n, chunks: myChunks, pages, bodies };
}
