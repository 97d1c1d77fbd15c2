// Shared test data: the built-in profiles as full targets, and small port/network builders.
import { GENERIC_TARGET, mergeTargetProfile, type Port, type TargetProfile } from '@baton/core';
import { BUILT_IN_PROFILE_IDS, cniProfiles, type BuiltInProfileId } from '../profiles/cni-profiles.js';

export const targets = Object.fromEntries(
  BUILT_IN_PROFILE_IDS.map((id) => [id, mergeTargetProfile(GENERIC_TARGET, cniProfiles[id])]),
) as Record<BuiltInProfileId, TargetProfile>;

export function port(partial: Partial<Port> & { index?: number } = {}): Port {
  const index = partial.index ?? 0;
  return {
    index,
    containerPort: 8080,
    protocols: ['tcp'],
    labels: {},
    pointer: `/container/portMappings/${index}`,
    ...partial,
  };
}

export function hostModePort(portNumber: number, index = 0): Port {
  return { index, containerPort: portNumber, hostPort: portNumber, protocols: ['tcp'], labels: {}, pointer: `/portDefinitions/${index}` };
}

export function network(name: string, index = 0, labels: Record<string, string> = {}) {
  return { name, labels, pointer: `/networks/${index}` };
}
