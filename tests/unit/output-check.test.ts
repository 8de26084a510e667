/**
 * output/output-check.ts: the worker thread's verdict on the last output is outputIntact's, made against the stamp file it names;
 * none without a stamp of that output.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkOutputBeside } from '../../src/output/output-check.ts';
import { outputManifest, stampIdentity, writeStamp } from '../../src/store/stamp.ts';

describe('the output check beside the prepare stage', () => {
  let root: string;
  let out: string;
  let cache: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'warraq-output-check-'));
    out = path.join(root, '_site');
    cache = path.join(root, '.cache');
    mkdirSync(path.join(out, 'a'), { recursive: true });
    writeFileSync(path.join(out, 'index.html'), 'home');
    writeFileSync(path.join(out, 'a', 'index.html'), 'page');
    writeStamp(cache, { fingerprint: 'f', outDir: out, pages: 2, manifest: outputManifest(out) });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('says intact for the output as the stamp says, not for a changed or added file, and names the stamp it read', async () => {
    expect(await checkOutputBeside(cache, out)).toEqual({ stamp: stampIdentity(cache), intact: true });
    writeFileSync(path.join(out, 'a', 'extra.html'), 'stray');
    expect(await checkOutputBeside(cache, out)).toEqual({ stamp: stampIdentity(cache), intact: false });
    rmSync(path.join(out, 'a', 'extra.html'));
    writeFileSync(path.join(out, 'a', 'index.html'), 'edited by hand');
    expect((await checkOutputBeside(cache, out))?.intact).toBe(false);
  });

  it('gives nothing without a stamp, or for another output folder', async () => {
    expect(await checkOutputBeside(cache, path.join(root, 'elsewhere'))).toBeUndefined();
    rmSync(cache, { recursive: true });
    expect(await checkOutputBeside(cache, out)).toBeUndefined();
  });
});
