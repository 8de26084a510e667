/**
 * `warraq <command>`: the editors' and CI's entry point. Each command lives in its own module and
 * is loaded only when called, so `warraq normalize` does not pay for Eleventy's start-up.
 */
import type { Command } from './command.ts';

const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.ts')).default,
  serve: async () => (await import('./commands/serve.ts')).default,
  admin: async () => (await import('./commands/admin.ts')).default,
  new: async () => (await import('./commands/new.ts')).default,
  import: async () => (await import('./commands/import.ts')).default,
  lint: async () => (await import('./commands/lint.ts')).default,
  summary: async () => (await import('./commands/summary.ts')).default,
  normalize: async () => (await import('./commands/normalize.ts')).default,
};

/** `warraq lint | head`: a reader that stops early is not an error. */
let pipesGuarded = false;
function quietOnClosedPipe(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = await Promise.all(Object.entries(COMMANDS).map(async ([n, load]) => `  ${n.padEnd(10)} ${(await load()).summary}`));
    process.stdout.write(
      `warraq — a static site generator for Arabic news\n\nUsage: warraq <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun warraq <command> --help for a command's options.\n`,
    );
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`warraq: unknown command "${name}". Run warraq --help for the list.\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    // Every command reads its options with node:util parseArgs: a bad option is the user's
    // mistake, answered in one line, never with a stack trace.
    if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw error;
    process.stderr.write(`warraq ${name}: ${(error as Error).message}\nRun warraq ${name} --help for the options.\n`);
    return 2;
  }
}
