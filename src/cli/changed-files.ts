/**
 * The article files a branch or a push changed, from `git diff --name-status` between a commit's merge base and HEAD, limited to the
 * content folder. Throws a readable error when git cannot answer (no repository, unknown commit).
 */
import { execFileSync } from 'node:child_process';
import { isArticleName } from './lint-files.ts';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Root-relative path, / separated (the new path of a renamed file). */
  file: string;
  status: ChangeStatus;
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'added', T: 'modified' };

/** Articles under `contentDir` changed between the merge base of `since` and HEAD. */
export function changedArticles(root: string, since: string, contentDir: string): ChangedFile[] {
  let out: string;
  try {
    // -z: paths as they are (Arabic file names are not quoted); three dots: from the merge base.
    out = execFileSync('git', ['diff', '--name-status', '-z', '--find-renames', `${since}...HEAD`, '--', contentDir], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new Error(
      `cannot list the changes since ${since}${stderr ? ` (${stderr})` : ''}; give a commit that exists in this clone (fetch the history: actions/checkout with fetch-depth: 0)`,
    );
  }
  const fields = out.split('\0');
  const changed: ChangedFile[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const code = fields[i++]!;
    const status = STATUS[code[0]!] ?? 'modified';
    if (code[0] === 'R' || code[0] === 'C') i++; // the old path
    const file = fields[i++]!;
    if (isArticleName(file)) changed.push({ file, status });
  }
  return changed;
}
