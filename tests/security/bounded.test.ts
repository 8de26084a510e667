/**
 * Bounded work and fuzzing. The renderer's CPU time grows linearly with the input on adversarial
 * Markdown (the inputs known to make CommonMark parsers quadratic, at the densest the limits
 * allow; a ratio with a wide margin, never a duration), and random and hostile input never makes renderMarkdown or parseArticle throw anything
 * but a file:line error, nor lets script through.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMarkdown, MarkdownLimitError } from '../../src/markdown/render.ts';
import { checkMarkdownLimits, MAX_CONTAINER_CLOSE_WORK, MAX_MARKS_PER_BLOCK } from '../../src/markdown/limits.ts';
import { parseArticle } from '../../src/content/parse.ts';
import { PAYLOADS } from './payloads.ts';
import { HTMLElement, parse } from 'node-html-parser';

/** Units repeated into pathological input (cmark's pathological tests, and a few of ours). */
const PATTERNS: Record<string, string> = {
  'emphasis closers without openers': 'a_ ',
  'emphasis openers without closers': '_a ',
  'mismatched openers and closers': '*a_ ',
  'openers and closers multiple of 3': 'a**b c* ',
  'link closers without openers': 'a]',
  'link openers without closers': '[a',
  'link openers and emphasis closers': '[ a_',
  'brackets and parentheses': '[ (](',
  'unclosed links A': '[a](<b',
  'unclosed links B': '[a](b',
  backticks: '`e',
  'CDATA openers': 'a <![CDATA[',
  'processing instructions': 'a <?',
  declarations: 'a <!A ',
  'comment openers': 'a <!--',
  strikethrough: '~~a ',
  autolinks: 'a www.a',
  'Arabic with quotes to pair': 'كلمة "اقتباس" ',
  'Latin runs in Arabic': 'كلمة iPhone 15 ',
  'letters listed beside هـ': 'ب ج د هـ ',
  'dots in Arabic addresses': 'بريد@خدمات.مصر ',
  entities: '&#x41;&amp;',
  'nested blockquote lines (32 deep)': `${'> '.repeat(32)}نص\n`,
  'one-line quotes, a blank line between (stopped by the pre-scan past its limit)': '> نص\n\n',
  'nested list lines': '- أ\n  - ب\n    - ج\n      - د\n',
  'table rows': '| أ | ب |\n',
};

const marks = (s: string) => [...s].filter((c) => '*_[]()<`~'.includes(c)).length;

/** About `bytes` of the pattern, each block as dense as the limits allow, blocks separated by blank lines. */
function adversarial(unit: string, bytes: number): string {
  const perBlock = unit.includes('\n') ? 8 : Math.max(1, Math.floor(MAX_MARKS_PER_BLOCK / Math.max(1, marks(unit))) - 1);
  const block = unit.startsWith('| ') ? `| ع | ق |\n|---|---|\n${unit.repeat(perBlock)}\n` : `${unit.repeat(perBlock)}\n\n`;
  return block.repeat(Math.max(1, Math.round(bytes / block.length)));
}

/** CPU milliseconds of `f` (not wall time: other processes on the machine do not count). */
function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const render = (s: string) => {
  try {
    renderMarkdown(s, { dir: 'rtl' });
  } catch (e) {
    if (!(e instanceof MarkdownLimitError)) throw e;
  }
};

/**
 * Patterns whose growth per byte sits near the common bound for a cause outside this project: nested list lines cost micromark's
 * edit map (`micromark-util-edit-map` consume: 2.1 of 4.1 s at 25,000 characters) ×3.0–4.0 per byte alone, at f0d532a and since,
 * ×3.95–4.87 alone at 9ae0df8 and at stop 31's code alike (the large input 3.4–3.7 CPU-s), ×4.15 and ×6.29 in CI rehearsals (the
 * latter when the small input's least run fell to 63 ms, against 69–104 ms elsewhere); the ×10 of quadratic work stays above.
 * Quotes 32 deep: micromark's document parser rewrites its container events at each quote's end, work that grows with the quote
 * lines before it (docs/performance.md, "Hostile Markdown"): ×3.6–8.5 per byte alone, ×4.23 in a CI rehearsal. The pre-scan
 * bounds that work (MAX_CONTAINER_CLOSE_WORK, below), not its growth at these sizes.
 */
