/** What every `warraq <command>` module exports by default: its one-line summary, its --help text, and run(). */
export interface Command {
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
