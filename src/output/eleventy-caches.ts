/**
 * Eleventy compiles every template string afresh for every paginated page: a page's permalink
 * and each eleventyComputed value is a new Nunjucks Template, lexed, parsed, code-generated and
 * eval'd again, though the string is the same for all 10,000 pages of a pagination. This shim
 * makes Nunjucks compile each (environment, path, source) once and hand the same compiled
 * functions to every Template with that source, as Nunjucks already does for template files.
 * Output is unchanged: compiled templates are pure functions of their render arguments.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface NjkTemplate {
  env: object;
  path?: string | null;
  tmplStr?: string;
  tmplProps?: unknown;
  blocks?: unknown;
  rootRenderFunc?: unknown;
  compiled?: boolean;
  _compile(): void;
}

let installed = false;

export function installNunjucksCompileCache(): void {
  if (installed) return;
  installed = true;
  // The nunjucks Eleventy itself imports.
  const require = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'));
  const nunjucks = require('nunjucks') as { Template: { prototype: NjkTemplate } };
  const proto = nunjucks.Template.prototype;
  const original = proto._compile;
  const cache = new WeakMap<object, Map<string, { blocks: unknown; root: unknown }>>();
  proto._compile = function (this: NjkTemplate) {
    if (this.tmplProps || typeof this.tmplStr !== 'string') return original.call(this);
    let perEnv = cache.get(this.env);
    if (!perEnv) cache.set(this.env, (perEnv = new Map()));
    const key = `${this.path ?? ''}\0${this.tmplStr}`;
    const hit = perEnv.get(key);
    if (!hit) {
      original.call(this);
      perEnv.set(key, { blocks: this.blocks, root: this.rootRenderFunc });
      return;
    }
    this.blocks = hit.blocks;
    this.rootRenderFunc = hit.root;
    this.compiled = true;
  };
}

/**
 * Eleventy keeps template files' text and compiled templates in module-level caches that outlive
 * an Eleventy instance. A process that builds more than once (tests, a long-running tool) would
 * render the templates of its first build forever; each build starts with them emptied.
 */
export async function resetEleventyTemplateCaches(): Promise<void> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@11ty/eleventy'));
  const { default: TemplateContent } = (await import(pathToFileURL(path.join(dir, 'TemplateContent.js')).href)) as {
    default: { _inputCache?: Map<string, unknown>; _compileCache?: Map<string, unknown> };
  };
  TemplateContent._inputCache?.clear();
  if (TemplateContent._compileCache) TemplateContent._compileCache = new Map();
}
