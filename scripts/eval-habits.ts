/**
 * Measures the harm the repair does to clean news copy that carries writers' and tools' typing habits (tests/fixtures/clean-habits, or
 * the folder given with --dir): the set alone as one document, then each line followed by a damaged line. Prints, per setting, the changes
 * counted by rule and every change that alters letters, digits or marks (or is a split-word / word-final-mark) with its line, its
 * before/after and the line repaired.
 * Usage: node --import tsx scripts/eval-habits.ts [--dir tests/fixtures/<clean-set>]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { damagedLines } from './eval-clean.ts';
import { repairInterleaved } from './lib/interleave.ts';
import type { Change } from '../src/text/normalize.ts';

const HABITS = new URL('../tests/fixtures/clean-habits/', import.meta.url);

/** Rules that only touch spacing or a character's form; counted, not listed, unless a change of theirs alters letters or marks. */
const BY_DESIGN = new Set(['whitespace', 'punctuation-space', 'nfc']);
/** Rules listed whatever they change. */
const WATCHED = new Set(['split-word', 'word-final-mark']);

export interface HabitLine {
  where: string;
  text: string;
}

interface Finding {
  line: HabitLine;
  change: Change;
}

export interface SettingResult {
  lines: number;
  /** Changes on the damaged lines between them. */
  otherChanges: number;
  byRule: Map<string, number>;
  findings: Finding[];
  repaired: Map<HabitLine, string>;
}

/** The set's lines (clean-habits unless another folder is given), non-blank, each with its file and line number. */
export function habitLines(dir: URL = HABITS): HabitLine[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) =>
      readFileSync(new URL(f, dir), 'utf8')
        .split('\n')
        .map((text, k) => ({ where: `${f}:${k + 1}`, text }))
        .filter((l) => l.text.trim() !== ''),
    );
}

/** Letters (tatweel aside), digits and marks: what a change must leave alone to be pure spacing or punctuation. */
function substance(s: string): string {
  return [...s.normalize('NFC')].filter((ch) => /[\p{L}\p{M}\p{N}]/u.test(ch) && ch !== '\u0640').join('');
}

function isListed(c: Change): boolean {
  return WATCHED.has(c.rule) || substance(c.before) !== substance(c.after);
}

/**
 * Applies one line's changes (offsets relative to the clean line) from the last offset to the first. Changes at one offset compose in
 * the order given: an insertion (a mark) goes before what follows it, a replacement is what the next change at that offset rewrites.
 */
function applyChanges(text: string, changes: { change: Change; at: number; order: number }[]): string {
  const offsets = [...new Set(changes.map((c) => c.at))].sort((x, y) => y - x);
  let out = text;
  for (const at of offsets) {
    let rest = out.slice(at);
    let cursor = 0;
    for (const { change } of changes.filter((c) => c.at === at).sort((x, y) => x.order - y.order)) {
      if (rest.slice(cursor, cursor + change.before.length) !== change.before) return `(changes do not apply cleanly) ${out}`;
      rest = rest.slice(0, cursor) + change.after + rest.slice(cursor + change.before.length);
      if (change.before === '') cursor += change.after.length;
    }
    out = out.slice(0, at) + rest;
  }
  return out;
}

/** Normalizes the lines as one document, each followed by `damaged[k]` when given, and collects the changes on the clean lines. */
export function runSetting(clean: HabitLine[], damaged: string[]): SettingResult {
  const {
    changes,
    starts,
    cleanAt: docLineOf,
    lineOf,
  } = repairInterleaved(
    clean.map((l) => l.text),
    damaged,
  );
  const cleanAt = new Map(docLineOf.map((docLine, k) => [docLine, clean[k]!]));
  const result: SettingResult = { lines: clean.length, otherChanges: 0, byRule: new Map(), findings: [], repaired: new Map() };
  const perLine = new Map<HabitLine, { change: Change; at: number; order: number }[]>();
  changes.forEach((change, order) => {
    const docLine = lineOf(change.offset);
    const line = cleanAt.get(docLine);
    if (!line) {
      result.otherChanges++;
      return;
    }
    result.byRule.set(change.rule, (result.byRule.get(change.rule) ?? 0) + 1);
    const list = perLine.get(line) ?? [];
    list.push({ change, at: change.offset - starts[docLine]!, order });
    perLine.set(line, list);
    if (isListed(change)) result.findings.push({ line, change: { ...change, offset: change.offset - starts[docLine]! } });
  });
  for (const [line, list] of perLine) result.repaired.set(line, applyChanges(line.text, list));
  return result;
}

/** Spaces, NO-BREAK SPACEs and tabs made visible. */
function show(s: string): string {
  return s
    .replace(/ /g, '␠')
    .replace(/\u00A0/g, '⍽')
    .replace(/\t/g, '⇥')
    .replace(/\u0640/g, 'ـ');
}

function report(name: string, r: SettingResult) {
  const rules = [...r.byRule.entries()].sort((x, y) => y[1] - x[1]);
  const listedLines = new Set(r.findings.map((f) => f.line));
  const spacingOnlyLines = [...r.repaired.keys()].filter((l) => !listedLines.has(l)).length;
  console.log(
    `\n== ${name}: ${r.lines} clean lines${r.otherChanges ? ` (${r.otherChanges} changes on the damaged lines, not counted)` : ''}`,
  );
  console.log(`changes by rule: ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}`);
  console.log(
    `lines touched: ${r.repaired.size} (${spacingOnlyLines} by spacing/punctuation/form only; ${listedLines.size} with letters, digits or marks changed)`,
  );
  const listedByRule = new Map<string, number>();
  for (const f of r.findings) listedByRule.set(f.change.rule, (listedByRule.get(f.change.rule) ?? 0) + 1);
  console.log(`listed changes: ${r.findings.length} (${[...listedByRule].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'})`);
  for (const line of listedLines) {
    console.log(`\n  ${line.where}`);
    console.log(`    clean:    ${show(line.text)}`);
    console.log(`    repaired: ${show(r.repaired.get(line)!)}`);
    for (const { change } of r.findings.filter((f) => f.line === line)) {
      const left = line.text.slice(Math.max(0, change.offset - 14), change.offset);
      const right = line.text.slice(change.offset + change.before.length, change.offset + change.before.length + 14);
      console.log(
        `    ${change.rule}: «${show(change.before)}» → «${show(change.after)}» at ${change.offset}: …${show(left)}[…]${show(right)}…`,
      );
    }
  }
}

/** The folder named by `--dir <path>` (relative to the working directory), as a URL ending in a slash; clean-habits by default. */
function setFolder(argv: string[]): URL {
  const at = argv.indexOf('--dir');
  if (at < 0) return HABITS;
  const path = argv[at + 1];
  if (!path) throw new Error('--dir needs a folder');
  return pathToFileURL(resolve(path) + '/');
}

function main() {
  const dir = setFolder(process.argv.slice(2));
  const name = basename(dir.pathname);
  const clean = habitLines(dir);
  const damaged = damagedLines();
  report(`${name} alone, one document`, runSetting(clean, []));
  report(`${name}, each line followed by a damaged line`, runSetting(clean, damaged));
  console.log(
    `\n(listed: ${[...WATCHED].join(', ')}, and any change to letters, digits or marks; ${[...BY_DESIGN].join(', ')} counted only)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
