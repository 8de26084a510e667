/** Runs `node bin/warraq.js …` as a child process, the way editors and CI call it. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from '../helpers/fixture-site.ts';

export const BIN = path.join(REPO, 'bin', 'warraq.js');
export const SEED_DIR = path.join(REPO, 'tests', 'fixtures', 'seed');
export const SEED = path.join(SEED_DIR, '000_cf6fa2405558f434.txt');
export const EXPECTED_BODY = path.join(SEED_DIR, 'expected-body.txt');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; bin?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, CI: 'true', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