const BOUND: Record<string, number> = { 'nested list lines': 8, 'nested blockquote lines (32 deep)': 8 };

/**
 * Cost per byte of the large input over that of the small one, each the least of ROUNDS
 * interleaved runs: load on the machine only ever adds time, so the least is the least
 * disturbed, and interleaving spreads a busy spell over both sizes.
 */
const ROUNDS = 5;
function growthPerByte(small: string, large: string): { t1: number; t10: number; growth: number } {
  let t1 = Infinity;
  let t10 = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    t1 = Math.min(
      t1,
      cpuMs(() => render(small)),
    );
    t10 = Math.min(
      t10,
      cpuMs(() => render(large)),
    );
  }
  t1 = Math.max(2, t1);
  return { t1, t10, growth: t10 / t1 / (large.length / small.length) };
}

describe('the renderer runs in linear time on adversarial input', () => {
  renderMarkdown('warm *up* [a](b)', { dir: 'rtl' });
  const rows: string[] = [];
  it.each(Object.entries(PATTERNS))('%s: 10× the input costs about 10× the time, far from the 100× of quadratic work', (name, unit) => {
    const small = adversarial(unit, 2_500);
    const large = adversarial(unit, 25_000);
    const { t1, t10, growth } = growthPerByte(small, large);
    rows.push(
      `${name}: ${small.length} B ${t1.toFixed(0)} ms, ${large.length} B ${t10.toFixed(0)} ms, ×${(t10 / t1).toFixed(1)} (×${growth.toFixed(2)} per byte)`,
    );
    // Per byte, linear work is ×1 (less, as the fixed cost of a call weighs more on the small
    // input) and quadratic work ×10. The bound sits in between, a factor 4 from linear, so that
    // a busy machine cannot reach it and a quadratic parser cannot stay under it.
    expect(growth).toBeLessThan(BOUND[name] ?? 4);
  });

  it('one pathological paragraph of any length is stopped by the linear pre-scan, before the parser sees it', () => {
    for (const unit of ['a_ ', '[a', '*a_ ', 'a <![CDATA[']) {
      const big = unit.repeat(200_000); // ~1 MB in one paragraph
      // checkMarkdownLimits is one pass over the lines; it rejects the paragraph itself …
      let scan: unknown;
      try {
        checkMarkdownLimits(big);
      } catch (e) {
        scan = e;
      }
      expect(scan).toBeInstanceOf(MarkdownLimitError);
      // … and renderMarkdown throws that very error (same line and message), so the quadratic
      // parser never ran on it.
      let rendered: unknown;
      try {
        renderMarkdown(big);
      } catch (e) {
        rendered = e;
      }
      expect(rendered).toBeInstanceOf(MarkdownLimitError);
      expect({ line: (rendered as MarkdownLimitError).line, message: (rendered as Error).message }).toEqual({
        line: (scan as MarkdownLimitError).line,
        message: (scan as Error).message,
      });
      expect((scan as Error).message).toMatch(/more than 500 Markdown marks/);
    }
    console.log(`linearity (CPU time):\n  ${rows.join('\n  ')}`);
  });
});

