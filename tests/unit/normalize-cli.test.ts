import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/warraq.js', import.meta.url));
const SEED = fileURLToPath(new URL('../fixtures/seed/000_cf6fa2405558f434.txt', import.meta.url));

function run(args: string[], input: string): { stdout: string; stderr: string } {
  const out = execFileSync('node', [BIN, 'normalize', ...args], {
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: out, stderr: '' };
}

describe('npx warraq normalize (the measurement contract)', () => {
  it('writes the normalized text with the same number of lines', () => {
    const input = readFileSync(SEED, 'utf8');
    const { stdout } = run([], input);
    expect(stdout.split('\n').length).toBe(input.split('\n').length);
    expect(stdout).toContain('تكبّدت');
    expect(stdout).toContain('«لا مصلحة');
  });
  it('--report writes one JSON object per change on stderr with line and column', () => {
    const r = require('node:child_process').spawnSync('node', [BIN, 'normalize', '--report'], {
      input: 'سطر\nقوات تكب دت\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('سطر\nقوات تكبّدت\n');
    const changes = r.stderr
      .trim()
      .split('\n')
      .map((l: string) => JSON.parse(l));
    expect(changes).toEqual([{ line: 2, column: 9, before: ' ', after: '\u0651', rule: 'split-word' }]);
  });
  it('leaves text without Arabic letters and an empty input alone', () => {
    expect(run([], 'Hello,  world ?\n').stdout).toBe('Hello,  world ?\n');
    expect(run([], '').stdout).toBe('');
  });
});
