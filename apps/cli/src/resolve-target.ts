import { BatonError, GENERIC_TARGET, type TargetProfile } from '@baton/core';
import type { CliIo } from './cli-io.js';

export interface TargetFlags {
  target?: string;
  facts?: string;
  context?: string;
  kubeconfig?: string;
  kubeVersion?: string;
}

/** The profile checkers and the writer use: built-in, from a facts file, or the generic one. */
export async function resolveTarget(flags: TargetFlags, _io: CliIo): Promise<TargetProfile> {
  let profile: TargetProfile = GENERIC_TARGET;
  if (flags.target && flags.target !== 'generic') throw new BatonError('BATON1008', { name: flags.target });
  if (flags.kubeVersion) {
    if (!/^1\.\d{2}$/.test(flags.kubeVersion)) {
      throw new BatonError('BATON1001', { detail: '--kube-version takes a minor such as 1.34', command: 'plan' });
    }
    profile = { ...profile, kubernetesVersion: flags.kubeVersion as `1.${number}` };
  }
  return profile;
}
