import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { lintSource, RULES } from '../../src/cli/lint-core.ts';
import { parseArticle } from '../../src/content/parse.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { dropFurniture } from '../../src/text/furniture.ts';
import { applyHunks, diffHunks } from '../../src/cli/diff.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { WordCounts } from '../../src/text/evidence.ts';
import { runCli, SEED } from './run.ts';

const seedLines = readFileSync(SEED, 'utf8').split('\n');
const damaged = (needle: string) => seedLines.find((l) => l.includes(needle))!;

const FRONT = `---
title: "بوتين يدعو إلى تعزيز العلاقات العسكرية مع بيلاروس"
date: 2022-12-19T18:30:00+03:00   # the editor's comment stays
section: سياسة
tags: [روسيا, بيلاروس]
authors:
  - سلمى الحسيني
summary: "زيارة بوتين إلى مينسك ومخاوف من أن تنضم  القوات البيلاروسية إلى الحرب."
lang: ar
---
`;

/** A damaged article that uses most of Markdown: every repair must land in text, nothing else may move. */
const DAMAGED = `${FRONT}
${damaged('سرب ا')}

${damaged('تكب دت')}
وبقية الفقرة في سطر ثان مع **كلمة مد ة** و[رابط “هنا”](https://example.org/a_b?q=“x”).

## القوات التي تكب دت خسائر

- بند أول: ${damaged('خط ط')}
- بند ثان \\*ليس تأكيدا\\* و&amp; رمز مد ة

> ${damaged('قريب ا')}

| العمود | القيمة |
| --- | --- |
| مد ة | سرب ا |

\`رمز مد ة\` لا يمس، ولا ما في الكتلة:

\`\`\`text
كود “تكب دت”  فيه
\`\`\`

<div dir="rtl">مد ة في HTML خام</div>

${damaged('يتول ى')}
`;

const evidence = new WordCounts().add(DAMAGED);
const options = { normalize: { lexicon: lazyLexicon, evidence } };
const lint = (text: string) => lintSource('content/2022/12/x.md', text, options);

