import { BatonError } from '@baton/core';
import type { CliIo } from './cli-io.js';
import { MAIN_HELP } from './help-text.js';
import { CLI_VERSION } from './version.js';

/** Runs one `migrate` invocation and returns its exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(MAIN_HELP);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
      case 'version':
        io.stdout(`${CLI_VERSION}\n`);
        return 0;
      case 'plan':
        return await (await import('./commands/plan-command.js')).planCommand(rest, io);
      case 'capture':
        return await (await import('./commands/capture-command.js')).captureCommand(rest, io);
      case 'apply':
        return await (await import('./commands/apply-command.js')).applyCommand(rest, io);
      case 'explain':
        return await (await import('./commands/explain-command.js')).explainCommand(rest, io);
      case 'target':
        return await (await import('./commands/target-command.js')).targetCommand(rest, io);
      case 'plugins':
        return await (await import('./commands/plugins-command.js')).pluginsCommand(rest, io);
      default:
        throw new BatonError('BATON1001', { detail: `unknown command "${command}"`, command: '' });
    }
  } catch (error) {
    return reportError(error, io, debug);
  }
}

export function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (BatonError.isInstance(error)) {
    io.stderr(`error ${error.describe()}\n`);
    if (debug && error.cause instanceof Error && error.cause.stack) io.stderr(`${error.cause.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`error internal: ${message}\n  This is a bug in Baton; re-run with --debug and report it.\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 4;
}
