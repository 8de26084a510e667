// Search page: the only script on the site. Loads Pagefind's index lazily, folds the query the
// way the Arabic index folds words (no harakat or tatweel; أ/إ/آ → ا, ى → ي, ة → ه) and renders
// results with DOM methods (no HTML from the index except <mark> around matched words).
// A foreign name is also searched by its spelling-tolerant key (name-key.js, the build's own
// copy) in the index's `name` filter, so لوكاشينكو finds the article that writes لوكاشنكو.
import { nameKey } from './name-key.js';

const form = document.querySelector('.search-form');
const input = document.getElementById('q');
const list = document.getElementById('search-results');
const status = document.getElementById('search-status');
const base = form.dataset.base || '/';

export function fold(text) {
  return text
    .normalize('NFC')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .trim();
}

// One Pagefind index per chunk of articles, newest first (site/search-chunks.ts), searched in
// tiers so that a phone fetches only what it needs: the newest articles first (config
// search.firstTier, 2,000 by default), then, when the reader asks for more, tiers twice as large. A tier is one Pagefind instance (its
// newest chunk's pagefind.js, the others merged into it); its results follow the newer tiers'.
const FIRST_TIER = Number(form.dataset.firstTier) || 2000;
const chunks = (form.dataset.chunks || '')
  .split(' ')
  .filter(Boolean)
  .map((c) => ({ name: c.slice(0, c.lastIndexOf(':')), articles: Number(c.slice(c.lastIndexOf(':') + 1)) }));
const tiers = [];
for (let i = 0, size = FIRST_TIER; i < chunks.length; size *= 2) {
  const tier = { chunks: [], articles: 0 };
  for (; i < chunks.length && tier.articles < size; i++) {
    tier.chunks.push(chunks[i].name);
    tier.articles += chunks[i].articles;
  }
  tiers.push(tier);
}
const engines = [];
let attempts = 0;
function engine(t) {
  engines[t] ??= (async () => {
    const [first, ...rest] = tiers[t].chunks;
    const bundle = `${base}pagefind/${first}/`;
    // A module that failed to load stays failed at its URL: another try asks for it at another one.
    const pf = await import(`${bundle}pagefind.js${attempts ? `?try=${attempts}` : ''}`);
    await pf.options({ basePath: bundle, baseUrl: base });
    for (const chunk of rest) await pf.mergeIndex(`${base}pagefind/${chunk}/`, { baseUrl: base });
    pf.init();
    return pf;
  })().catch((error) => {
    engines[t] = undefined; // a lost connection: the next search tries again
    attempts++;
    throw error;
  });
  return engines[t];
}

const digits = new Intl.NumberFormat('ar', { numberingSystem: form.dataset.nums || 'latn' });

/** An excerpt as text nodes, with Pagefind's <mark> highlights kept as elements. */
function excerpt(html) {
  const p = document.createElement('p');
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(document.createTextNode(node.textContent || ''));
    }
  }
  return p;
}

const plural = new Intl.PluralRules('ar');
function count(n) {
  switch (plural.select(n)) {
    case 'one': return 'نتيجة واحدة';
    case 'two': return 'نتيجتان';
    case 'few': return `${digits.format(n)} نتائج`;
    default: return `${digits.format(n)} نتيجة`;
  }
}

/**
 * The words as typed, then with each name among them replaced by its key in the `name` filter,
 * then with every name so replaced; results merged, those of the words as typed first.
 */
async function searchWithNames(pf, q) {
  const words = q.split(/\s+/).filter(Boolean);
  const keys = words.map((w) => nameKey(w));
  const rest = (skip) => words.filter((_, i) => !skip(i)).join(' ') || null;
  const searches = [pf.search(q)];
  keys.forEach((key, i) => {
    if (key) searches.push(pf.search(rest((j) => j === i), { filters: { name: key } }));
  });
  const named = keys.filter(Boolean);
  if (named.length > 1) searches.push(pf.search(rest((j) => Boolean(keys[j])), { filters: { name: { all: named } } }));
  const seen = new Set();
  const merged = [];
  for (const search of await Promise.all(searches)) {
    for (const r of search.results) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      merged.push(r);
    }
  }
  return merged;
}

const PAGE = 20;
const more = document.getElementById('search-more');
/** The query being shown: its results so far (newer tiers first), how many tiers searched, how many shown. */
let current;

async function run(query) {
  const q = fold(query);
  list.replaceChildren();
  more.hidden = true;
  current = q ? { q, found: [], searched: 0, shown: 0 } : undefined;
  if (!q) {
    status.textContent = '';
    return;
  }
  if (!tiers.length) {
    status.textContent = 'لا نتائج. جرّب كلمة أخرى.';
    return;
  }
  await showMore(current);
}

/** The next page of results: from those found, else from the next older tiers until one finds any. */
async function showMore(state) {
  status.textContent = 'جارٍ البحث…';
  more.hidden = true;
  let page;
  try {
    while (state.shown >= state.found.length && state.searched < tiers.length) {
      const found = await searchWithNames(await engine(state.searched), state.q);
      if (state !== current) return;
      state.found.push(...found);
      state.searched++;
    }
    page = await Promise.all(state.found.slice(state.shown, state.shown + PAGE).map((r) => r.data()));
  } catch {
    // (a lost connection on a phone: the results shown stay, and the same step can be tried again)
    if (state !== current) return;
    status.textContent = 'تعذّر البحث الآن. تحقّق من الاتصال وأعد المحاولة.';
    more.textContent = 'أعد المحاولة';
    more.hidden = false;
    return;
  }
  if (state !== current) return;
  state.shown += page.length;
  const older = state.searched < tiers.length;
  status.textContent = state.found.length
    ? `${count(state.found.length)}${older ? ' في الأخبار الأحدث' : ''}`
    : 'لا نتائج. جرّب كلمة أخرى.';
  for (const r of page) {
    const li = document.createElement('li');
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = r.meta.title || r.url;
    h.append(a);
    li.append(h, excerpt(r.excerpt));
    list.append(li);
  }
  if (state.shown < state.found.length) more.textContent = 'المزيد من النتائج';
  else if (older) more.textContent = 'ابحث في الأخبار الأقدم';
  more.hidden = !(state.shown < state.found.length || older);
}

more.addEventListener('click', () => {
  if (current) showMore(current);
});

let timer;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Enter right after typing: the debounced search for the same words must not fire later and
  // wipe the results this one shows.
  clearTimeout(timer);
  const params = new URLSearchParams({ q: input.value });
  history.replaceState(null, '', `?${params}`);
  run(input.value);
});
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), 250);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  run(initial);
}
