/**
 * rehype plugin: in a right-to-left document, wraps each run of Latin-script text inside an Arabic text node in <bdi>, so "iPhone 15" or
 * "NATO," keeps its own order and punctuation. Runs inside code, links' URLs and existing <bdi> are left alone.
 */
import type { Root, Element, ElementContent, Text } from 'hast';
import type { Plugin } from 'unified';

const LATIN_RUN = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9]*(?:[ .\-_'’&+/:][A-Za-z\u00C0-\u024F0-9]+)*/g;
const ARABIC = /[\u0600-\u06FF]/;
const SKIP = new Set(['code', 'pre', 'bdi', 'script', 'style', 'kbd', 'samp']);

const rehypeIsolateLatin: Plugin<[], Root> = () => (tree) => {
  visit(tree);
};

function visit(node: Root | Element): void {
  if (node.type === 'element' && SKIP.has(node.tagName)) return;
  const next: ElementContent[] = [];
  let changed = false;
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'text' && ARABIC.test(child.value) && /[A-Za-z]/.test(child.value)) {
      next.push(...split(child));
      changed = true;
    } else {
      if (child.type === 'element') visit(child);
      next.push(child);
    }
  }
  if (changed) (node as Element).children = next;
}

function split(text: Text): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of text.value.matchAll(LATIN_RUN)) {
    if (m.index > at) out.push({ type: 'text', value: text.value.slice(at, m.index) });
    out.push({ type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: m[0] }] });
    at = m.index + m[0].length;
  }
  if (at < text.value.length) out.push({ type: 'text', value: text.value.slice(at) });
  return out;
}

export default rehypeIsolateLatin;
