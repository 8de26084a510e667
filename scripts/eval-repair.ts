/**
 * Measures split-word repair on clean diacritized text damaged like the wire (scripts/lib/damage.ts): join recall and precision, marks
 * restored exactly, changes to clean text. Usage: node --import tsx scripts/eval-repair.ts [folder…] (default tests/fixtures/devset)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { damage } from './lib/damage.ts';
import { normalize } from '../src/text/normalize.ts';
import { loadLexicon } from '../src/store/lexicon.ts';
import { lazyQuran } from '../src/store/quran.ts';
import { WordCounts } from '../src/text/evidence.ts';

export interface RepairScore {
  words: number;
  splits: number;
  joined: number;
  joins: number;
  correctJoins: number;
  exact: number;
  cleanChanges: number;
  bareChanges: number;
  /** Word-final damage: gaps, marks restored, restored exactly. */
  finals: number;
  finalRestored: number;
  finalExact: number;
  misses: string[];
  falseJoins: string[];
  wrongMarks: string[];
  /** Word-final damage left without its mark, or given another. */
  finalMisses: string[];
  /** Missed split words that a doubt ("possible split word") points at; doubts at no split word. */
  doubtedMisses: number;
  doubtsElsewhere: number;
  /** Doubts raised on the clean text, with and without its diacritics. */
  cleanDoubts: number;
}

export function scoreText(clean: string): RepairScore {
  const lexicon = loadLexicon();
  const { text: damaged, gaps } = damage(clean);
  const evidence = new WordCounts().add(damaged);
  const { changes, doubts } = normalize(damaged, { lexicon: () => lexicon, quran: lazyQuran, evidence, quotes: 'keep' });
  const joinsAt = new Map<number, string>();
  const finalsAt = new Map<number, string>();
  for (const c of changes) if (c.rule === 'split-word') joinsAt.set(c.offset, c.after);
  for (const c of changes) if (c.rule === 'word-final-mark') finalsAt.set(c.offset, c.after);
  const score: RepairScore = {
    ...emptyScore(),
    words: clean.split(/\s+/).filter((w) => /[\u0621-\u064A]/.test(w)).length,
    joins: joinsAt.size,
  };
  const context = (at: number) => `${damaged.slice(Math.max(0, at - 12), at)}|${damaged.slice(at, at + 12)}`.replace(/\n/g, '⏎');
  for (const g of gaps.filter((g) => !g.midWord)) {
    score.finals++;
    const after = finalsAt.get(g.offset);
    if (after !== undefined) {
      score.finalRestored++;
      if (after === g.marks) score.finalExact++;
    }
    if (after !== g.marks)
      score.finalMisses.push(`${context(g.offset)}  want ${codes(g.marks)} got ${after === undefined ? '-' : codes(after)}`);
  }
  const gold = new Map(gaps.filter((g) => g.midWord).map((g) => [g.offset, g]));
  for (const g of gold.values()) {
    score.splits++;
    const after = joinsAt.get(g.offset);
    if (after === undefined) {
      score.misses.push(context(g.offset));
      if (doubts.some((d) => d.offset < g.offset && g.offset < d.offset + d.before.length)) score.doubtedMisses++;
    } else {
      score.joined++;
      if (after === g.marks) score.exact++;
      else
        score.wrongMarks.push(
          `${context(g.offset)}  want ${[...g.marks].map((m) => m.codePointAt(0)!.toString(16)).join('+')} got ${[...after].map((m) => m.codePointAt(0)!.toString(16)).join('+')}`,
        );
    }
  }
  for (const [offset] of joinsAt) {
    if (gold.has(offset)) score.correctJoins++;
    else score.falseJoins.push(context(offset));
  }
  score.doubtsElsewhere = doubts.filter(
    (d) => !gaps.some((g) => g.midWord && d.offset < g.offset && g.offset < d.offset + d.before.length),
  ).length;
  const cleanResult = normalize(clean, { lexicon: () => lexicon, quran: lazyQuran, evidence: new WordCounts().add(clean), quotes: 'keep' });
  score.cleanChanges = cleanResult.changes.length;
  const bare = clean.replace(/[\u064B-\u0652]/g, '');
  const bareResult = normalize(bare, { lexicon: () => lexicon, quran: lazyQuran, evidence: new WordCounts().add(bare), quotes: 'keep' });
  score.bareChanges = bareResult.changes.length;
  score.cleanDoubts = cleanResult.doubts.length + bareResult.doubts.length;
  return score;
}

