/**
 * No script runs: 160+ XSS payloads go into the body and into every front matter text field of a
 * fixture site (title, summary, section, tags, authors, image alt/credit/caption, slug); the site is
 * built and every page and feed is loaded in Chromium with instrumentation installed before any
 * page script. The sanitizer and the templates' escaping are tested on their own (CSP bypassed);
 * the Content-Security-Policy is tested separately, as a second line of defence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../helpers/chromium.ts';
import { serveStatic } from '../helpers/static-server.ts';
import type { FixtureProject } from '../helpers/fixture-site.ts';
import { build } from '../../src/output/build.ts';
import { PAYLOADS, TEMPLATE_MARKERS } from './payloads.ts';
import { articleSource, hostileProject, listFiles, nthDate } from './hostile-site.ts';

const HAS_BROWSER = requireChromium();

interface Report {
  page: string;
  kind: string;
  detail: string;
}

/** Runs in every frame before any of its scripts: records anything a payload could make run. */
const INSTRUMENT = `(() => {
  const report = (kind, detail) => { try { window.__xssReport(kind, String(detail)); } catch (e) {} };
  Object.defineProperty(window, '__xss', { value: (id) => report('marker', id), writable: false, configurable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...a) => report(name, a.join(' '));
  window.open = (u) => { report('open', u); return null; };
  const f = window.fetch;
  window.fetch = function (...a) { report('fetch', a[0] && a[0].url ? a[0].url : a[0]); return f.apply(this, a); };
  const xo = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (m, u) { report('xhr', u); return xo.apply(this, arguments); };
  if (navigator.sendBeacon) navigator.sendBeacon = (u) => { report('beacon', u); return true; };
  document.write = (...a) => report('document.write', a.join(''));
  document.writeln = (...a) => report('document.writeln', a.join(''));
  document.addEventListener('securitypolicyviolation', (e) => report('csp', e.violatedDirective + ' ' + e.blockedURI), true);
})();`;

/** Runs after load: markup that could run script later (on a click, a hover) or that escaped the sanitizer. */
const AUDIT = () => {
  const problems: string[] = [];
  const bad = (v: string) => {
    try {
      return ['javascript:', 'data:', 'vbscript:'].includes(new URL(v, document.baseURI).protocol);
    } catch {
      return false;
    }
  };
  const URL_ATTRS = [
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'ping',
    'cite',
    'dynsrc',
    'lowsrc',
    'codebase',
    'code',
    'values',
    'to',
    'from',
  ];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    const where = `<${tag}${el.id ? `#${el.id}` : ''}>`;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${where} has event handler ${name}`);
      if (URL_ATTRS.includes(name) && bad(attr.value.trim())) problems.push(`${where} ${name}=${attr.value.slice(0, 60)}`);
      if (name === 'srcset' && attr.value.split(',').some((c) => bad(c.trim().split(/\s+/)[0] ?? '')))
        problems.push(`${where} srcset=${attr.value.slice(0, 60)}`);
      if (name === 'srcdoc' || name === 'style') problems.push(`${where} has ${name}`);
    }
    if (tag === 'script') {
      const type = el.getAttribute('type');
      const src = el.getAttribute('src');
      if (!(type === 'application/ld+json' && !src) && !(type === 'module' && src && /\/assets\/search\.js$/.test(src)))
        problems.push(`script ${type ?? ''} ${src ?? el.textContent?.slice(0, 40)}`);
    }
    if (
      [
        'iframe',
        'frame',
        'frameset',
        'object',
        'embed',
        'applet',
        'base',
        'style',
        'template',
        'isindex',
        'keygen',
        'bgsound',
        'marquee',
      ].includes(tag)
    )
      problems.push(`${where} element`);
    if (tag === 'meta' && el.hasAttribute('http-equiv') && el.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy')
      problems.push(`meta http-equiv=${el.getAttribute('http-equiv')}`);
    if (tag === 'form' && !el.classList.contains('search-form')) problems.push('form element');
    if (tag === 'link' && el.getAttribute('rel') === 'stylesheet' && !/^\/assets\//.test(el.getAttribute('href') ?? ''))
      problems.push(`stylesheet ${el.getAttribute('href')}`);
  }
  // Anything that still listens gets the events a reader's mouse and keyboard would send.
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    for (const type of [
      'mouseover',
      'mouseenter',
      'focus',
      'focusin',
      'blur',
      'toggle',
      'animationstart',
      'transitionend',
      'begin',
      'load',
      'error',
    ])
      el.dispatchEvent(new Event(type));
  }
  return problems;
};

