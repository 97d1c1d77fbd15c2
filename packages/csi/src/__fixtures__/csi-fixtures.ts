// Shared test data: the built-in storage halves as full targets, and volume builders.
import { GENERIC_TARGET, mergeTargetProfile, type TargetProfile, type Volume } from '@baton/core';
import { csiDriverCatalog } from '../catalog/csi-driver-catalog.js';
import { BUILT_IN_PROFILE_IDS, csiProfiles, type BuiltInProfileId } from '../profiles/csi-profiles.js';

export const targets = Object.fromEntries(
  BUILT_IN_PROFILE_IDS.map((id) => [id, mergeTargetProfile(GENERIC_TARGET, csiProfiles[id])]),
) as Record<BuiltInProfileId, TargetProfile>;

/** EKS with the EBS and EFS CSI drivers installed and a default gp3 class, as most real EKS clusters are. */
export const eksWithDrivers = mergeTargetProfile(targets.eks, {
  storage: {
    defaultClass: 'gp3',
    classes: [
      { name: 'gp3', provisioner: 'ebs.csi.aws.com', isDefault: true, volumeBindingMode: 'WaitForFirstConsumer' },
      { name: 'io2-immediate', provisioner: 'ebs.csi.aws.com', isDefault: false, volumeBindingMode: 'Immediate' },
      { name: 'efs', provisioner: 'efs.csi.aws.com', isDefault: false },
    ],
    drivers: [csiDriverCatalog['ebs.csi.aws.com'], csiDriverCatalog['efs.csi.aws.com']],
  },
});

export function persistent(name = 'data', sizeMiB = 1024, extra: Partial<Extract<Volume, { kind: 'persistent' }>> = {}, index = 0): Volume {
  return { kind: 'persistent', name, sizeMiB, type: 'root', pointer: `/container/volumes/${index}`, ...extra };
}

export function external(extra: Partial<Extract<Volume, { kind: 'external' }>> = {}, index = 0): Volume {
  return {
    kind: 'external',
    name: `ext-${index}`,
    externalName: 'shared-data',
    provider: 'dvdi',
    driver: 'rexray/ebs',
    shared: false,
    options: {},
    pointer: `/container/volumes/${index}`,
    ...extra,
  };
}

export function host(hostPath: string, name = 'host-0', index = 0): Volume {
  return { kind: 'host', name, hostPath, pointer: `/container/volumes/${index}` };
}

export function mount(volume: string, readOnly: boolean) {
  return { volume, path: '/mnt', readOnly, pointer: '/container/volumes/0/containerPath' };
}
