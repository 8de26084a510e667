/**
 * Malformed input gets a clear error: each case either builds correctly or fails with
 * `file:line: what is wrong; what to do`, never with a stack trace, and never with partial
 * output (the previous _site stays as it was). Runs the real CLI, the way editors and CI do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash as hash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run.ts';
import { fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { listFiles } from './hostile-site.ts';

const FM = (extra = '', fields: Partial<Record<'title' | 'date' | 'section' | 'authors' | 'summary', string>> = {}) =>
  [
    '---',
    `title: ${fields.title ?? '"حالة اختبار"'}`,
    `date: ${fields.date ?? '2023-03-01T10:00:00+03:00'}`,
    `section: ${fields.section ?? 'سياسة'}`,
    `authors: ${fields.authors ?? '[سلمى الحسيني]'}`,
    `summary: ${fields.summary ?? '"جملة تلخص الخبر."'}`,
    ...(extra ? [extra] : []),
    '---',
    '',
  ].join('\n');

const OK_BODY = 'نص الخبر الأول.\n\nفقرة ثانية.\n';
/** FM() is 7 lines: the body's line k is the file's line BODY + k. */
const BODY = 7;

interface Case {
  name: string;
  content: string | Buffer;
  /** 'builds', or the line the error must name. */
  expect: 'builds' | number;
  /** Part of the message. */
  says?: RegExp;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

const CASES: Case[] = [
  {
    name: 'invalid YAML: unclosed quote',
    content: `---\ntitle: "خبر\ndate: 2023-03-01T10:00:00+03:00\n---\n${OK_BODY}`,
    expect: 3,
    says: /invalid YAML/,
  },
  {
    name: 'invalid YAML: bad indentation',
    content: `---\ntitle: خبر\n  date: 2023-03-01T10:00:00+03:00\nsection: x\n---\n${OK_BODY}`,
    expect: 2,
    says: /invalid YAML/,
  },
  { name: 'invalid YAML: tab indentation', content: `---\nimage:\n\tsrc: media/x.png\n---\n${OK_BODY}`, expect: 3, says: /invalid YAML/ },
  { name: 'invalid YAML: duplicate key', content: FM('title: "مرة ثانية"') + OK_BODY, expect: 7, says: /invalid YAML|unique|duplicate/i },
  {
    name: 'YAML alias bomb',
    content: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n${OK_BODY}`,
    expect: 2,
    says: /alias|invalid YAML|unknown field/i,
  },
  { name: 'YAML custom tag', content: FM('extra: !!js/function "function(){}"') + OK_BODY, expect: 7 },
  { name: 'front matter is a list', content: `---\n- a\n- b\n---\n${OK_BODY}`, expect: 2, says: /not a set of fields/ },
  {
    name: 'front matter not closed',
    content: `---\ntitle: خبر\ndate: 2023-03-01T10:00:00+03:00\n${OK_BODY}`,
    expect: 1,
    says: /not closed/,
  },
  { name: 'no front matter', content: OK_BODY, expect: 1, says: /no front matter/ },
  { name: 'missing title', content: FM().replace(/^title:.*\n/m, '') + OK_BODY, expect: 6, says: /title is missing/ },
  {
    name: 'missing authors and summary',
    content:
      FM()
        .replace(/^authors:.*\n/m, '')
        .replace(/^summary:.*\n/m, '') + OK_BODY,
    expect: 5,
    says: /is missing/,
  },
  { name: 'unknown field', content: FM('titel: خطأ') + OK_BODY, expect: 7, says: /unknown field "titel"; did you mean "title"/ },
  { name: 'wrong type: title is a list', content: FM('', { title: '[أ, ب]' }) + OK_BODY, expect: 2, says: /title must be text/ },
  { name: 'wrong type: draft is text', content: FM('draft: ربما') + OK_BODY, expect: 7, says: /draft/ },
  { name: 'wrong type: tags is a number', content: FM('tags: 5') + OK_BODY, expect: 7, says: /tag/ },
  {
    name: 'impossible date: 30 February',
    content: FM('', { date: '2023-02-30T10:00:00+03:00' }) + OK_BODY,
    expect: 3,
    says: /not a real date/,
  },
  {
    name: 'impossible date: hour 25',
    content: FM('', { date: '2023-03-01T25:00:00+03:00' }) + OK_BODY,
    expect: 3,
    says: /not a real date/,
  },
  {
    name: 'impossible date: zone +15:00',
    content: FM('', { date: '2023-03-01T10:00:00+15:00' }) + OK_BODY,
    expect: 3,
    says: /not a real date/,
  },
  { name: 'date without time zone', content: FM('', { date: '2023-03-01T10:00:00' }) + OK_BODY, expect: 3, says: /time zone/ },
  { name: 'date as a YAML timestamp', content: FM('', { date: '2023-03-01' }) + OK_BODY, expect: 3 },
  { name: 'title over 300 characters', content: FM('', { title: 'ب'.repeat(301) }) + OK_BODY, expect: 2, says: /longer than 300/ },
  { name: 'empty title', content: FM('', { title: '""' }) + OK_BODY, expect: 2, says: /title is empty/ },
  { name: 'section without letters', content: FM('', { section: '"!!!"' }) + OK_BODY, expect: 4, says: /no letters or digits/ },
  { name: 'image missing', content: FM('image:\n  src: media/nothing.png\n  alt: صورة') + OK_BODY, expect: 2, says: /image\.src/ },
  {
    name: 'image path escapes content/',
    content: FM('image:\n  src: ../../etc/passwd\n  alt: صورة') + OK_BODY,
    expect: 2,
    says: /not a path inside content/,
  },
  { name: 'empty file', content: '', expect: 1, says: /empty/ },
  { name: 'only whitespace', content: '  \n\n\t\n', expect: 1, says: /empty/ },
  { name: 'NUL byte in the body', content: FM() + 'سطر\nسطر فيه \u0000 بايت\n', expect: BODY + 2, says: /NUL/ },
  { name: 'NUL byte in the front matter', content: FM().replace('سياسة', 'سيا\u0000سة') + OK_BODY, expect: 4, says: /NUL/ },
  {
    name: 'invalid UTF-8 (Latin-1 é)',
    content: Buffer.concat([utf8(FM() + 'سطر\nسطر '), Buffer.from([0xe9]), utf8(' آخر\n')]),
    expect: BODY + 2,
    says: /not valid UTF-8/,
  },
  {
    name: 'invalid UTF-8: overlong slash',
    content: Buffer.concat([utf8(FM()), Buffer.from([0xc0, 0xaf]), utf8('\n')]),
    expect: BODY + 1,
    says: /not valid UTF-8/,
  },
  {
    name: 'invalid UTF-8: encoded surrogate',
    content: Buffer.concat([utf8(FM() + 'x\n'), Buffer.from([0xed, 0xa0, 0x80]), utf8('\n')]),
    expect: BODY + 2,
    says: /not valid UTF-8/,
  },
  {
    name: 'UTF-16 file',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FM() + OK_BODY, 'utf16le')]),
    expect: 1,
    says: /not valid UTF-8|NUL/,
  },
  {
    name: 'binary file (PNG) named .md',
    content: readFileSync(
      path.join(
        REPO,
        'content',
        'media',
        readdirSync(path.join(REPO, 'content', 'media')).find((f) => f.endsWith('.png'))!,
      ),
    ),
    expect: 1,
  },
  {
    name: 'file over 2 MB (10 MB article)',
    content: FM() + 'كلمة عربية في نص طويل. '.repeat(250_000),
    expect: 1,
    says: /more than the 2\.0 MB/,
  },
  { name: '10,000 nested blockquotes', content: FM() + 'سطر\n' + '> '.repeat(10_000) + 'نص\n', expect: BODY + 2, says: /nested/ },
  {
    name: '10,000 nested blockquote lines',
    content:
      FM() +
      Array.from({ length: 10_000 }, (_, i) => `${'>'.repeat(Math.min(i + 1, 10_000))} نص`)
        .slice(0, 200)
        .join('\n') +
      '\n',
    expect: BODY + 33,
    says: /nested/,
  },
  {
    name: '1,000 nested list items (indented; 10,000 would be 100 MB)',
    content: FM() + Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- بند`).join('\n') + '\n',
    expect: BODY + 33,
    says: /nested/,
  },
  { name: '10,000 nested list items (one line)', content: FM() + '- '.repeat(10_000) + 'بند\n', expect: BODY + 1, says: /nested/ },
  { name: '10,000 nested HTML elements', content: FM() + '<div>\n\n'.repeat(10_000), expect: BODY + 1 + 2 * 128, says: /HTML/ },
  {
    name: '10,000 nested emphasis',
    content: FM() + '*أ **ب '.repeat(5000) + 'ج' + ' ب** أ*'.repeat(5000) + '\n',
    expect: BODY + 1,
    says: /marks/,
  },
  { name: 'quadratic emphasis runs', content: FM() + 'a_ '.repeat(20_000) + '\n', expect: BODY + 1, says: /marks/ },
  { name: 'a 1 MB line', content: FM() + 'كلمة '.repeat(100_000) + '\n', expect: 'builds' },
  {
    name: '10,000 flat list items',
    content: FM() + Array.from({ length: 10_000 }, (_, i) => `- بند ${i}`).join('\n') + '\n',
    expect: 'builds',
  },
  { name: 'BOM', content: '\ufeff' + FM() + OK_BODY, expect: 'builds' },
  { name: 'CRLF line endings', content: (FM() + OK_BODY).replace(/\n/g, '\r\n'), expect: 'builds' },
  {
    name: 'mixed line endings (LF, CRLF, CR)',
    content: (FM() + OK_BODY)
      .split('\n')
      .map((l, i) => l + ['\n', '\r\n', '\r'][i % 3])
      .join(''),
    expect: 'builds',
  },
  {
    name: 'BOM + CRLF + invalid field: line still right',
    content: '\ufeff' + (FM('titel: x') + OK_BODY).replace(/\n/g, '\r\n'),
    expect: 7,
    says: /unknown field/,
  },
];

