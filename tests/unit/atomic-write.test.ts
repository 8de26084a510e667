/** The one write helper of .cache/: whole files or nothing, and no temporary file left behind. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomically } from '../../src/store/atomic-write.ts';

describe('writeFileAtomically', () => {
  it('writes a string, bytes or pieces in turn, making the folder, replacing the old file whole', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-atomic-'));
    try {
      const file = path.join(dir, 'a', 'b', 'f.bin');
      expect(writeFileAtomically(file, 'نص أول')).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('نص أول');
      function* pieces() {
        yield Buffer.from('one ');
        yield new Uint8Array([116, 119, 111]);
        yield Buffer.alloc(0);
      }
      expect(writeFileAtomically(file, pieces())).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('one two');
      expect(readdirSync(path.dirname(file))).toEqual(['f.bin']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns false and leaves the old file and no temporary file when the write fails', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-atomic-'));
    try {
      const file = path.join(dir, 'f.json');
      writeFileSync(file, 'old');
      function* failing(): Generator<Uint8Array> {
        yield Buffer.from('half of it');
        throw new Error('disk full');
      }
      expect(writeFileAtomically(file, failing())).toBe(false);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['f.json']);
      // a folder where the file's folder should be
      expect(writeFileAtomically(path.join(file, 'inside.json'), 'x')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
