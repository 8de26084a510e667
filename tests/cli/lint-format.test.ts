/**
 * `warraq lint --format github|json` on a damaged article: the exact workflow command GitHub turns
 * into an annotation on the line, the JSON other tools read, and the default output unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { escapeData, escapeProperty, githubAnnotation } from '../../src/cli/lint-format.ts';
import { runCli } from './run.ts';

// A file name with a comma and a colon: both must be escaped in the annotation's file= property.
const FILE = 'content/2023/03/summit,day:1.md';
const DAMAGED = `---
title: "القمة تختتم أعمالها"
date: 2023-03-01T10:00:00+03:00
section: سياسة
authors: [سلمى الحسيني]
summary: "ملخص قصير للخبر."
---

وقالت الوزارة إن القوات تكب دت خسائر كبيرة، وقال نصف الناس “لا”.
`;

describe('lint output formats', { timeout: 120_000 }, () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = fixtureProject();
    project.write(FILE, DAMAGED);
  });
  afterAll(() => project.remove());

  it('--format github: one workflow command per finding, on the file, line and column', async () => {
    const r = await runCli(['lint', '--format', 'github', '--root', project.root]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      '::error file=content/2023/03/summit%2Cday%3A1.md,line=9,col=28,title=warraq split-word::word split where a diacritic was lost (fix: "تكب دت" → "تكبّدت")',
    );
    expect(lines).toContain(
      '::warning file=content/2023/03/summit%2Cday%3A1.md,line=9,col=60,title=warraq quotes::quotation mark in the wrong style or direction (fix: "“" → "«")',
    );
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(3);
    expect(r.stdout).toMatch(/^Linted 1 files \(1 valid articles\): 1 errors, 2 warnings/m);
  });

  it('--format json: an array of findings and nothing else on stdout', async () => {
    const r = await runCli(['lint', '--format', 'json', '--root', project.root]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as unknown[];
    expect(findings[0]).toEqual({
      file: FILE,
      line: 9,
      column: 28,
      severity: 'error',
      rule: 'split-word',
      message: 'word split where a diacritic was lost',
      fix: '"تكب دت" → "تكبّدت"',
    });
    expect(findings.map((f) => (f as { rule: string }).rule)).toEqual(['split-word', 'quotes', 'quotes']);
    const quiet = JSON.parse((await runCli(['lint', '--format', 'json', '--quiet', '--root', project.root])).stdout) as unknown[];
    expect(quiet).toHaveLength(1);
  });

  it('the default output is the text format it always was', async () => {
    const r = await runCli(['lint', '--root', project.root]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      `${FILE}:9:28  split-word  error: word split where a diacritic was lost  (fix: "تكب دت" → "تكبّدت")`,
    );
    expect(r.stdout).not.toContain('::');
  });

  it('refuses an unknown format', async () => {
    const r = await runCli(['lint', '--format', 'xml', '--root', project.root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, github, json/);
  });
});

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in the message, and : and , too in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const line = githubAnnotation({
      file: 'x:y.md',
      line: 3,
      column: 2,
      severity: 'warning',
      rule: 'quotes',
      message: 'two\nlines',
      fix: '100%',
    });
    expect(line).toBe('::warning file=x%3Ay.md,line=3,col=2,title=warraq quotes::two%0Alines (fix: 100%25)');
    expect(line.split('\n')).toHaveLength(1);
  });
});
