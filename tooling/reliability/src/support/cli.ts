// Running `migrate` the two ways users meet it: in-process (runCli, what the CLI's own tests use)
// and as the built program (`node apps/cli/dist/bin.js`), where an unhandled rejection or a stack
// trace on stderr would show.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@baton/cli';

export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CLI_BIN = path.join(REPO_DIR, 'apps/cli/dist/bin.js');
export const EXAMPLE_ESTATE = path.join(REPO_DIR, 'examples/estate');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `migrate <argv>` in this process, with recorded output and the given environment (`interactive`: stderr is a terminal, so progress lines are written). */
export async function migrate(argv: readonly string[], options: { env?: Record<string, string>; cwd?: string; stdin?: string; interactive?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    env: { NO_COLOR: '1', ...options.env },
    interactive: options.interactive ?? false,
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

/** The built `migrate` as a child process; resolves when it exits (or is killed). */
export function spawnMigrate(argv: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...argv], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'baton-reliability-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A stack frame (`    at fn (file:1:2)`) or Node's report of an unhandled error. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$|Unhandled|UnhandledPromiseRejection|node:internal/m;
