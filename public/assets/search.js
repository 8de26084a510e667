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

// One Pagefind index per year of articles, newest first (site/search.ts): the newest is loaded,
// the others merged into it, so one search covers the whole archive.
const shards = (form.dataset.shards || '').split(' ').filter(Boolean);
let pagefind;
async function engine() {
  if (!pagefind) {
    const pf = await import(`${base}pagefind/${shards[0]}/pagefind.js`);
    await pf.options({ baseUrl: base });
    for (const year of shards.slice(1)) await pf.mergeIndex(`${base}pagefind/${year}/`, { baseUrl: base });
    pf.init();
    pagefind = pf;
  }
  return pagefind;
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

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  const q = fold(query);
  list.replaceChildren();
  if (!q) {
    status.textContent = '';
    return;
  }
  if (!shards.length) {
    status.textContent = 'لا نتائج. جرّب كلمة أخرى.';
    return;
  }
  status.textContent = 'جارٍ البحث…';
  const pf = await engine();
  const found = await searchWithNames(pf, q);
  const results = await Promise.all(found.slice(0, 20).map((r) => r.data()));
  if (ticket !== latest) return;
  status.textContent = results.length ? count(found.length) : 'لا نتائج. جرّب كلمة أخرى.';
  for (const r of results) {
    const li = document.createElement('li');
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = r.meta.title || r.url;
    h.append(a);
    li.append(h, excerpt(r.excerpt));
    list.append(li);
  }
}

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