/** The characters a repair may add, remove or replace: spaces, marks, quotes, Arabic punctuation. */
const REPAIR_CHARS = /^[\s\u00A0\u064B-\u0652\u0670\u0640“”"«»،؛؟,;?]*$/u;

function expectOnlyRepairs(before: string, after: string) {
  const hunks = diffHunks(before, after);
  expect(hunks.length).toBeGreaterThan(0);
  for (const h of hunks) {
    expect(before.slice(h.start, h.end), JSON.stringify(h)).toMatch(REPAIR_CHARS);
    expect(h.text, JSON.stringify(h)).toMatch(REPAIR_CHARS);
    expect(before.slice(h.start, h.end) + h.text).not.toMatch(/[\r\n]/);
  }
  // The front matter is byte for byte the same but for the repairs inside the quoted summary.
  const fm = (s: string) =>
    s
      .slice(0, s.indexOf('\n---', 4) + 4)
      .split('\n')
      .filter((l) => !l.startsWith('summary:'));
  expect(fm(after)).toEqual(fm(before));
  for (const keep of [
    '`رمز مد ة`',
    'كود “تكب دت”  فيه',
    '<div dir="rtl">مد ة في HTML خام</div>',
    '(https://example.org/a_b?q=“x”)',
    '\\*ليس تأكيدا\\*',
    '&amp;',
    '| --- | --- |',
  ]) {
    expect(after).toContain(keep);
  }
  expect(after.split(/\r?\n/).length).toBe(before.split(/\r?\n/).length);
}

describe('lint', () => {
  it('reports damage as file:line:col with the rule, an error for split words and a warning for quotes', () => {
    const r = lint(DAMAGED);
    expect(r.valid).toBe(true);
    const quotes = r.issues.filter((i) => i.rule === 'quotes');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((i) => i.severity === 'warning')).toBe(true);
    // The first quotation mark of the seed's "تكب دت" paragraph, at its real line and column.
    const lines = DAMAGED.split('\n');
    for (const i of r.issues.filter((x) => x.fixable)) {
      const line = lines[i.line - 1]!;
      expect(line, JSON.stringify(i)).toBeDefined();
      if (i.rule === 'quotes') expect([...line][i.column - 1], JSON.stringify(i)).toMatch(/[“”"]/);
    }
    const split = r.issues.filter((i) => i.rule === 'split-word');
    expect(split.every((i) => i.severity === 'error')).toBe(true);
    // Code, inline code and raw HTML are never reported.
    const escaped = lines.findIndex((l) => l.includes('&amp;')) + 1;
    expect(
      r.issues.filter((i) => i.line === escaped && i.rule === 'split-word' && i.fixable).length,
      'a repair after an escape and an entity',
    ).toBe(split.length ? 1 : 0);
    const codeLine = lines.findIndex((l) => l.startsWith('كود')) + 1;
    expect(r.issues.filter((i) => i.line === codeLine)).toEqual([]);
  });

  it('--fix round trip: the fixed file lints clean and differs only in the repaired characters', () => {
    const r = lint(DAMAGED);
    expectOnlyRepairs(DAMAGED, r.fixed);
    const again = lint(r.fixed);
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(again.repairs).toBe(0);
    expect(again.fixed).toBe(r.fixed);
    // Lint and build agree: the build finds nothing left to repair in the fixed body.
    const parsed = parseArticle('x.md', r.fixed);
    expect(parsed.ok).toBe(true);
    let repairs = 0;
    if (parsed.ok) renderMarkdown(dropFurniture(parsed.article.body).text, { ...options.normalize, dir: 'rtl', onChange: () => repairs++ });
    expect(repairs).toBe(0);
    let before = 0;
    if (parsed.ok)
      renderMarkdown(dropFurniture((parseArticle('x.md', DAMAGED) as { article: { body: string } }).article.body).text, {
        ...options.normalize,
        dir: 'rtl',
        onChange: () => before++,
      });
    expect(before).toBe(r.issues.filter((i) => i.line > 11 && RULES[i.rule] && i.rule !== 'possible-split-word').length);
  });

  it('asks the editor about a gap it declined (possible split word), as a warning that --fix never writes', () => {
    const source =
      '---\ntitle: تيارات\ndate: 2022-12-19T18:30:00+03:00\nsection: سياسة\nauthors: [سلمى]\nsummary: ملخص\n---\n\nاجتاحت البلاد موجة من التي ارات السياسية.\n';
    const r = lint(source);
    const doubts = r.issues.filter((i) => i.rule === 'possible-split-word');
    expect(doubts).toEqual([expect.objectContaining({ line: 9, column: 23, severity: 'warning', fixable: false })]);
    expect(doubts[0]!.message).toBe('possible split word "التي ارات" → "التيّارات"?');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.fixed).toBe(source);
    expect(r.repairs).toBe(0);
  });

  it('--fix keeps CRLF line endings, a BOM and a missing final newline', () => {
    const crlf = `\uFEFF${DAMAGED.trimEnd().replace(/\n/g, '\r\n')}`;
    const r = lint(crlf);
    expect(r.fixed.startsWith('\uFEFF')).toBe(true);
    expect(r.fixed.endsWith('\r\n')).toBe(false);
    expect(r.fixed.match(/\r\n/g)?.length).toBe(crlf.match(/\r\n/g)?.length);
    expect(r.fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // The same repairs as with LF.
    expect(r.fixed.slice(1).replace(/\r\n/g, '\n')).toBe(lint(DAMAGED).fixed.trimEnd());
    expect(lint(r.fixed).repairs).toBe(0);
    // Same positions reported with either line ending.
    const at = (x: ReturnType<typeof lint>) => x.issues.map((i) => `${i.line}:${i.column} ${i.rule}`);
    expect(at(r)).toEqual(at(lint(DAMAGED)));
  });

  it('repairs the summary in place when it is quoted, and front matter problems are errors', () => {
    const r = lint(DAMAGED);
    const summary = r.issues.filter((i) => i.message.startsWith('summary:'));
    expect(summary.length).toBeGreaterThan(0);
    expect(summary[0]!.line).toBe(8);
    const bad = lint(DAMAGED.replace('section: سياسة\n', '').replace('2022-12-19T18:30:00+03:00', '2022-12-19'));
    expect(bad.valid).toBe(false);
    expect(bad.issues.map((i) => [i.line, i.rule, i.severity])).toContainEqual([3, 'front-matter', 'error']);
    expect(bad.fixed).toBe(DAMAGED.replace('section: سياسة\n', '').replace('2022-12-19T18:30:00+03:00', '2022-12-19'));
  });

  it('never writes a repair that would change what the YAML means', () => {
    const plain = `${FRONT.replace(/^summary: .*$/m, 'summary: ملخص:الزيارة مد ة')}\nنص.\n`;
    const r = lint(plain);
    expect(r.issues.filter((i) => i.message.startsWith('summary:')).map((i) => [i.rule, i.fixable])).toEqual([
      ['punctuation-space', false],
      ['split-word', false],
    ]);
    expect(r.fixed).toBe(plain);
    const safe = `${FRONT.replace(/^summary: .*$/m, 'summary: ملخص عن مد ة الزيارة')}\nنص.\n`;
    expect(lint(safe).fixed).toBe(safe.replace('مد ة', 'مدّة'));
  });

  it('a clean article has nothing to report', () => {
    const clean = `${FRONT.replace('تنضم  ', 'تنضمّ ')}\nنص سليم «بين علامتي تنصيص» بلا أخطاء.\n`;
    const r = lint(clean);
    expect(r.issues).toEqual([]);
    expect(r.fixed).toBe(clean);
  });

  it('diffHunks turns any string into any other', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'ّ', '\n') }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'ّ', '\n') }),
        (a, b) => {
          expect(applyHunks(a, diffHunks(a, b))).toBe(b);
        },
      ),
    );
    expect(diffHunks('تكب دت سرب ا', 'تكبّدت سربًا')).toEqual([
      { start: 3, end: 4, text: 'ّ' },
      { start: 10, end: 11, text: 'ً' },
    ]);
  });
});

