import { BatonError } from '@baton/core';
import type { CliIo } from '../cli-io.js';

/** Reads a live cluster's facts; wired to @baton/kubernetes' cluster reader. */
export async function targetCaptureCommand(_values: { context?: string; kubeconfig?: string }, _io: CliIo): Promise<number> {
  throw new BatonError('BATON1001', { detail: 'target capture is not available in this build', command: 'target' });
}
