import type { CliIo } from '../cli-io.js';

/** A CliIo that records output, for running `migrate` in-process in tests. */
export function memoryIo(options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: { NO_COLOR: '1', ...options.env },
    interactive: false,
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