describe.skipIf(!HAS_BROWSER)('hostile content never runs script', () => {
  let project: FixtureProject;
  let out: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  const skipped: string[] = [];
  let allPage = '';

  beforeAll(async () => {
    project = hostileProject();
    // One article per payload: the payload in every text field and twice in the body (as a block, and inline in a sentence).
    const fit = (text: string, max: number, fallback: string, field: string, id: number) => {
      if (text.trim().length <= max) return text;
      skipped.push(`#${id} ${field}`);
      return fallback;
    };
    for (const p of PAYLOADS) {
      project.write(
        `content/2023/p${p.id}.md`,
        articleSource({
          title: p.text,
          summary: p.text,
          section: fit(p.text, 80, `قسم ${p.id}`, 'section', p.id),
          tags: [fit(p.text, 120, `وسم ${p.id}`, 'tag', p.id)],
          authors: [fit(p.text, 120, `كاتب ${p.id}`, 'author', p.id)],
          slug: fit(`p${p.id} ${p.text}`, 120, `p${p.id}`, 'slug', p.id),
          date: nthDate(p.id),
          lang: p.id % 2 ? 'en' : 'ar',
          image: { src: 'media/photo.png', alt: p.text, credit: fit(p.text, 200, 'x', 'credit', p.id), caption: p.text },
          body: `${p.text}\n\nنص قبل ${p.text} ونص بعده.\n\n- ${p.text}\n\n> ${p.text}\n`,
        }),
      );
    }
    // And all of them in one body, each its own block.
    project.write(
      'content/2023/all.md',
      articleSource({
        title: 'كل الحمولات',
        summary: 'كل الحمولات في نص واحد',
        section: 'اختبار',
        tags: ['اختبار'],
        authors: ['اختبار'],
        slug: 'all',
        date: nthDate(400),
        body: PAYLOADS.map((p) => p.text).join('\n\n'),
      }),
    );
    out = path.join(project.root, '_site');
    await build({ root: project.root, outDir: out });
    // Controls, to prove the instrumentation sees script that runs: not part of the site.
    mkdirSync(path.join(out, '__control__'), { recursive: true });
    writeFileSync(
      path.join(out, '__control__', 'index.html'),
      '<!doctype html><title>c</title><script>__xss("control-script")</script><img src=x onerror="__xss(\'control-onerror\')">',
    );
    allPage = listFiles(out).find((f) => f.endsWith('/all/index.html'))!;
    const article = readFileSync(path.join(out, allPage), 'utf8');
    mkdirSync(path.join(out, '__control_csp__'), { recursive: true });
    writeFileSync(
      path.join(out, '__control_csp__', 'index.html'),
      article.replace('</body>', '<script>__xss("control-csp")</script></body>'),
    );
    server = await serveStatic(out);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    project?.remove();
  });

  async function visit(context: BrowserContext, urls: string[], reports: Report[], concurrency = 6): Promise<string[]> {
    const problems: string[] = [];
    const queue = [...urls];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const page: Page = await context.newPage();
        page.on('dialog', (d) => {
          reports.push({ page: page.url(), kind: `dialog:${d.type()}`, detail: d.message() });
          void d.dismiss().catch(() => {});
        });
        for (let url = queue.shift(); url; url = queue.shift()) {
          await page.goto(url, { waitUntil: 'load' }).catch((e: Error) => problems.push(`${url}: ${e.message.split('\n')[0]}`));
          for (const p of await page.evaluate(AUDIT).catch(() => [] as string[])) problems.push(`${decodeURI(url)}: ${p}`);
        }
        await page.close();
      }),
    );
    return problems;
  }

  async function newContext(bypassCSP: boolean, reports: Report[], lean = false): Promise<BrowserContext> {
    const context = await browser.newContext({ bypassCSP });
    // Pictures, fonts and stylesheets cannot run script (the audit checks their URLs): skip loading them to keep 700 pages fast.
    if (lean) await context.route(/\.(?:png|jpe?g|webp|avif|gif|woff2?|css)(?:\?.*)?$/, (route) => route.abort());
    await context.exposeBinding('__xssReport', (source, kind: string, detail: string) => {
      reports.push({ page: source.page?.url() ?? '?', kind, detail });
    });
    await context.addInitScript(INSTRUMENT);
    return context;
  }

  it('the instrumentation sees a script that runs (control)', async () => {
    const reports: Report[] = [];
    const context = await newContext(true, reports);
    await visit(context, [`${server.url}__control__/`], reports, 1);
    await context.close();
    expect([...new Set(reports.filter((r) => r.kind === 'marker').map((r) => r.detail))].sort()).toEqual([
      'control-onerror',
      'control-script',
    ]);
  });

  it('no payload runs on any page or feed, with the CSP switched off', async () => {
    // /admin/ is the editor (Decap CMS): it fetches its configuration and local backend by design
    // and shows no article until an editor signs in; the reader's pages are what is probed here.
    const files = listFiles(out).filter(
      (f) => /\.html$/.test(f) && !f.startsWith('__control') && !f.startsWith('pagefind/') && !f.startsWith('admin/'),
    );
    const urls = files.map((f) => `${server.url}${encodeURI(f.replace(/index\.html$/, ''))}`);
    const reports: Report[] = [];
    const context = await newContext(true, reports, true);
    const problems = await visit(context, urls, reports);
    // Feeds: parsed as XML in the browser; an XHTML <script> or event handler in one would run in a feed reader that shows it.
    const feeds = listFiles(out).filter((f) => /\.xml$/.test(f) && !f.startsWith('pagefind/'));
    const probe = await context.newPage();
    await probe.goto(`${server.url}404.html`);
    const feedProblems = await probe.evaluate(async (list: string[]) => {
      const found: string[] = [];
      for (const f of list) {
        const text = await (await fetch(`/${f}`)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.querySelector('parsererror')) found.push(`${f}: not well-formed XML`);
        for (const el of Array.from(doc.getElementsByTagName('*'))) {
          if (el.namespaceURI === 'http://www.w3.org/1999/xhtml' || el.namespaceURI === 'http://www.w3.org/2000/svg')
            found.push(`${f}: <${el.localName}> in the ${el.namespaceURI} namespace`);
          for (const a of Array.from(el.attributes))
            if (a.name.toLowerCase().startsWith('on')) found.push(`${f}: ${el.localName} ${a.name}`);
        }
      }
      return found;
    }, feeds);
    problems.push(...feedProblems);
    await probe.close();
    // The search page renders titles and excerpts of hostile articles: search for them too.
    const page = await context.newPage();
    for (const q of ['onerror', 'script', 'javascript', 'xss']) {
      await page.goto(`${server.url}search/?q=${q}`);
      await page.fill('#q', q);
      await page.press('#q', 'Enter');
      await page
        .waitForFunction(
          () =>
            (document.querySelector('#search-results')?.children.length ?? 0) > 0 ||
            /لا نتائج/.test(document.querySelector('#search-status')?.textContent ?? ''),
          undefined,
          { timeout: 15_000 },
        )
        .catch(() => {});
      for (const p of await page.evaluate(AUDIT)) problems.push(`search ${q}: ${p}`);
    }
    await context.close();
    const executed = new Set(reports.filter((r) => r.kind === 'marker').map((r) => r.detail));
    const other = reports.filter((r) => r.kind !== 'marker' && !(r.kind === 'fetch' && /\/pagefind\/|\.xml$/.test(r.detail)));
    console.log(
      `XSS: ${PAYLOADS.length} payloads × (title, summary, section, tag, author, slug, image alt/credit/caption, body ×4, one combined body) ` +
        `on ${urls.length} pages and ${feeds.length} feeds; ${skipped.length} field placements skipped as longer than the field allows (${skipped.join(', ')}); ` +
        `payloads executed: ${executed.size}; other calls recorded: ${other.length}; markup problems: ${problems.length}`,
    );
    expect([...executed], 'payloads that ran').toEqual([]);
    expect(other, 'alert/fetch/dialog/… calls').toEqual([]);
    expect(problems, 'dangerous markup in the output').toEqual([]);
  }, 1_200_000);

  it('template syntax in content is never evaluated', () => {
    const files = listFiles(out).filter((f) => /\.(html|xml|json|txt)$/.test(f) && !f.startsWith('pagefind/'));
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(out, f), 'utf8');
      for (const m of TEMPLATE_MARKERS) if (text.includes(m)) hits.push(`${f}: ${m}`);
    }
    expect(hits).toEqual([]);
    const withTemplate = PAYLOADS.find((p) => p.name === 'nunjucks expression')!;
    const page = listFiles(out).find((f) => f.includes(`/p${withTemplate.id}-`) && f.endsWith('index.html'))!;
    expect(readFileSync(path.join(out, page), 'utf8')).toContain('{{');
  });

  it('the Content-Security-Policy blocks inline script and lets the site itself run', async () => {
    const reports: Report[] = [];
    const context = await newContext(false, reports);
    const problems = await visit(
      context,
      [`${server.url}`, `${server.url}${encodeURI(allPage.replace(/index\.html$/, ''))}`, `${server.url}__control_csp__/`],
      reports,
      1,
    );
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    await page.fill('#q', 'xss');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => (document.querySelector('#search-results')?.children.length ?? 0) > 0, undefined, { timeout: 20_000 });
    await context.close();
    expect(problems.filter((p) => !p.includes('__control_csp__'))).toEqual([]);
    expect(reports.filter((r) => r.kind === 'marker')).toEqual([]);
    const violations = reports.filter((r) => r.kind === 'csp');
    // Exactly one violation: the injected inline script of the control page. The site's own
    // pages, its stylesheet, fonts, images and Pagefind (module, worker, WebAssembly) pass.
    expect(violations.map((v) => `${v.page.includes('__control_csp__') ? 'control' : v.page}: ${v.detail.split(' ')[0]}`)).toEqual([
      'control: script-src-elem',
    ]);
  }, 300_000);
});