describe('the pre-scan bounds the quotes and lists an article closes', () => {
  /** The line checkMarkdownLimits stops at, or undefined when the text passes. */
  const stopsAt = (markdown: string): number | undefined => {
    try {
      checkMarkdownLimits(markdown);
      return undefined;
    } catch (e) {
      if (!(e instanceof MarkdownLimitError)) throw e;
      expect(e.message).toMatch(/too many quotes or lists/);
      expect(e.hint).toMatch(/join consecutive quotes/);
      return e.line;
    }
  };
  const quotes = (n: number) => '> نص مقتبس\n\n'.repeat(n);
  /** The most repetitions of `unit` that pass (a binary search over the pre-scan). */
  const mostOf = (unit: string) => {
    let lo = 0;
    let hi = 100_000;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (stopsAt(unit.repeat(mid)) === undefined) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  it('over a thousand separate quotes pass, one more stops at the blank line that ends it', () => {
    // the k-th quote's end weighs the lines before it, each one plus its levels: 3k - 1, so n quotes weigh (3n² + n) / 2
    const most = mostOf('> نص مقتبس\n\n');
    expect(most).toBe(Math.floor((Math.sqrt(1 + 24 * MAX_CONTAINER_CLOSE_WORK) - 1) / 6));
    expect(most).toBeGreaterThan(1000);
    expect(stopsAt(quotes(most + 1))).toBe(2 * (most + 1));
    // the same with a paragraph after each quote (stopped at a quote's blank line), or a heading instead of the blank line
    const withParagraphs = mostOf('> نص\n\nفقرة\n\n');
    expect(stopsAt('> نص\n\nفقرة\n\n'.repeat(withParagraphs + 1))).toBe(4 * withParagraphs + 2);
    const withHeadings = mostOf('> نص\n# عنوان\n');
    expect(stopsAt('> نص\n# عنوان\n'.repeat(withHeadings + 1))).toBe(2 * (withHeadings + 1));
  });

  it('an interview of 300 quoted answers, one quote of 5,000 lines, lists of 5,000 items loose, tight or on two lines each pass', () => {
    expect(stopsAt(quotes(300))).toBeUndefined();
    expect(stopsAt('> سطر من الاقتباس\n'.repeat(5000))).toBeUndefined();
    expect(stopsAt('> سطر من الاقتباس\nوتتمته بلا علامة\n'.repeat(2500))).toBeUndefined();
    expect(stopsAt('- بند\n\n'.repeat(5000))).toBeUndefined();
    expect(stopsAt('1. بند\n'.repeat(5000))).toBeUndefined();
    expect(stopsAt('- اسم الضحية\n  ومكان سكنه\n'.repeat(5000))).toBeUndefined();
    expect(stopsAt('1. > سؤال\n   > وجوابه\n'.repeat(2500))).toBeUndefined();
  });

  it('a list broken by a paragraph, a nested list left again and again and paragraphs before the quotes count', () => {
    // (stopped at the paragraph that ends the list)
    const broken = mostOf('- بند\n- بند\n\nفقرة\n\n');
    expect(stopsAt('- بند\n- بند\n\nفقرة\n\n'.repeat(broken + 1))).toBe(5 * broken + 4);
    expect(stopsAt('- أ\n  - ب\n'.repeat(5000))).toBeDefined();
    expect(stopsAt(`${'فقرة من نص الخبر\n'.repeat(30_000)}\n${quotes(100)}`)).toBeDefined();
    // … and quote lines inside a code fence do not
    expect(stopsAt(`\`\`\`\n${'> سطر\n\n'.repeat(2000)}\`\`\`\n`)).toBeUndefined();
  });

  it('renderMarkdown stops such an article with the pre-scan error, as lint does', () => {
    expect(() => renderMarkdown(quotes(mostOf('> نص مقتبس\n\n') + 1))).toThrow(MarkdownLimitError);
  });

  it('lines ended by CRLF or a lone CR (text from the editor, not a file) are counted as lines ended by LF', () => {
    const most = mostOf('> نص مقتبس\n\n');
    for (const eol of ['\r\n', '\r']) {
      expect(mostOf(`> نص مقتبس${eol}${eol}`)).toBe(most);
      expect(stopsAt(`> نص مقتبس${eol}${eol}`.repeat(most + 1))).toBe(2 * (most + 1));
      expect(() => renderMarkdown(`> نص مقتبس${eol}${eol}`.repeat(most + 1))).toThrow(MarkdownLimitError);
    }
  });
});

const FORBIDDEN = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'form',
  'meta',
  'base',
  'svg',
  'math',
  'link',
  'frame',
  'frameset',
  'applet',
  'template',
  'input',
  'button',
  'textarea',
  'select',
]);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'srcset', 'background', 'xlink:href', 'data']);