const GOOD = FM('', { title: '"خبر عن الاختبار"' }) + OK_BODY;

describe('malformed input: clear errors, atomic output', () => {
  let base: FixtureProject;
  let golden: string;
  const answers: string[] = [];

  function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of listFiles(dir))
      out[f] = hash('sha1')
        .update(readFileSync(path.join(dir, f)))
        .digest('hex');
    return out;
  }

  beforeAll(async () => {
    base = fixtureProject({ config: { paths: { cache: path.join(REPO, '.cache') } } });
    base.write('content/2023/03/good.md', GOOD);
    golden = path.join(base.root, '_site');
    const r = await runCli(['build', '--root', base.root, '--out', golden]);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  afterAll(() => {
    console.log(`malformed: ${CASES.length} cases\n${answers.sort().join('\n')}`);
    base?.remove();
  });

  it.concurrent.each(CASES)(
    '$name',
    async (c) => {
      const sandbox = mkdtempSync(path.join(os.tmpdir(), 'warraq-bad-'));
      try {
        const root = path.join(sandbox, 'project');
        cpSync(base.root, root, { recursive: true });
        const out = path.join(root, '_site');
        const before = snapshot(out);
        writeFileSync(path.join(root, 'content', '2023', '03', 'case.md'), c.content);
        const r = await runCli(['build', '--root', root, '--out', out]);
        expect(r.stderr, 'a stack trace').not.toMatch(/^\s+at /m);
        expect(r.stderr).not.toMatch(/RangeError|TypeError|ReferenceError|Maximum call stack/);
        // A build leaves no temporary output; a successful one leaves the old site's removal to a
        // background process (atomic.ts), which is given a moment to finish.
        const leftovers = () => readdirSync(root).filter((n) => n.startsWith('_site.'));
        if (r.code === 0) for (let i = 0; i < 100 && leftovers().length; i++) await new Promise((done) => setTimeout(done, 100));
        expect(leftovers(), 'leftover temporary output').toEqual([]);
        if (c.expect === 'builds') {
          expect(r.code, r.stderr).toBe(0);
          const pages = listFiles(out).filter((f) => f.endsWith('index.html') && /^2023\/03\//.test(f));
          expect(pages.length, 'both articles have pages').toBe(2);
          answers.push(`  builds: ${c.name}`);
          return;
        }
        expect(r.code).toBe(1);
        const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('warning:'));
        const problems = lines.filter((l) => !/^Build failed: \d+ problem/.test(l));
        expect(problems.length, r.stderr).toBeGreaterThan(0);
        for (const l of problems)
          expect(l, 'file:line: what is wrong; what to do').toMatch(/^content\/2023\/03\/case\.md:\d+(?::\d+)?: [^;]+; .+$/);
        const first = /^content\/2023\/03\/case\.md:(\d+)/.exec(problems[0]!)!;
        expect(Number(first[1]), problems[0]).toBe(c.expect);
        if (c.says) expect(problems.join('\n')).toMatch(c.says);
        expect(snapshot(out), 'the previous site is unchanged').toEqual(before);
        answers.push(`  fails:  ${c.name} → ${problems[0]!.slice(0, 160)}`);
      } finally {
        rmSync(sandbox, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it('a good build after all that still works and replaces the site', () => {
    expect(existsSync(path.join(golden, 'index.html'))).toBe(true);
  });
});
