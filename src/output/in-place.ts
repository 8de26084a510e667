/**
 * In-place output: a build that changes a few files of a trusted output writes only those into a `<name>.tmp-*` folder beside it, then
 * commits them by a journal (files to delete, staged files to move in, cache files to move after them) written atomically, applied and
 * removed. Until the journal exists the output is untouched; a build that finds one applies it again first (every step can be repeated).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../store/atomic-write.ts';
import { outputManifest, type ManifestEntry } from '../store/stamp.ts';
import { discard, freshSibling, removeTree } from './swap.ts';

export interface CommitPlan {
  /** Files of the last output (relative to it) that the new output does not have. */
  deletions: string[];
  /**
   * Files written into `from` (the stamp of the new output), moved over their namesakes in `to` in this order once the output is
   * updated; the namesakes are removed before the output is touched, so that an abandoned commit leaves no stamp of either output.
   */
  cacheFiles?: { from: string; to: string; names: string[] } | undefined;
}

export interface InPlaceOptions {
  /** Called after each step of the commit (`delete`, `move`, `cache`) with the files done so far; a throw stops the commit there, as a kill would. */
  onCommitStep?: ((step: string, done: number) => void) | undefined;
  /** Old sites a whole-tree build left for a removal in the background (swap.ts) are left to one again, not waited for. */
  removeOldInBackground?: boolean | undefined;
}

const JOURNAL_FORMAT = 'warraq-commit-1';

/** A relative path that cannot leave the folder it is joined to (a journal is a file anyone could edit). */
const inside = (file: string) => {
  const n = path.normalize(file);
  return n !== '' && n !== '.' && !path.isAbsolute(n) && n !== '..' && !n.startsWith(`..${path.sep}`);
};
const plainName = (name: string) => name !== '' && name !== '.' && name !== '..' && path.basename(name) === name;

const Journal = z.object({
  format: z.literal(JOURNAL_FORMAT),
  stage: z.string(),
  deletions: z.array(z.string().refine(inside)),
  moves: z.array(z.string().refine(inside)),
  cacheFiles: z.object({ from: z.string(), to: z.string(), names: z.array(z.string().refine(plainName)) }).optional(),
});
type Journal = z.infer<typeof Journal>;

/** The journal of an output folder's commit: beside it, named after it. */
export const journalFile = (outDir: string) => `${path.resolve(outDir)}.commit.json`;

/**
 * Runs `write` into an empty staging folder beside `outDir`; when it succeeds, lists what it staged (a stat of each file, as the
 * output manifest records it), asks `plan` what to delete, and commits. When `write` or `plan` fails, the staging folder is removed
 * and `outDir` is as it was. Returns what `write` returned.
 */
export async function updateInPlace<T>(
  outDir: string,
  write: (stage: string) => Promise<T>,
  plan: (staged: ManifestEntry[]) => CommitPlan,
  options: InPlaceOptions = {},
): Promise<T> {
  const stage = await freshSibling(outDir, options.removeOldInBackground);
  let result: T;
  let journal: Journal;
  try {
    result = await write(stage);
    const staged = outputManifest(stage);
    const commit = plan(staged);
    journal = { format: JOURNAL_FORMAT, stage, deletions: commit.deletions, moves: staged.map((e) => e[0]), cacheFiles: commit.cacheFiles };
    if (!writeFileAtomically(journalFile(outDir), JSON.stringify(journal))) throw new Error(`could not write ${journalFile(outDir)}`);
  } catch (error) {
    discard(stage);
    throw error;
  }
  // The commit point: from here on the new output is what a build, this one or the next, finishes.
  applyJournal(outDir, journal, options.onCommitStep);
  rmSync(journalFile(outDir), { force: true });
  await removeTree(stage);
  return result;
}

/**
 * Finishes the commit a killed build left (its journal beside `outDir`): `finished`, or `none` when there was none. A journal that
 * cannot be read or applied, or names a stage or cache folders other than this output's and `cacheDir`, is removed, and nothing
 * else (`abandoned`): an output the commit had begun to change no longer matches the last stamp's manifest (or the stamp is gone,
 * its first step), so the build that follows writes a whole new one.
 */
export async function finishInterruptedCommit(outDir: string, cacheDir: string): Promise<'none' | 'finished' | 'abandoned'> {
  const file = journalFile(outDir);
  if (!existsSync(file)) return 'none';
  try {
    const journal = Journal.parse(JSON.parse(readFileSync(file, 'utf8')));
    // (the staging folder of this output, and no other folder)
    const name = path.basename(path.resolve(outDir));
    if (path.dirname(journal.stage) !== path.dirname(path.resolve(outDir)) || !path.basename(journal.stage).startsWith(`${name}.tmp-`))
      throw new Error(`${file} names a staging folder that is not this output's`);
    // (the stamp moves from a folder inside the cache into the cache, and nowhere else)
    const cache = journal.cacheFiles;
    if (cache && (path.resolve(cache.to) !== path.resolve(cacheDir) || path.dirname(path.resolve(cache.from)) !== path.resolve(cacheDir)))
      throw new Error(`${file} names cache folders that are not this project's`);
    applyJournal(outDir, journal);
    rmSync(file, { force: true });
    await removeTree(journal.stage);
    return 'finished';
  } catch {
    rmSync(file, { force: true });
    return 'abandoned';
  }
}

/** The commit's steps, each of which can be repeated: remove the old stamp, delete, move the staged files in, move the new stamp in. */
function applyJournal(outDir: string, journal: Journal, onStep?: InPlaceOptions['onCommitStep']): void {
  const out = path.resolve(outDir);
  const cache = journal.cacheFiles;
  // (a name no longer in `from` is the new file, moved in by the commit this one repeats)
  if (cache) for (const n of cache.names) if (existsSync(path.join(cache.from, n))) rmSync(path.join(cache.to, n), { force: true });
  let done = 0;
  for (const file of journal.deletions) {
    rmSync(path.join(out, file), { force: true });
    removeEmptyFolders(out, path.dirname(file));
    onStep?.('delete', ++done);
  }
  done = 0;
  for (const file of journal.moves) {
    moveInto(path.join(journal.stage, file), path.join(out, file));
    onStep?.('move', ++done);
  }
  done = 0;
  if (cache)
    for (const n of cache.names) {
      if (existsSync(path.join(cache.from, n))) renameSync(path.join(cache.from, n), path.join(cache.to, n));
      onStep?.('cache', ++done);
    }
  if (cache) rmSync(cache.from, { recursive: true, force: true });
}

/** Renames a staged file over its place in the output, making its folder when it is new; a file no longer staged was moved already. */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!existsSync(from)) return;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
  }
}

/** Removes `rel` and the folders above it, inside `out`, as long as each is empty (a deleted article's folder). */
function removeEmptyFolders(out: string, rel: string): void {
  for (let dir = rel; dir !== '.' && dir !== '' && dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      rmdirSync(path.join(out, dir));
    } catch (error) {
      // (gone already: a commit repeated; its parent may still be empty)
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
  }
}
