/** Every built page passes html-validate's recommended preset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { buildDemoSite, htmlFiles, type BuiltSite } from './build-site.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildDemoSite({ config: { paginate: 5 } }); // small pages: the pager markup is validated too
}, 180_000);
afterAll(() => site?.remove());

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Arabic news headlines run long (the demo's go to ~90 characters, plus " — site name");
    // the editor's headline is the title. Still capped, at twice the default.
    'long-title': ['error', { maxlength: 140 }],
  },
});

describe('html-validate', () => {
  it('every page is valid HTML (recommended preset)', async () => {
    const pages = htmlFiles(site.out);
    expect(pages.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(path.join(site.out, page), 'utf8'), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
