/**
 * `warraq admin`: the browser editor on this machine. Starts decap-server (writing this project's files, listening on 127.0.0.1 only) and
 * the preview server, whose /admin/ saves articles straight into content/. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config.ts';

const usage = `Usage: warraq admin [--port 8080] [--backend-port 8081] [--root DIR]

Starts the browser editor at http://localhost:8080/admin/ with Decap CMS's local backend: articles
saved there are written to content/YYYY/MM/<slug>.md of this folder (commit them with git as
usual). The preview at http://localhost:8080/ rebuilds as you save. See docs/admin.md.

Options:
  --port N          the preview server's port (default 8080)
  --backend-port N  the local backend's port (default 8081), on 127.0.0.1 only
  --root DIR        project folder (default: the current folder)`;

const command: Command = {
  summary: 'the browser editor at /admin/ on this machine (Decap CMS local backend + preview)',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '8080' }, 'backend-port': { type: 'string', default: '8081' }, root: { type: 'string' } },
    });
    const port = Number(values.port);
    const backendPort = Number(values['backend-port']);
    for (const [name, n] of [
      ['--port', port],
      ['--backend-port', backendPort],
    ] as const) {
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        process.stderr.write(`warraq admin: ${name} must be a number from 1 to 65535\n`);
        return 2;
      }
    }
    const root = path.resolve(values.root ?? process.cwd());
    const server = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
    const backend = spawn(process.execPath, [server], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(backendPort),
        BIND_HOST: '127.0.0.1',
        MODE: 'fs',
        GIT_REPO_DIRECTORY: root,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const stopBackend = () => {
      if (backend.exitCode === null) backend.kill('SIGTERM');
    };
    process.once('exit', stopBackend);
    backend.once('exit', (code, signal) => {
      if (signal !== 'SIGTERM') {
        process.stderr.write(
          `warraq admin: the local backend stopped (${signal ?? `exit code ${code}`}); is port ${backendPort} taken? Try --backend-port.\n`,
        );
        process.exit(1);
      }
    });
    const serve = (await import('./serve.ts')).default;
    const localBackend = `http://localhost:${backendPort}/api/v1`;
    process.stderr.write(
      `Editor: http://localhost:${port}${loadConfig(root).site.basePath}admin/ (local backend ${localBackend}, writing into ${root})\n`,
    );
    return serve.run(['--port', String(port), '--root', root, '--local-backend', localBackend]);
  },
};

export default command;
