import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalize } from '../../src/text/normalize.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { WordCounts } from '../../src/text/evidence.ts';
import { dropFurniture } from '../../src/text/furniture.ts';

const SEED = new URL('../fixtures/seed/', import.meta.url);

describe('the seed article', () => {
  it('normalizes to expected-body.txt', () => {
    const raw = readFileSync(new URL('000_cf6fa2405558f434.txt', SEED), 'utf8');
    const expected = readFileSync(new URL('expected-body.txt', SEED), 'utf8');
    const body = dropFurniture(raw.split('\n').slice(2).join('\n')).text;
    const { text } = normalize(body, { lexicon: lazyLexicon, evidence: new WordCounts().add(body) });
    expect(text.trim().split('\n')).toEqual(expected.trim().split('\n'));
  });
});
