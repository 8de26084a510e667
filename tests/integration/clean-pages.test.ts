/**
 * Clean copy written apart from the rules (tests/fixtures/clean-habits, clean-apart6 … clean-apart19), each file one article,
 * built into pages: every article page's body holds its source's Arabic words, none joined and no mark added, but for the few
 * the normalizer's own measures name (issue #18: clean text passes unchanged in the built pages as in the CLI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { articleSource, fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { build } from '../../src/output/build.ts';
import { CLEAN_SETS } from '../helpers/clean-sets.ts';

/** The Arabic words of a text (letters and marks, tatweel dropped as the normalizer drops it), NFC. */
function arabicWords(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .replace(/\u0640/g, '')
      .match(/[\u0621-\u063A\u0641-\u065F\u0670-\u06D3]+/g) ?? []
  ).filter(Boolean);
}

/** Words of `a` not in `b`, counted with their multiplicity. */
function missingFrom(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n === 0) return true;
    left.set(w, n - 1);
    return false;
  });
}

describe('clean copy written apart, built into pages', () => {
  let project: FixtureProject;
  const sources = new Map<string, string>();
  /** The clean set each article's file came from. */
  const setOf = new Map<string, string>();
  beforeAll(async () => {
    project = fixtureProject();
    let n = 0;
    for (const set of CLEAN_SETS) {
      const dir = path.join(REPO, 'tests/fixtures', set);
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()) {
        n++;
        const body = readFileSync(path.join(dir, file), 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .join('\n\n');
        const slug = `clean-${String(n).padStart(2, '0')}`;
        sources.set(slug, body);
        setOf.set(slug, set);
        project.write(`content/2023/03/${slug}.md`, articleSource(`نص نظيف رقم ${n}`, body, `slug: ${slug}\n`));
      }
    }
    await build({ root: project.root, outDir: path.join(project.root, '_site') });
  }, 240_000);
  afterAll(() => project?.remove());

  it('keeps every Arabic word of every article as written, but for the few the measures name', () => {
    expect(sources.size).toBeGreaterThanOrEqual(25);
    const added: string[] = [];
    const lost: string[] = [];
    for (const [slug, body] of sources) {
      const html = readFileSync(path.join(project.root, '_site/2023/03', slug, 'index.html'), 'utf8');
      const page = parse(html).querySelector('article.story .body')!.text;
      added.push(...missingFrom(arabicWords(page), arabicWords(body)).map((w) => `${slug}: ${w}`));
      lost.push(...missingFrom(arabicWords(body), arabicWords(page)).map((w) => `${slug}: ${w}`));
    }
    // 2026-12-03, clean-habits to clean-apart7: 9 words added when each text node was judged alone (a writer's spaces read as lost
    // marks: يعنيّ، عمّ …), 5 once the article's word ends were read whole (normalizePieces). With clean-apart8: 29, most of them
    // words spelled letter by letter in a lesson or a puzzle grid (ق ل م، ف ل ن ر ج س) in articles that show damage elsewhere.
    // Stop 31, with clean-apart13: 26, then 9 once plates, codes, blood groups, a word spelled out after a colon and the like stayed
    // apart (lost: 69 → 21).
    // Stop 32, with clean-apart14 (chat logs, abjad numerals, keyboards and spelling alphabets, letters listed): 71 added and 155
    // lost in all, then 46 and 101 once letters named or listed stayed apart and were no longer read as damage: 7 and 15 in the
    // sets before it (9 and 21 before), held apart from clean-apart14's own 39 and 86 (its subject's letters: chat's ف، abjad
    // numerals, drills, words spelled letter by letter).
    // Stop 34, with clean-apart15 (ordinary news copy: wire datelines, markets, results, courts, health, weather, obituaries,
    // listings, classifieds, names): 2 words added by its articles (a blood group's ب الموجبة, and بو سعيد, which the site had
    // seen as سيدي بوسعيد), then none once a blood group's letter and بو before a name in a line that shows no damage stayed apart
    // (clean-apart14's بو علي with them: 39 and 86 → 36 and 80).
    // Stop 35, with clean-apart17 (a farm bulletin, who's who, catalogues, a live blog, racing, regulations, science, a screenplay,
    // shop pages, transcripts): 17 words added and 36 lost by its articles on arrival, then 11 and 23 once a letter after كغ, the
    // letter ا after تحت and a shelf mark's letters stayed apart (a fertiliser's ن ف ب، sizes وم، وك and مع on loan still joined).
    // Stop 36: clean-apart14's 36 and 80 → 29 and 66 (chat's ف apart from the article, letters with أو, letters one after another in
    // the alphabet, a menu's list letters). With clean-apart18 (chess, crosswords and a quiz, music, fatwas, tides, a pilgrim's guide,
    // manuals, a phrasebook, museum labels, comics): 7 words added and 14 lost by its articles on arrival, then 5 and 10 once a
    // quiz's option letters (أ) … د)) and a name's initial after a title (الحاج م.) stayed apart (drum syllables دم تك and بو نه still
    // joined).
    // Stop 37, with clean-apart19 (grammar, a dictionary, a bibliography, case law, a pharmacy leaflet, lyrics, a reading primer,
    // prayer times, hadith sources, a road guide): 55 words added and 128 lost by its articles on arrival (a primer's syllables and
    // letters, roots spelled out, hadith symbols), and one by an earlier set's (a grade's ج ج in a table, which the dictionary's
    // جج had made a seen word). Then a table's cell of letters stayed apart and two words were joined only in a line that shows
    // the damage itself (a Markdown text node asking its whole block): the earlier sets 7 / 15 → 6 / 13, clean-apart14 29 / 66 as
    // before (its chats and abjad numerals have lone letters that a lost mark could have parted from a word).
    // With clean-apart20 (ordinary news copy), measured on arrival: 4 words added and 8 lost (أ وهـ، أ وب، 2 ب مراجعة، 7 ب مساء),
    // then none once a list letter and the next with و on it, هـ with its tatweel and ب after a labelled number stayed apart
    // (clean-apart14 29 / 66 → 28 / 64 with them).
    // With clean-apart21 (ordinary news copy across the region), measured on arrival: 1 word added and 2 lost (التهاب الكبد ب هو,
    // which the site has seen as بهو), then none once a hepatitis's letter after الكبد stayed apart (clean-apart17 loses 22 words
    // since clean-apart21's words joined the site's evidence, 23 before).
    // With clean-apart22 (ordinary news copy: a live blog, markets, transfers, rulings, a campaign, reviews, advisories, a budget,
    // admissions, a launch, a bulletin, letters), measured on arrival: 5 words added and 10 lost, then 3 and 6 (a class's and a
    // grade's letter after الشعبة and تقدير), then 2 and 4 (ل after أو when a noun labels the letter before it).
    // Stop 38, with clean-apart23 (TV guide, recipes, puzzles, racing, parliament minutes, classifieds, pharmacies, prices, a road
    // test, flights, a press review, vacancies), measured on arrival: 4 words added and 8 lost, then 2 and 4 once a lone letter
    // with its dot before a name stayed apart from the word before it in a line that shows no damage (وضيفه م. حسام; the earlier
    // sets 6 / 13 → 5 / 11 with it). With clean-apart24 (full news reports: a press conference, a council, a trial, a derby, a
    // statement, prices, an interview, a feature, schools, mangroves, a festival, an analysis), measured on arrival: 2 and 4, then 1
    // and 2 once the name of God with its proclitics took no tail (والحمد لله جات). With clean-apart25 (a wire roundup, elections, a
    // strike, floods, a discovery, a start-up, refugees, tourism, the Hajj lottery, an accident, an obituary, a harvest), measured on
    // arrival at this session's final rules: 0 and 0. Stop 39: clean-apart26 (a fishing port, housing, a museum, a science
    // interview, exam results, a weather bulletin, the stock market, a film review, a summit, desalination, a marathon, a census) on
    // arrival 1 and 2 (an Iraqi `بيت بيه ماي`, left); clean-apart27 (question time, a rate statement, a cycling tour, admissions, a
    // hospital, a livestock market, traffic law, a theatre festival, drought, a satellite, consumer protection, a club's assembly, a
    // book fair) on arrival, at that session's rules: 0 and 0. Stop 40: the spoken words the lexicon lacks read as words (بس هاي،
    // عالم تاني), the spoken future's ح apart (بس ح نحاول), a title's initial no sign of a split (الحاج م.): the earlier sets 5 and 11
    // → 4 and 9, clean-apart19 55, 128 → 54, 126, clean-apart22 2, 4 → 1, 2, clean-apart24 1, 2 → 0, 0. clean-apart29 (an excavation,
    // a camel race, a civil-defence drill, a poet's obituary, start-up funding, a dock strike, a group wedding, gum arabic, chess, a
    // dates festival, a cyber attack, an olive press) on arrival 1 and 2 (الحجرة الجانبية ب لا تزال), then 0 and 0; clean-apart26's Iraqi
    // بيه ماي kept (1, 2 → 0, 0). clean-apart30 (a refugee camp, football fans, a taxi strike, wedding prices, an exam leak, a flood
    // rescue, street food, a mobile wallet, hospital queues, rents, a farmers' market, a music festival; 124 quotes in dialect) on
    // arrival 1 and 2 (بس مو بإيدنا), then 0 and 0. clean-apart31 (a rate cut, a reshuffle, an earthquake, a border crossing, a
    // Champions League night, a ranking, fog, a ferry, a wheat deal, a film jury, a census, road safety) on arrival 0 and 0.
    // clean-apart32 (a hospital, a police report, a court, a mosque, a heritage festival, a water cut, school fees, a medical
    // advance, a migrant rescue, a launch, an election, locusts) on arrival 4 and 8, then 2 and 4 (a unit's letter after ألف kept;
    // Hassaniya الناس جات and الدائرة ب هي left).
    const setOfEntry = (entry: string) => setOf.get(entry.split(':')[0]!)!;
    const of = (list: string[], set: string) => list.filter((entry) => setOfEntry(entry) === set);
    // The most words added and lost in the articles of each set measured apart from the eleven earlier ones (the figures above).
    const heldBounds: Record<string, [added: number, lost: number]> = {
      'clean-apart14': [28, 64],
      'clean-apart17': [11, 22],
      'clean-apart18': [5, 10],
      'clean-apart19': [54, 126],
      'clean-apart20': [0, 0],
      'clean-apart21': [0, 0],
      'clean-apart22': [1, 2],
      'clean-apart23': [2, 4],
      'clean-apart24': [0, 0],
      'clean-apart25': [0, 0],
      'clean-apart26': [0, 0],
      'clean-apart27': [0, 0],
      'clean-apart28': [0, 0],
      'clean-apart29': [0, 0],
      'clean-apart30': [0, 0],
      'clean-apart31': [0, 0],
      'clean-apart32': [2, 4],
    };
    const held = Object.keys(heldBounds);
    const earlier = (list: string[]) => list.filter((entry) => !held.includes(setOfEntry(entry)));
    const perSet = held.map((set) => `${set}: ${of(added, set).length}, ${of(lost, set).length}`).join('; ');
    console.log(`clean pages: ${added.length} words added, ${lost.length} lost (${perSet}): ${added.join(', ')}`);
    expect(earlier(added).length, earlier(added).join(', ')).toBeLessThanOrEqual(4);
    expect(earlier(lost).length, earlier(lost).join(', ')).toBeLessThanOrEqual(9);
    for (const [set, [mostAdded, mostLost]] of Object.entries(heldBounds)) {
      expect(of(added, set).length, set).toBeLessThanOrEqual(mostAdded);
      expect(of(lost, set).length, set).toBeLessThanOrEqual(mostLost);
    }
  });
});
