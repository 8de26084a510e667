/**
 * The Markdown renderer skips the HTML re-parse (rehype-raw) on trees without raw HTML. That is
 * only a speed-up if it changes nothing: the output must equal that of the pipeline with the
 * re-parse always on, and raw HTML must still be parsed and sanitized.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { renderMarkdown, SANITIZE_SCHEMA } from '../../src/markdown/render.ts';
import { loadLexicon } from '../../src/store/lexicon.ts';

const alwaysReparse = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeStringify);

const MARKDOWN = [
  '# عنوان\n\nفقرة فيها **خط عريض** و*مائل* و`شيفرة` و[رابط](https://example.com "عنوان الرابط").',
  '| العمود | القيمة |\n|---|---:|\n| أ | 1 |\n| ب | 2 |\n\n- بند\n- بند آخر\n  1. فرعي\n\n> اقتباس\n> على سطرين',
  '```js\nconst a = 1 < 2 && "x";\n```\n\n***\n\n![صورة](https://example.com/a.png)\n\n~~محذوف~~ https://example.org',
  'Plain English & <escaped> entities: &amp; &copy; &#x41;\n\nLine with trailing spaces  \nand a break.',
];

describe('renderMarkdown without raw HTML', () => {
  for (const [k, md] of MARKDOWN.entries()) {
    it(`equals the always-reparse pipeline (sample ${k + 1})`, () => {
      expect(renderMarkdown(md, { repairSplitWords: false, quotes: 'keep' }).html).toBe(String(alwaysReparse.processSync(md)));
    });
  }

  it('still parses and sanitizes raw HTML when there is some', () => {
    const html = renderMarkdown('نص <b onclick="x()">عريض</b> <script>alert(1)</script>\n\n<div><img src="javascript:alert(1)"></div>', {
      repairSplitWords: false,
    }).html;
    expect(html).toContain('<b>عريض</b>');
    expect(html).not.toMatch(/onclick|<script|javascript:/);
  });
});

describe('renderMarkdown keeps nothing of one call for the next', () => {
  it('asks each call its own evidence and lexicon, and reports changes to that call alone', () => {
    // A split word the repair rejoins when the evidence has seen the joined form (تكبّدت).
    const md = 'وقد تكب دت القوات خسائر كبيرة في المعارك الأخيرة.';
    const asked = { a: 0, b: 0 };
    const evidenceOf = (name: 'a' | 'b') => ({
      count: (word: string) => {
        asked[name]++;
        return word === 'تكبدت' ? 5 : 0;
      },
    });
    const lexicon = () => ({ has: (word: string) => word === 'تكبدت' });
    const changes = { a: 0, b: 0 };
    const first = renderMarkdown(md, { dir: 'rtl', evidence: evidenceOf('a'), lexicon, onChange: () => changes.a++ }).html;
    const afterFirst = { a: asked.a, b: asked.b, changesA: changes.a };
    const second = renderMarkdown(md, { dir: 'rtl', evidence: evidenceOf('b'), lexicon, onChange: () => changes.b++ }).html;
    expect(first).toContain('تكبّدت');
    expect(second).toBe(first);
    expect(afterFirst.a).toBeGreaterThan(0);
    expect(afterFirst.b).toBe(0);
    // The second call (same options, so the same processor) asked only its own evidence …
    expect(asked.a).toBe(afterFirst.a);
    expect(asked.b).toBe(afterFirst.a);
    // … and its changes went to its own listener.
    expect(changes.a).toBe(afterFirst.changesA);
    expect(changes.b).toBe(changes.a);
    // A call with no evidence afterwards asks neither.
    renderMarkdown(md, { dir: 'rtl' });
    expect(asked).toEqual({ a: afterFirst.a, b: afterFirst.a });
  });
});

describe('a Markdown text node ends before a link or emphasis, not at a line end', () => {
  it('a clean word before a link, emphasis or code in damaged copy gets no final mark', () => {
    const lexicon = loadLexicon();
    // The first sentence shows damage (a lone ا after a word, NBSP + space): the article is judged damaged.
    const md =
      'وحلقت الطائرات سرب ا فوق المدينة\u00A0 أمس.\n\n' +
      'وقال المستخدم [المسافة بتنظيم](https://example.org/a) وقرر **الترجيح** ثم أشد `رمز` في النهاية.';
    const html = renderMarkdown(md, { dir: 'rtl', lexicon: () => lexicon, damaged: true }).html;
    expect(html).toContain('سربًا');
    expect(html).toContain('المستخدم <a href="https://example.org/a">');
    expect(html).toContain('وقرر <strong>');
    expect(html).toContain('أشد <code>');
  });
});
