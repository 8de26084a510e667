/**
 * Builds a throwaway copy of a project (templates, public, config, and the given content) into a
 * temporary folder, for integration tests that must not touch the real _site/.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(new URL('../..', import.meta.url).pathname);

export interface FixtureProject {
  root: string;
  write(file: string, text: string): void;
  remove(): void;
}

/** A project folder with the repo's templates and public files; content is what you write (or the repo's when copyContent). */
export function fixtureProject(options: { copyContent?: boolean; config?: object } = {}): FixtureProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'warraq-'));
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(REPO, 'public'), path.join(root, 'public'), { recursive: true });
  if (options.copyContent) cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  else mkdirSync(path.join(root, 'content'), { recursive: true });
  if (options.config) writeFileSync(path.join(root, 'warraq.config.json'), JSON.stringify(options.config));
  return {
    root,
    write(file, text) {
      const full = path.join(root, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A valid article file (economy section, one tag, one author) with this headline and body; `more`: front matter lines to add. */
export function articleSource(title: string, body: string, more = ''): string {
  return `---
title: "${title}"
date: 2023-03-01T10:00:00+03:00
section: اقتصاد
tags: [الشركات]
authors: [سلمى الحسيني]
summary: "ملخص قصير للخبر عن الشركات والأسواق."
${more}---

${body}
`;
}
