import type { Stage } from '@baton/core';
import type { CliIo } from './cli-io.js';

/** Stage progress on stderr, only on a terminal and without --quiet. */
export function progressReporter(io: CliIo, quiet: boolean): ((event: { stage: Stage; done: number; total: number }) => void) | undefined {
  if (quiet || !io.interactive) return undefined;
  const started = Date.now();
  return ({ stage, done, total }) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stderr(`\r\x1b[2K  ${stage.padEnd(9)} ${done}/${total}  ${seconds}s`);
    if (stage === 'write') io.stderr('\n');
  };
}
