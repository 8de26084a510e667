/**
 * The lexicon's answers, remembered across builds in `.cache/lexicon.json`. Loading the lexicon
 * (text/lexicon.ts) takes about two seconds; a rebuild after an edit asks it a handful of words,
 * nearly all asked before. The answers depend only on the dictionary package and the code, both
 * part of the cache tag (cache.ts codeVersion), so a remembered answer is the lexicon's answer.
 * The real lexicon is loaded only for a word never asked before.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadLexicon } from '../text/lexicon.ts';
import type { Lexicon } from '../text/options.ts';

export class LexiconMemo implements Lexicon {
  /** Answers learnt since the last drain(). */
  private learnt: Array<[string, boolean]> = [];
  constructor(private readonly known: Map<string, boolean> = new Map()) {}

  has(word: string): boolean {
    let answer = this.known.get(word);
    if (answer === undefined) {
      answer = loadLexicon().has(word);
      this.known.set(word, answer);
      this.learnt.push([word, answer]);
    }
    return answer;
  }

  /** The getter NormalizeOptions.lexicon wants. */
  readonly getter = (): Lexicon => this;

  drain(): Array<[string, boolean]> {
    const out = this.learnt;
    this.learnt = [];
    return out;
  }

  learn(answers: Array<[string, boolean]>): void {
    for (const [w, a] of answers) {
      if (!this.known.has(w)) {
        this.known.set(w, a);
        this.learnt.push([w, a]);
      }
    }
  }

  entries(): Array<[string, boolean]> {
    return [...this.known];
  }

  static load(cacheRoot: string | undefined, tag: string): LexiconMemo {
    if (cacheRoot) {
      try {
        const stored = JSON.parse(readFileSync(path.join(cacheRoot, 'lexicon.json'), 'utf8')) as { tag: string; words: Array<[string, boolean]> };
        if (stored.tag === tag && Array.isArray(stored.words)) return new LexiconMemo(new Map(stored.words));
      } catch {
        // absent or unreadable: start empty
      }
    }
    return new LexiconMemo();
  }

  save(cacheRoot: string | undefined, tag: string): void {
    if (!cacheRoot || this.learnt.length === 0) return;
    try {
      mkdirSync(cacheRoot, { recursive: true });
      const file = path.join(cacheRoot, 'lexicon.json');
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ tag, words: this.entries() }));
      renameSync(tmp, file);
      this.learnt = [];
    } catch {
      // the cache is an optimization
    }
  }
}