describe('warraq lint (command)', { timeout: 180_000 }, () => {
  const CRLF = DAMAGED.replace('lang: ar\n', 'lang: ar\nslug: crlf\n').replace(/\n/g, '\r\n');
  let project: FixtureProject;
  beforeAll(() => {
    project = fixtureProject();
    project.write('content/2022/12/damaged.md', DAMAGED);
    project.write('content/2022/12/crlf.md', CRLF);
    project.write('content/README.md', 'notes for editors: مد ة\n');
  });
  afterAll(() => project.remove());

  it('exits 1 on errors with one line per problem and a summary; --fix repairs; then exits 0', async () => {
    const before = await runCli(['lint', '--root', project.root]);
    expect(before.code, before.stderr).toBe(1);
    expect(before.stdout).toMatch(/^content\/2022\/12\/damaged\.md:\d+:\d+ {2}quotes {2}warning: .+ {2}\(fix: .+\)$/m);
    expect(before.stdout).toMatch(
      /^Linted 2 files \(2 valid articles\): [1-9]\d* errors, \d+ warnings, \d+ repairs to make in \d+\.\d\d s$/m,
    );
    expect(before.stdout).not.toMatch(/README/);

    const fixed = await runCli(['lint', '--fix', '--root', project.root]);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.stdout).toMatch(
      /Linted 2 files \(2 valid articles\): 0 errors, 0 warnings, 0 repairs to make, \d+ repairs written to 2 files/,
    );
    const lf = readFileSync(path.join(project.root, 'content/2022/12/damaged.md'), 'utf8');
    const crlf = readFileSync(path.join(project.root, 'content/2022/12/crlf.md'), 'utf8');
    expectOnlyRepairs(DAMAGED, lf);
    expect(crlf).toBe(lf.replace('lang: ar\n', 'lang: ar\nslug: crlf\n').replace(/\n/g, '\r\n'));

    const after = await runCli(['lint', 'content/2022/12/crlf.md', '--root', project.root]);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^Linted 1 files \(1 valid articles\): 0 errors, 0 warnings, 0 repairs to make/m);
  });

  it('shows progress as plain lines when not on a terminal, and the summary at the end', async () => {
    const many = fixtureProject();
    try {
      for (let n = 0; n < 60; n++)
        many.write(
          `content/2023/01/a-${n}.md`,
          `${FRONT.replace('lang: ar', `lang: ar\nslug: a-${n}`).replace('تنضم  ', 'تنضمّ ')}\nنص سليم رقم ${n}.\n`,
        );
      const r = await runCli(['lint', '--root', many.root]);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stderr).toMatch(/^60\/60 files$/m);
      expect(r.stderr.split('\n').filter((l) => /^\d+\/60 files$/.test(l)).length).toBeGreaterThanOrEqual(5);
      expect(r.stdout).toMatch(/^Linted 60 files \(60 valid articles\): 0 errors, 0 warnings, 0 repairs to make in \d+\.\d\d s$/m);
    } finally {
      many.remove();
    }
  });

  it('exits 2 for a path that does not exist', async () => {
    const r = await runCli(['lint', 'content/nope', '--root', project.root]);
    expect(r.code).toBe(2);
  });
});
