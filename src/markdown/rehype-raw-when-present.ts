/**
 * rehype-raw, run only on trees that hold raw HTML, so raw HTML becomes real elements the sanitizer can judge. On a tree without any raw
 * node rehype-raw's re-parse (parse5) changes nothing, so it is skipped there; the output is the same either way.
 */
import type { Plugin } from 'unified';
import type { Root, Nodes } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';

function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  if ('children' in node) for (const child of node.children) if (hasRaw(child as Nodes)) return true;
  // <template> content lives apart from the children
  if (node.type === 'element' && node.content && hasRaw(node.content)) return true;
  return false;
}

const rehypeRawWhenPresent: Plugin<[Options?], Root> = function (options) {
  const reparse = rehypeRaw.call(this, options) as (tree: Root, file: unknown) => Root;
  return (tree, file) => (hasRaw(tree) ? reparse(tree, file) : tree);
};

export default rehypeRawWhenPresent;
