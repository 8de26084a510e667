/**
 * Atomic output: whatever happens to a build (a bad article, a crash while pages are being
 * written, a SIGKILL), the previous _site/ stays byte for byte as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { BIN, runCli } from './run.ts';

const article = (n: number) => `---
title: "خبر رقم ${n} عن الاقتصاد"
date: 2022-12-${String(10 + n).padStart(2, '0')}T09:00:00+03:00
section: اقتصاد
tags: [أسواق, نفط]
authors: [كريم العبدالله]
summary: "ملخص الخبر رقم ${n}."
lang: ar
---

ارتفعت أسعار النفط في الأسواق العالمية للمرة ${n} هذا الشهر، وفق ما أعلنته مصادر في القطاع.

## تفاصيل

قال محللون إن «الطلب ما زال قويا» رغم المخاوف من تباطؤ الاقتصاد.
`;

/** One hash of every path and every byte under `dir`. */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      h.update(`${path.relative(dir, full)}\0${e.isDirectory() ? 'd' : 'f'}\0`);
      if (e.isDirectory()) walk(full);
      else h.update(readFileSync(full));
    }
  };
  walk(dir);
  return h.digest('hex');
}

const leftovers = (root: string) => readdirSync(root).filter((n) => n.startsWith('_site.tmp-') || n.startsWith('_site.old-'));

describe('atomic output', () => {
  let project: FixtureProject;
  let site: string;
  let good: string;

  beforeAll(async () => {
    project = fixtureProject();
    for (let n = 1; n <= 8; n++) project.write(`content/2022/12/news-${n}.md`, article(n));
    const r = await runCli(['build'], { cwd: project.root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /Built 8 articles .* pages, \d+ repairs, \d+ possible split words \(see warraq lint\), \d+ warnings in \d+\.\d\d s/,
    );
    site = path.join(project.root, '_site');
    good = hashTree(site);
    expect(existsSync(path.join(site, 'index.html'))).toBe(true);
  }, 180_000);
  afterAll(() => project.remove());

  it('(a) a bad article: exit 1, the problem named, the previous site untouched', async () => {
    project.write('content/2022/12/bad.md', article(9).replace('section: اقتصاد\n', '').replace('2022-12-19T09:00:00+03:00', 'yesterday'));
    try {
      const r = await runCli(['build'], { cwd: project.root });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/content\/2022\/12\/bad\.md:\d+: .*section/);
      expect(r.stderr).toMatch(/previous site was left as it was/);
      expect(hashTree(site)).toBe(good);
      expect(leftovers(project.root)).toEqual([]);
    } finally {
      rmSync(path.join(project.root, 'content/2022/12/bad.md'));
    }
  }, 180_000);

  it('(b) a crash while the pages are written: exit 1, the previous site untouched, no temporary folder left', async () => {
    // A template that fails when Eleventy renders it: the temporary folder exists by then.
    project.write('templates/crash.njk', '---\npermalink: /crash/\n---\n{{ warraq.articles | nosuchfilter }}\n');
    try {
      const r = await runCli(['build'], { cwd: project.root });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Build failed/);
      expect(hashTree(site)).toBe(good);
      // A helper process of the failed build (an image or search worker) may still be finishing a
      // write into the temporary folder; the build's exit handler and then the next build remove it.
      for (let i = 0; i < 30 && leftovers(project.root).length; i++) await new Promise((r) => setTimeout(r, 100));
      if (leftovers(project.root).length) {
        const again = await runCli(['build'], { cwd: project.root });
        expect(again.code).toBe(1);
      }
      expect(leftovers(project.root)).toEqual([]);
    } finally {
      rmSync(path.join(project.root, 'templates/crash.njk'));
    }
  }, 180_000);

  it('(c) SIGKILL mid-build: the previous site untouched; the next build clears the leftovers', async () => {
    // Change the content, so that a completed build would change _site.
    project.write('content/2022/12/news-10.md', article(10));
    const child = spawn(process.execPath, [BIN, 'build'], { cwd: project.root, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let killedAt: string | undefined;
    const kill = () => {
      const tmp = leftovers(project.root).find((n) => n.startsWith('_site.tmp-'));
      if (tmp && !killedAt) {
        killedAt = tmp;
        child.kill('SIGKILL');
      }
    };
    const watcher = watch(project.root, kill);
    const poll = setInterval(kill, 5);
    const signal = await exited;
    watcher.close();
    clearInterval(poll);
    expect(killedAt, 'the build finished before its temporary folder was seen').toBeDefined();
    expect(signal).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    expect(hashTree(site)).toBe(good);

    // The next build succeeds, replaces the site and removes what the killed one left (the old
    // site's own removal goes on in the background after the command returns: waited for).
    const r = await runCli(['build'], { cwd: project.root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Built 9 articles/);
    expect(hashTree(site)).not.toBe(good);
    expect(leftovers(project.root).filter((n) => n.startsWith('_site.tmp-'))).toEqual([]);
    for (let i = 0; i < 100 && leftovers(project.root).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(leftovers(project.root)).toEqual([]);
  }, 180_000);

  it('(d) an old site whose removal was cut short is removed by the next build', async () => {
    const old = path.join(project.root, '_site.old-1-2');
    mkdirSync(path.join(old, '2022', '12'), { recursive: true });
    writeFileSync(path.join(old, '2022', '12', 'index.html'), '<p>old</p>');
    project.write('content/2022/12/news-11.md', article(11));
    const r = await runCli(['build'], { cwd: project.root });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('خبر رقم 11');
    for (let i = 0; i < 100 && leftovers(project.root).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(leftovers(project.root)).toEqual([]);
  }, 180_000);
});
