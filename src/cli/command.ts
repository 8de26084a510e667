/**
 * What every `warraq <command>` module exports by default: its one-line summary, its --help text, and run(). cli/main.ts
 * lists each command's module by name, loads it only when called, and prints its summary in `warraq --help`.
 */
export interface Command {
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}
