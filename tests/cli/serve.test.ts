import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { BIN } from './run.ts';

const ARTICLE = 'content/2022/12/minsk.md';
const TEXT = `---
title: "بوتين يزور مينسك"
date: 2022-12-19T18:30:00+03:00
section: سياسة
tags: [روسيا, بيلاروس]
authors: [سلمى الحسيني]
summary: "زيارة قصيرة إلى العاصمة البيلاروسية."
lang: ar
---

وصل الرئيس الروسي إلى مينسك في زيارة تستمر يوما واحدا.
`;

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

async function fetchText(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { status: r.status, text: await r.text() };
  } catch {
    return undefined;
  }
}

/** Polls until `ok` holds, every 50 ms, giving up after a generous `timeoutMs`; returns the milliseconds it took (for the log only). */
async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (await ok()) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe('warraq serve', () => {
  let project: FixtureProject;
  let server: ChildProcess | undefined;
  let log = '';
  let port: number;

  beforeAll(async () => {
    project = fixtureProject();
    project.write(ARTICLE, TEXT);
    port = await freePort();
    server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
      cwd: project.root,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server!.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    project.remove();
  });

  it('serves the site, and an edited article is served again', async () => {
    const home = `http://127.0.0.1:${port}/`;
    await waitFor('the server', async () => (await fetchText(home))?.status === 200, 90_000).catch((e) => {
      throw new Error(`${(e as Error).message}\n${log}`);
    });
    // The file watcher finishes its first scan just after the server answers: give it a moment.
    await waitFor('the watcher', async () => log.includes('Watching'), 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    const url = `${home}2022/12/${encodeURIComponent('بوتين-يزور-مينسك')}/`;
    const page = await fetchText(url);
    expect(page?.status, log).toBe(200);
    expect(page!.text).toContain('في زيارة تستمر يوما واحدا');

    // An edit to the body, and one to the front matter (global data must be refreshed, not cached).
    const full = path.join(project.root, ARTICLE);
    writeFileSync(full, readFileSync(full, 'utf8').replace('يوما واحدا', 'يومين كاملين').replace('زيارة قصيرة', 'زيارة طويلة'));
    const ms = await waitFor(
      'the edit',
      async () => {
        const r = await fetchText(url);
        return Boolean(r?.text.includes('يومين كاملين') && r.text.includes('زيارة طويلة'));
      },
      60_000,
    ).catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${log}\n${(await fetchText(url))?.text}`);
    });
    console.log(`warraq serve: edit → served in ${Math.round(ms)} ms`);

    // A broken edit is reported; the last good page stays; fixing it brings the preview back.
    writeFileSync(full, readFileSync(full, 'utf8').replace('section: سياسة', 'section:'));
    await waitFor('the problem report', async () => log.includes(`${ARTICLE}:4`), 60_000);
    const stale = await fetchText(url);
    expect(stale?.status).toBe(200);
    expect(stale!.text).toContain('يومين كاملين');
    writeFileSync(full, readFileSync(full, 'utf8').replace('section:', 'section: سياسة').replace('يومين كاملين', 'ثلاثة أيام'));
    const again = await waitFor('the fixed edit', async () => Boolean((await fetchText(url))?.text.includes('ثلاثة أيام')), 60_000);
    console.log(`warraq serve: fixed edit → served in ${Math.round(again)} ms`);
    expect(server!.exitCode).toBe(null);
  }, 180_000);

  it('refuses to start on invalid content, with the problem and exit 1', async () => {
    const bad = fixtureProject();
    try {
      bad.write(ARTICLE, TEXT.replace('section: سياسة\n', ''));
      const child = spawn(process.execPath, [BIN, 'serve', '--port', String(await freePort())], {
        cwd: bad.root,
        env: { ...process.env, CI: 'true' },
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(err).toMatch(/section is missing/);
    } finally {
      bad.remove();
    }
  }, 180_000);
});
