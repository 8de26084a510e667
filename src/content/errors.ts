/**
 * Errors about content, each pinned to a file and a line, with what is wrong and what to do.
 * The loader collects them all before failing, so an editor fixes a whole batch in one go.
 */
export interface ContentProblem {
  file: string;
  line: number;
  column?: number | undefined;
  field?: string | undefined;
  message: string;
  hint: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: ContentProblem): string {
  const where = `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
  const field = p.field ? `${p.field}: ` : '';
  return `${where}: ${field}${p.message}; ${p.hint}`;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in content:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}