/** A score of nothing, to add scores to. */
export function emptyScore(): RepairScore {
  return {
    ...{ words: 0, splits: 0, joined: 0, joins: 0, correctJoins: 0, exact: 0, cleanChanges: 0, bareChanges: 0 },
    ...{ finals: 0, finalRestored: 0, finalExact: 0, doubtedMisses: 0, doubtsElsewhere: 0, cleanDoubts: 0 },
    ...{ misses: [], falseJoins: [], wrongMarks: [], finalMisses: [] },
  };
}

const COUNTS = [
  'words',
  'splits',
  'joined',
  'joins',
  'correctJoins',
  'exact',
  'cleanChanges',
  'bareChanges',
  'finals',
  'finalRestored',
  'finalExact',
  'doubtedMisses',
  'doubtsElsewhere',
  'cleanDoubts',
] as const;

/** Adds score `s` into `total`; the listed errors are prefixed with `label` when given. */
export function addScore(total: RepairScore, s: RepairScore, label = ''): void {
  for (const k of COUNTS) total[k] += s[k];
  const tag = (m: string) => (label ? `${label}: ${m}` : m);
  for (const k of ['misses', 'falseJoins', 'wrongMarks', 'finalMisses'] as const) total[k].push(...s[k].map(tag));
}

/** The summed score of every .txt file of a folder (a path or a file: URL). */
export function scoreFolder(folder: string | URL, verbose = false): RepairScore {
  const total = emptyScore();
  const dir = typeof folder === 'string' ? folder : folder.pathname;
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const s = scoreText(readFileSync(path.join(dir, f), 'utf8'));
    addScore(total, s, f);
    if (verbose)
      console.log(
        f,
        `recall ${(s.joined / s.splits).toFixed(3)} precision ${(s.correctJoins / Math.max(1, s.joins)).toFixed(3)} clean ${s.cleanChanges} bare ${s.bareChanges}`,
      );
  }
  return total;
}

const codes = (marks: string) => [...marks].map((m) => m.codePointAt(0)!.toString(16)).join('+');

function main() {
  const folders = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const verbose = process.argv.includes('-v');
  const total = emptyScore();
  for (const folder of folders.length ? folders : ['tests/fixtures/devset']) addScore(total, scoreFolder(folder, verbose));
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(4) : 'n/a');
  console.log(`words ${total.words}  split words ${total.splits}  joins made ${total.joins}`);
  console.log(
    `join recall ${pct(total.joined, total.splits)}  join precision ${pct(total.correctJoins, total.joins)}  exact marks ${pct(total.exact, total.joined)} (${total.exact}/${total.joined})`,
  );
  console.log(`changes on clean text: ${total.cleanChanges} with diacritics, ${total.bareChanges} without`);
  console.log(
    `word-final damage: ${total.finals} lost marks, ${total.finalRestored} restored, ${total.finalExact} exactly: exact words ${pct(total.finalExact, total.finals)} (${pct(total.finalExact, total.finalRestored)} of those restored); the rest collapse to one space`,
  );
  console.log(
    `possible split words (lint warnings): ${total.doubtedMisses} of ${total.splits - total.joined} missed split words pointed at, ${total.doubtsElsewhere} elsewhere in the damaged text; on clean text ${total.cleanDoubts} in ${total.words * 2} words (with and without diacritics), ${pct(total.cleanDoubts * 1000, total.words * 2)} per 1,000`,
  );
  if (process.argv.includes('--errors')) {
    console.log('\nFALSE JOINS\n' + total.falseJoins.join('\n'));
    console.log('\nMISSES\n' + total.misses.join('\n'));
    console.log('\nWRONG MARKS\n' + total.wrongMarks.join('\n'));
    console.log('\nWORD-FINAL MISSES\n' + total.finalMisses.join('\n'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
