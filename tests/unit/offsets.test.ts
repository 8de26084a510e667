import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, OffsetMap, type Edit } from '../../src/text/edits.ts';

/** Random non-overlapping edits on a text of length n. */
const editsFor = (n: number) =>
  fc.array(fc.tuple(fc.nat(4), fc.nat(2), fc.constantFrom('', 'Y', 'YY')), { maxLength: 8 }).map((steps) => {
    const edits: Edit[] = [];
    let at = 0;
    for (const [skip, len, rep] of steps) {
      at += skip;
      if (at >= n) break;
      const end = Math.min(n, at + len);
      if (end === at && rep === '') continue;
      edits.push({ start: at, end, replacement: rep, rule: 'nfc' });
      at = end + 1;
    }
    return edits;
  });

describe('OffsetMap', () => {
  it('maps every surviving character back to its original offset through any edit history', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (start, seeds) => {
        let text = start;
        let origin = [...Array(text.length).keys()] as number[];
        const map = new OffsetMap();
        for (const seed of seeds) {
          const edits = fc.sample(editsFor(text.length), { seed, numRuns: 1 })[0]!;
          const got = map.toOriginalMany(edits.map((e) => e.start));
          edits.forEach((e, i) => {
            const o = origin[e.start];
            if (o !== undefined && o >= 0) expect(got[i]).toBe(o);
          });
          const next: number[] = [];
          let pos = 0;
          for (const e of edits) {
            while (pos < e.start) next.push(origin[pos++]!);
            for (let k = 0; k < e.replacement.length; k++) next.push(-1);
            pos = e.end;
          }
          while (pos < text.length) next.push(origin[pos++]!);
          text = applyEdits(text, edits);
          origin = next;
          map.push(edits);
        }
      }),
      { numRuns: 300 },
    );
  });
});
