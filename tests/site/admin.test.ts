/**
 * The browser editor end to end, in Chromium: `warraq admin` on a temporary copy of a small site
 * (Decap CMS's local backend + the preview server), a refused entry without a title, then an Arabic
 * article with a damaged word written through /admin/ into content/, repaired by `warraq lint
 * --fix`, passing `warraq lint`, and published by `warraq build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { articleSource, fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { launchChromium, requireChromium } from '../helpers/chromium.ts';
import { BIN, runCli } from '../cli/run.ts';
import { slugify } from '../../src/text/slug.ts';

const haveChromium = requireChromium();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Every .md file under content/, relative to the project. */
function articleFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.md')) out.push(rel);
    }
  };
  walk('content');
  return out.sort();
}

const TITLE = 'الشركة تعلن نتائجها السنوية';
const SUMMARY = 'نتائج الشركة السنوية وخسائرها.';
// `تكب دت` (تكبّدت with its shadda lost) needs the lexicon: the lint repairs it. The quotes the
// preview repairs too (no lexicon needed there).
const BODY = 'قالت الشركة إنها تكب دت خسائر كبيرة هذا العام، وقال مديرها "سنعود إلى الربح".';
const SLUG = slugify(TITLE);
const EXPECTED_FILE = `content/2023/03/${SLUG}.md`;

describe.skipIf(!haveChromium)('/admin/: the browser editor (Decap CMS, local backend)', () => {
  let site: FixtureProject;
  let admin: ChildProcess;
  let browser: Browser;
  let page: Page;
  let port: number;
  let log = '';

  beforeAll(async () => {
    site = fixtureProject();
    site.write('content/2023/03/first.md', articleSource('خبر أول عن الشركات', 'تكبدت الشركات خسائر كبيرة في الربع الأول.'));
    port = await freePort();
    const backendPort = await freePort();
    admin = spawn(process.execPath, [BIN, 'admin', '--root', site.root, '--port', String(port), '--backend-port', String(backendPort)], {
      cwd: site.root,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    admin.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
    admin.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
    // Ready when the preview server says so (it starts after the local backend).
    await new Promise<void>((resolve, reject) => {
      const check = () => (/Previewing \d+ articles/.test(log) ? resolve() : undefined);
      admin.stderr!.on('data', check);
      admin.stdout!.on('data', check);
      admin.once('exit', (code) => reject(new Error(`warraq admin exited (${code}):\n${log}`)));
    });
    browser = await launchChromium();
    const context = await browser.newContext({ timezoneId: 'Asia/Riyadh', viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (admin && admin.exitCode === null) {
      const exited = new Promise((r) => admin.once('exit', r));
      admin.kill('SIGTERM');
      await exited;
    }
    site?.remove();
  });

  it('is in the built site with noindex, and out of the sitemap', async () => {
    const html = await (await fetch(`http://localhost:${port}/admin/`)).text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<script src="/admin/decap-cms.js"></script>');
    const config = parseYaml(readFileSync(path.join(site.root, '_site/admin/config.yml'), 'utf8'));
    const fields = config.collections[0].fields as Array<{ name: string; options?: string[] }>;
    expect(fields.find((f) => f.name === 'section')!.options).toEqual(['اقتصاد']);
    expect(fields.find((f) => f.name === 'authors')!.options).toEqual(['سلمى الحسيني']);
    expect(readFileSync(path.join(site.root, '_site/sitemap.xml'), 'utf8')).not.toContain('admin');
  });

  it("refuses an entry without a title with the schema's message, and writes nothing", async () => {
    await page.goto(`http://localhost:${port}/admin/#/collections/articles/new`);
    await page.getByRole('button', { name: 'Login' }).click();
    const title = page.locator('[data-warraq-field="title"] input');
    await title.waitFor();
    expect(await title.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    await page.locator('[data-warraq-field="summary"] textarea').fill(SUMMARY);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now').click();
    await page.getByText('title is missing').waitFor();
    expect(articleFiles(site.root)).toEqual(['content/2023/03/first.md']);
  }, 60_000);

  it('switches the fields to left-to-right for lang: en', async () => {
    const title = page.locator('[data-warraq-field="title"] input');
    await chooseOption(page, 'lang', 'English');
    await expect.poll(() => title.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    await chooseOption(page, 'lang', 'العربية');
    await expect.poll(() => title.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
  }, 60_000);

  it('writes an Arabic article to content/YYYY/MM/<slug>.md that lint --fix repairs and the build publishes', async () => {
    await page.locator('[data-warraq-field="title"] input').fill(TITLE);
    await page.locator('[data-warraq-field="date"] input[type="datetime-local"]').fill('2023-03-05T10:00');
    await chooseOption(page, 'section', 'اقتصاد');
    await chooseOption(page, 'authors', 'سلمى الحسيني');
    await page.locator('[data-warraq-field="tags"] input').fill('الشركات');
    const body = page.locator('[data-warraq-field="body"]');
    await body.getByText('Markdown', { exact: true }).click();
    const editor = body.locator('[contenteditable="true"]');
    await editor.click();
    await page.keyboard.insertText(BODY);

    // The preview: the site's stylesheet and article markup, the text as the build repairs it.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('article.story .body p').textContent()).toContain('«سنعود إلى الربح»');
    expect(await preview.locator('article.story h1').textContent()).toBe(TITLE);
    expect(await preview.locator('link[href="/assets/site.rtl.css"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now').click();
    await expect.poll(() => articleFiles(site.root).length, { timeout: 30_000 }).toBe(2);
    expect(articleFiles(site.root).join(' | ')).toContain(EXPECTED_FILE);

    // The file can be there before the server has written all of it (seen on a loaded machine): wait for its whole front matter.
    const written = () => readFileSync(path.join(site.root, EXPECTED_FILE), 'utf8');
    await expect.poll(() => /^---\n[\s\S]*?\n---\n/.test(written()), { timeout: 30_000 }).toBe(true);
    const text = written();
    const [, front, rest] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    expect(parseYaml(front!, { version: '1.2' })).toEqual({
      title: TITLE,
      date: '2023-03-05T10:00:00+03:00',
      section: 'اقتصاد',
      tags: ['الشركات'],
      authors: ['سلمى الحسيني'],
      summary: SUMMARY,
      slug: SLUG,
      lang: 'ar',
    });
    expect(rest!.trim()).toBe(BODY);

    const before = await runCli(['lint', EXPECTED_FILE], { cwd: site.root });
    expect(before.code, before.stdout + before.stderr).toBe(1);
    expect(before.stdout + before.stderr).toContain('split-word');
    const fix = await runCli(['lint', '--fix', EXPECTED_FILE], { cwd: site.root });
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(readFileSync(path.join(site.root, EXPECTED_FILE), 'utf8')).toContain('تكبّدت');
    const after = await runCli(['lint'], { cwd: site.root });
    expect(after.code, after.stdout + after.stderr).toBe(0);

    const build = await runCli(['build', '--out', '_built'], { cwd: site.root });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const html = readFileSync(path.join(site.root, '_built', '2023', '03', SLUG, 'index.html'), 'utf8');
    expect(html).toContain(TITLE);
    expect(html).toContain('تكبّدت');
  }, 180_000);
});

/** Picks an option of a select field (Decap's react-select) by its visible label. */
async function chooseOption(page: Page, field: string, label: string): Promise<void> {
  await page.locator(`[data-warraq-field="${field}"] input`).first().click();
  await page.getByRole('option', { name: label, exact: true }).click();
}
