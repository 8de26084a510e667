/**
 * Stage 1, load: reads every `content/**\/*.md` article as strict UTF-8. I/O lives here; parsing
 * and checking are pure (parse.ts). Files whose name starts with _ or that are README.md are notes
 * for editors, not articles.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './errors.ts';

export interface SourceFile {
  /** Path relative to the project root, with / separators. */
  path: string;
  text: string;
  mtimeMs: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function listArticleFiles(root: string, contentDir: string): string[] {
  const base = path.join(root, contentDir);
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('_') && e.name.toLowerCase() !== 'readme.md') out.push(full);
    }
  };
  walk(base);
  return out.sort().map((f) => path.relative(root, f).split(path.sep).join('/'));
}

export function readSource(root: string, file: string): { ok: true; file: SourceFile } | { ok: false; problem: ContentProblem } {
  const full = path.join(root, file);
  const bytes = readFileSync(full);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    return { ok: false, problem: { file, line, message: 'the file is not valid UTF-8', hint: 'save it as UTF-8 (your editor\'s "Save with encoding" menu)', severity: 'error' } };
  }
  return { ok: true, file: { path: file, text, mtimeMs: statSync(full).mtimeMs } };
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return line;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    if (b === 10) line++;
    i += need + 1;
  }
  return line;
}
