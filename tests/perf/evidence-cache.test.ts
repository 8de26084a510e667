/**
 * The prepared-article cache and the one input articles share: the site-wide word evidence.
 * An article that split a word is prepared again when another article starts (or stops) spelling
 * that word whole, and only then; everything else comes from the cache.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { articleSource, fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { prepareSite } from '../../src/prepare/prepare-in-thread.ts';
import { loadConfig } from '../../src/config.ts';
import { prepareArticle } from '../../src/prepare/prepare-article.ts';
import { WordCounts } from '../../src/text/evidence.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { countsOf, evidenceFrom } from '../../src/store/evidence-cache.ts';

const article = articleSource;

describe('prepared-article cache', () => {
  let project: FixtureProject | undefined;
  afterEach(() => project?.remove());

  it('the evidence the pipeline hands out answers as WordCounts does', () => {
    const wc = new WordCounts().add('تكبدت الشركات خسائر، وتكبّدت المصارف مثلها. المستشفيات').add('الشركات');
    const copy = evidenceFrom(structuredClone(countsOf(wc)));
    for (const w of ['تكبدت', 'الشركات', 'المستشفيات', 'خسائر', 'غائبة', 'ت']) expect(copy.count(w)).toBe(wc.count(w));
  });

  it('prepares articles exactly as prepareArticle does with the whole site as evidence', () => {
    project = fixtureProject({ copyContent: true });
    const p = project;
    p.write(
      'content/2023/03/split.md',
      article('خسائر الشركات', 'وقال المدير إن الشركات تكب دت خسائر كبيرة، وقد تم ت الموافقة على الخطة.'),
    );
    p.write('content/2023/03/whole.md', article('تقرير الأرباح', 'تكبدت الشركات الصغيرة خسائر أقل من المتوقع وتمت الموافقة.'));
    const config = loadConfig(p.root);
    const site = prepareSite(p.root, config, undefined, { cache: false });
    const sources = site.articles.map((a) => ({ file: a.source, text: readFileSync(path.join(p.root, a.source), 'utf8') }));
    const evidence = new WordCounts();
    for (const s of sources) evidence.add(s.text);
    for (const s of sources) {
      const r = prepareArticle(s.file, s.text, { ...config.normalize, lexicon: lazyLexicon, evidence });
      expect(r.ok && r.article.html).toBe(site.articles.find((a) => a.source === s.file)!.html);
    }
  }, 120_000);

  it('re-prepares exactly the edited article and those whose evidence look-ups changed', () => {
    project = fixtureProject();
    const p = project;
    p.write('content/2023/03/split.md', article('خسائر الشركات', 'وقال المدير إن الشركات تكب دت خسائر كبيرة هذا العام في الأسواق.'));
    p.write('content/2023/03/other.md', article('أسواق المال', 'ارتفعت مؤشرات الأسواق المالية في ختام تعاملات الأسبوع.'));
    const config = loadConfig(p.root);
    const cold = prepareSite(p.root, config);
    expect(cold.prepared).toBe(2);
    const html = (r: typeof cold) => r.articles.find((a) => a.source.endsWith('split.md'))!.html;

    const warm = prepareSite(p.root, config);
    expect(warm.prepared).toBe(0);
    expect(html(warm)).toBe(html(cold));

    // A new article spells the split word whole: the split article's evidence changed.
    p.write('content/2023/03/whole.md', article('تقرير الأرباح', 'تكبدت الشركات الصغيرة خسائر أقل من المتوقع.'));
    const added = prepareSite(p.root, config);
    expect(added.prepared).toBe(2); // whole.md, and split.md whose look-up of تكبدت changed; not other.md
    const fresh = prepareSite(p.root, config, undefined, { cache: false });
    expect(html(added)).toBe(html(fresh));

    // Removing it again gives the first result again.
    rmSync(path.join(p.root, 'content/2023/03/whole.md'));
    const removed = prepareSite(p.root, config);
    expect(removed.prepared).toBe(1); // split.md: its entry now holds the look-ups of the previous build
    expect(html(removed)).toBe(html(cold));
  }, 120_000);

  it("keeps the site-wide counts equal to a fresh count through edits and deletions, each file's own counts in its entry", () => {
    project = fixtureProject();
    const p = project;
    const files = ['content/2023/03/a.md', 'content/2023/03/b.md', 'content/2023/03/c.md'];
    p.write(files[0]!, article('خسائر الشركات', 'وقال المدير إن الشركات تكب دت خسائر كبيرة هذا العام.'));
    p.write(files[1]!, article('أسواق المال', 'ارتفعت مؤشرات الأسواق المالية، وتكبدت الشركات خسائر أقل.'));
    p.write(files[2]!, article('الطقس', 'أمطار غزيرة على المرتفعات الشمالية هذا الأسبوع.'));
    const config = loadConfig(p.root);
    const cacheDir = path.join(p.root, config.paths.cache);
    const stored = () =>
      new Map((JSON.parse(readFileSync(path.join(cacheDir, 'evidence.json'), 'utf8')) as { counts: [number, number][] }).counts);
    const fresh = () => {
      const wc = new WordCounts();
      for (const f of files) if (existsSync(path.join(p.root, f))) wc.add(readFileSync(path.join(p.root, f), 'utf8'));
      return new Map(countsOf(wc));
    };
    prepareSite(p.root, config);
    expect(stored()).toEqual(fresh());
    p.write(files[1]!, article('أسواق المال', 'تراجعت مؤشرات الأسواق المالية في ختام تعاملات الأسبوع.'));
    prepareSite(p.root, config);
    expect(stored()).toEqual(fresh());
    rmSync(path.join(p.root, files[2]!));
    prepareSite(p.root, config);
    expect(stored()).toEqual(fresh());
    expect(existsSync(path.join(cacheDir, 'words'))).toBe(false); // no store of its own: the counts live in the entries
    // An entry gone: the gone file's counts cannot be subtracted, so every file is counted again.
    rmSync(path.join(cacheDir, 'prepared'), { recursive: true });
    p.write(files[0]!, article('خسائر الشركات', 'وقال المدير إن المصارف تكبدت خسائر كبيرة.'));
    prepareSite(p.root, config);
    expect(stored()).toEqual(fresh());
  }, 120_000);
});
