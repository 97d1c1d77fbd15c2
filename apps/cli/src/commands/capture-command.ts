import path from 'node:path';
import { BatonError } from '@baton/core';
import type { CliIo } from '../cli-io.js';
import { CAPTURE_HELP } from '../help-text.js';
import { parseFlags } from '../parse-flags.js';
import { sourceFlags, sourceOptionsFrom } from '../source-flags.js';

export async function captureCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('capture', args, {
    ...sourceFlags,
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CAPTURE_HELP);
    return 0;
  }
  if (!values.from || !/^https?:\/\//i.test(values.from)) {
    throw new BatonError('BATON1001', { detail: '--from must be a Marathon URL (http:// or https://)', command: 'capture' });
  }
  const { createMarathonClient, captureSnapshot, formatSnapshot, writeSnapshot } = await import('@baton/marathon');
  const client = createMarathonClient(values.from, sourceOptionsFrom(values, io));
  try {
    const snapshot = await captureSnapshot(client);
    if (values.out) {
      const file = path.resolve(io.cwd, values.out);
      await writeSnapshot(file, snapshot);
      if (!values.quiet) {
        io.stderr(`Captured Marathon ${snapshot.marathon.version ?? '(version unknown)'} from ${client.baseUrl} into ${values.out}\n`);
      }
    } else io.stdout(formatSnapshot(snapshot));
  } finally {
    await client.close();
  }
  return 0;
}