/** Dangerous markup as parsed elements and attributes (not as escaped text or inside an attribute value). */
function dangers(html: string): string[] {
  const out: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      const tag = child.rawTagName?.toLowerCase() ?? '';
      if (FORBIDDEN.has(tag)) out.push(`<${tag}>`);
      for (const [name, value] of Object.entries(child.attributes)) {
        const n = name.toLowerCase();
        if (n.startsWith('on')) out.push(`${tag} ${n}`);
        if (n === 'style' || n === 'srcdoc') out.push(`${tag} ${n}`);
        if (URL_ATTRS.has(n) && /^[\s\u0000-\u001f]*(?:javascript|data|vbscript):/i.test(value.replace(/[\t\n\r]/g, '')))
          out.push(`${tag} ${n}=${value}`);
      }
      walk(child);
    }
  };
  walk(parse(html));
  return out;
}

/** Markdown and HTML fragments to build hostile documents from. */
const FRAGMENTS = [
  ...PAYLOADS.map((p) => p.text),
  '\n',
  '\n\n',
  '> ',
  '- ',
  '1. ',
  '    ',
  '```',
  '~~~',
  '|',
  '|---|',
  '*',
  '_',
  '**',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '`',
  '!',
  '&',
  '#',
  ';',
  ':',
  '"',
  "'",
  '=',
  'javascript',
  'on',
  'onerror',
  'script',
  'img',
  'src',
  'href',
  'a',
  'x',
  'نص',
  'كلمة',
  '«',
  '»',
  '\u200f',
  '\u202e',
  '\t',
  '\r',
  '\r\n',
  '&#',
  '&#x',
  '0',
  '9',
];

describe('fuzzing', () => {
  it('the audit itself finds dangerous markup (control)', () => {
    expect(dangers('<p onclick="x">a</p><a href=" javascript:x">b</a><script>x</script>')).toEqual([
      'p onclick',
      'a href= javascript:x',
      '<script>',
    ]);
    expect(dangers('<p title="&lt;img onerror=x&gt;">&lt;script&gt;</p>')).toEqual([]);
  });

  it('every payload of the battery renders to harmless HTML', () => {
    for (const p of PAYLOADS) {
      const { html } = renderMarkdown(p.text, { dir: 'rtl' });
      expect(dangers(html), `#${p.id} ${p.name}: ${html}`).toEqual([]);
    }
  });

  it('renderMarkdown never throws (except a limit error) and never lets script through', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((a) => a.join('')),
        ),
        fc.constantFrom<'rtl' | 'ltr'>('rtl', 'ltr'),
        (md, dir) => {
          runs++;
          let html: string;
          try {
            html = renderMarkdown(md, { dir }).html;
          } catch (e) {
            expect(e).toBeInstanceOf(MarkdownLimitError);
            return;
          }
          expect(dangers(html), html).toEqual([]);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
    console.log(`fuzz renderMarkdown: ${runs} inputs`);
  }, 120_000);

  it('parseArticle never throws and every problem names a line of the file', () => {
    const fmLine = fc.oneof(
      fc.constantFrom(
        'title: x',
        'title: "a',
        'date: 2023-02-30T10:00:00+03:00',
        'tags: [a, b',
        'authors: 5',
        'a: &a [1]',
        'b: *a',
        'c: *zz',
        ' - x',
        '\t',
        'key: !!binary x',
        '? x',
        'x: |',
        '  y',
        '---',
        '...',
        '%YAML 1.2',
        '"',
        "'",
        '{',
        '}',
        ': x',
        'title: x\u0000',
      ),
      fc.string({ maxLength: 40 }),
    );
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fmLine, { maxLength: 12 }),
        fc.string({ maxLength: 80 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        (lines, body, eol, bom) => {
          runs++;
          const text = `${bom ? '\ufeff' : ''}---${eol}${lines.join(eol)}${eol}---${eol}${body}`;
          const r = parseArticle('content/x.md', text);
          if (r.ok) return;
          const count = text.split(/\r\n|\r|\n/).length;
          for (const p of r.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(count + 1);
            expect(p.message.length).toBeGreaterThan(0);
            expect(p.hint.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1000, seed: 11 },
    );
    console.log(`fuzz parseArticle: ${runs} inputs`);
  }, 120_000);
});
