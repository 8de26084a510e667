/**
 * How `warraq lint` prints its findings: `text` (one line each, lint-core's format), `github` (workflow commands shown on a pull request's
 * changed lines) or `json` (an array of {file, line, column, severity, rule, message, fix}).
 */
import { formatIssue, type LintIssue, type LintResult } from './lint-core.ts';

export const LINT_FORMATS = ['text', 'github', 'json'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  fix: string;
}

/** The findings to print: every one, or the errors only (`quiet`). */
export function findingsOf(results: readonly LintResult[], quiet = false): LintFinding[] {
  return results.flatMap((r) => r.issues.filter((i) => i.severity === 'error' || !quiet).map((i) => finding(r.file, i)));
}

function finding(file: string, i: LintIssue): LintFinding {
  return { file, line: i.line, column: i.column, severity: i.severity, rule: i.rule, message: i.message, fix: i.fix };
}

/** A workflow command's message: %, CR and LF escaped (GitHub's documented escaping). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as a message, and : and , too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,title=…::message (fix: …)`, one finding. */
export function githubAnnotation(f: LintFinding): string {
  const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`warraq ${f.rule}`)}`].join(
    ',',
  );
  return `::${f.severity} ${props}::${escapeData(`${f.message} (fix: ${f.fix})`)}`;
}

/** The findings in a format, as the lines (or the JSON text) to print. */
export function formatFindings(results: readonly LintResult[], format: LintFormat, quiet = false): string {
  if (format === 'json') return `${JSON.stringify(findingsOf(results, quiet), null, 2)}\n`;
  const lines: string[] = [];
  for (const r of results) {
    for (const issue of r.issues) {
      if (issue.severity !== 'error' && quiet) continue;
      lines.push(format === 'github' ? githubAnnotation(finding(r.file, issue)) : formatIssue(r.file, issue));
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
