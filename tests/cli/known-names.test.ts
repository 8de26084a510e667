/**
 * Known sections and authors: with lists in warraq.config.json, a misspelt name is refused at its
 * line with the nearest listed one, by the build, lint, new and import; with no list, any name goes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { knownAuthors, knownSections, loadConfig } from '../../src/config.ts';
import { formatProblem } from '../../src/content/errors.ts';
import { isKnownName, knownNameProblems, nearestName } from '../../src/content/known-names.ts';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { runCli } from './run.ts';

const SECTIONS = ['سياسة', 'اقتصاد', 'رياضة', 'علوم وتقنية'];
const AUTHORS = ['سلمى الحسيني', 'نادر الشامي'];

/** An article whose section and authors are given; authors as a block list, one a line from line 7. */
const article = (section: string, authors: string[]) => `---
title: "القمة تختتم أعمالها"
date: 2023-03-01T10:00:00+03:00
section: ${section}
tags: [قمة]
authors:
${authors.map((a) => `  - ${a}`).join('\n')}
summary: "ملخص قصير للخبر."
---

نص الخبر.
`;

let project: FixtureProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('nearest known name', () => {
  it('folds ة/ه, ى/ي, hamza forms and the article ال before measuring the distance', () => {
    expect(nearestName('سياسه', SECTIONS)).toBe('سياسة');
    expect(nearestName('أقتصاد', SECTIONS)).toBe('اقتصاد');
    expect(nearestName('الرياضة', SECTIONS)).toBe('رياضة');
    expect(nearestName('علوم وتقنيه', SECTIONS)).toBe('علوم وتقنية');
    expect(nearestName('سلمى الحسينى', AUTHORS)).toBe('سلمى الحسيني');
    expect(nearestName('ثقافة', SECTIONS)).toBeUndefined();
  });

  it('a listed name is known as written, with or without tatweel or extra spaces; a folded look-alike is not', () => {
    expect(isKnownName(' علوم  وتقنية ', SECTIONS)).toBe(true);
    expect(isKnownName('سيـاسة', SECTIONS)).toBe(true);
    expect(isKnownName('سياسه', SECTIONS)).toBe(false);
  });

  it("pins the problem to the section line and to the author's own line", () => {
    const source = article('سياسه', ['سلمى الحسيني', 'نادر الشامى']);
    const problems = knownNameProblems(
      'a.md',
      { section: 'سياسه', authors: ['سلمى الحسيني', 'نادر الشامى'] },
      { sections: SECTIONS, authors: AUTHORS },
      () => source,
    );
    expect(problems.map(formatProblem)).toEqual([
      'a.md:4: section: "سياسه" is not a known section; did you mean سياسة? (the sections in warraq.config.json)',
      'a.md:8: authors: "نادر الشامى" is not a known author; did you mean نادر الشامي? (the authors in warraq.config.json)',
    ]);
    expect(knownNameProblems('a.md', { section: 'سياسه', authors: [] }, {}, () => source)).toEqual([]);
  });
});

describe('configuration', () => {
  it('knownSections and knownAuthors give the lists, undefined when the site keeps none', () => {
    project = fixtureProject({ config: { sections: SECTIONS } });
    const config = loadConfig(project.root);
    expect(knownSections(config)).toEqual(SECTIONS);
    expect(knownAuthors(config)).toBeUndefined();
  });

  it('refuses a list with a name twice', () => {
    project = fixtureProject({ config: { sections: ['سياسة', 'سياسة'] } });
    expect(() => loadConfig(project!.root)).toThrow(/sections: a section is listed twice/);
  });

  it('this site lists the sections and authors its articles use', async () => {
    const r = await runCli(['lint', '--format', 'json']);
    const findings = JSON.parse(r.stdout) as Array<{ message: string }>;
    expect(findings.filter((f) => /not a known (section|author)/.test(f.message))).toEqual([]);
    expect(knownSections(loadConfig(path.resolve('.')))).toHaveLength(4);
  });
});

describe('commands', { timeout: 120_000 }, () => {
  it('build and lint refuse an unknown section at its line and suggest the listed one', async () => {
    project = fixtureProject({ config: { sections: SECTIONS, authors: AUTHORS } });
    project.write('content/2023/03/summit.md', article('سياسه', ['سلمى الحسيني']));
    const build = await runCli(['build', '--root', project.root]);
    expect(build.code).not.toBe(0);
    expect(build.stderr + build.stdout).toContain(
      'content/2023/03/summit.md:4: section: "سياسه" is not a known section; did you mean سياسة?',
    );
    expect(existsSync(path.join(project.root, '_site'))).toBe(false);
    const lint = await runCli(['lint', '--root', project.root]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(
      /^content\/2023\/03\/summit\.md:4:1 {2}front-matter {2}error: section: "سياسه" is not a known section {2}\(fix: did you mean سياسة\?/m,
    );
  });

  it('with no list, the same article builds (a new section, as before)', async () => {
    project = fixtureProject();
    project.write('content/2023/03/summit.md', article('سياسه', ['سلمى الحسيني']));
    const build = await runCli(['build', '--root', project.root]);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(path.join(project.root, '_site/section/سياسه/index.html'))).toBe(true);
  });

  it('new and import check the lists before writing anything', async () => {
    project = fixtureProject({ config: { sections: SECTIONS, authors: AUTHORS } });
    const made = await runCli(['new', 'خبر عاجل', '--section', 'سياسه', '--author', 'سلمى الحسيني', '--root', project.root]);
    expect(made.code).toBe(2);
    expect(made.stderr).toContain('--section: "سياسه" is not a known section; did you mean سياسة?');
    const imported = await runCli(
      ['import', '-', '--date', '2023-03-01T10:00:00+03:00', '--section', 'سياسة', '--author', 'نادر الشامى', '--root', project.root],
      { input: 'عنوان الخبر\nفقرة أولى.\n' },
    );
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('--author: "نادر الشامى" is not a known author; did you mean نادر الشامي?');
    expect(existsSync(path.join(project.root, 'content/2023'))).toBe(false);
    const ok = await runCli([
      'new',
      'خبر عاجل',
      '--section',
      'سياسة',
      '--author',
      'سلمى الحسيني',
      '--date',
      '2023-03-01T10:00:00+03:00',
      '--root',
      project.root,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(path.join(project.root, ok.stdout.trim()), 'utf8')).toMatch(/^section: سياسة$/m);
  });
});
