import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BatonError,
  GENERIC_TARGET,
  formatProfileProblems,
  mergeTargetProfile,
  validateTargetProfile,
  type TargetProfile,
  type TargetProfileLayer,
} from '@baton/core';
import type { CliIo } from './cli-io.js';

export interface TargetFlags {
  target?: string;
  facts?: string;
  context?: string;
  kubeconfig?: string;
  kubeVersion?: string;
}

export const FACTS_VERSION = 'baton.dev/target-facts/v1';

/** A built-in profile: the generic base with the CNI half from @baton/cni and the CSI half from @baton/csi. */
export async function builtInProfile(id: string): Promise<TargetProfile> {
  if (id === 'generic') return GENERIC_TARGET;
  const [cni, csi] = await Promise.all([import('@baton/cni'), import('@baton/csi')]);
  const cniHalf = (cni.cniProfiles as Record<string, TargetProfileLayer>)[id];
  const csiHalf = (csi.csiProfiles as Record<string, TargetProfileLayer>)[id];
  if (!cniHalf || !csiHalf) throw new BatonError('BATON1008', { name: id });
  return mergeTargetProfile(GENERIC_TARGET, { ...cniHalf, $source: `@baton/cni:${id}` }, { ...csiHalf, $source: `@baton/csi:${id}` });
}

export async function builtInProfileIds(): Promise<string[]> {
  const cni = await import('@baton/cni');
  return ['generic', ...cni.BUILT_IN_PROFILE_IDS];
}

/**
 * The profile checkers and the writer use. `--target` picks a built-in base; `--facts` is either a
 * captured facts document (a complete profile) or a hand-written layer of overrides on the base.
 */
export async function resolveTarget(flags: TargetFlags, io: CliIo): Promise<TargetProfile> {
  if (flags.context !== undefined || flags.kubeconfig !== undefined) {
    if (flags.facts || flags.target) {
      throw new BatonError('BATON1001', { detail: 'give one of --target, --facts or --context', command: 'plan' });
    }
    // Live discovery: the same facts `migrate target capture` writes, read now.
    const { captureTargetFacts } = await import('./commands/target-capture-command.js');
    const facts = await captureTargetFacts({
      ...(flags.context !== undefined ? { context: flags.context } : {}),
      ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    });
    return withKubeVersion(facts.profile, flags.kubeVersion);
  }
  let profile = await builtInProfile(flags.target ?? 'generic');
  if (flags.facts) {
    const file = path.resolve(io.cwd, flags.facts);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new BatonError('BATON1002', { path: flags.facts, reason: (error as Error).message });
    }
    let document: unknown;
    try {
      document = /\.ya?ml$/i.test(file) ? (await import('yaml')).parse(text) : JSON.parse(text);
    } catch (error) {
      throw new BatonError('BATON3002', { path: flags.facts, reason: (error as Error).message });
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new BatonError('BATON3002', { path: flags.facts, reason: 'expected an object' });
    }
    const facts = document as { factsVersion?: unknown; profile?: unknown };
    if (facts.factsVersion !== undefined && facts.factsVersion !== FACTS_VERSION) {
      throw new BatonError('BATON3002', { path: flags.facts, reason: `unsupported factsVersion ${JSON.stringify(facts.factsVersion)}` });
    }
    if (facts.factsVersion === FACTS_VERSION) {
      // A captured profile is complete: it replaces the built-in base instead of layering on it,
      // so storage classes the cluster lacks cannot survive from a built-in profile.
      const problems = validateTargetProfile(facts.profile);
      if (problems.length > 0) throw new BatonError('BATON3002', { path: flags.facts, reason: formatProfileProblems(problems) });
      profile = facts.profile as TargetProfile;
    } else profile = mergeTargetProfile(profile, { ...(document as TargetProfileLayer), $source: flags.facts });
  }
  return withKubeVersion(profile, flags.kubeVersion);
}

function withKubeVersion(profile: TargetProfile, kubeVersion: string | undefined): TargetProfile {
  if (!kubeVersion) return profile;
  if (!/^1\.\d{2}$/.test(kubeVersion)) {
    throw new BatonError('BATON1001', { detail: '--kube-version takes a minor such as 1.34', command: 'plan' });
  }
  return { ...profile, kubernetesVersion: kubeVersion as `1.${number}` };
}
