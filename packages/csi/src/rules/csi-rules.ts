import { accessModeUnsupported } from './access-mode-unsupported.js';
import { blockUnsupported } from './block-unsupported.js';
import { capacityNotEnforced } from './capacity-not-enforced.js';
import { dockerSocket } from './docker-socket.js';
import { driverMissing } from './driver-missing.js';
import { hostPathRestricted } from './host-path-restricted.js';
import { localVolumeDataMove } from './local-volume-data-move.js';
import { noDefaultStorageClass } from './no-default-storage-class.js';
import { sharedVolumeUnsupported } from './shared-volume-unsupported.js';
import { sizeBelowMinimum } from './size-below-minimum.js';
import { storageUnverified } from './storage-unverified.js';
import { topologyMismatch } from './topology-mismatch.js';

/** Every CSI rule, keyed by its id (the key a plugin registers it under). */
export const csiRules = {
  'csi/no-default-storage-class': noDefaultStorageClass,
  'csi/driver-missing': driverMissing,
  'csi/access-mode-unsupported': accessModeUnsupported,
  'csi/shared-volume-unsupported': sharedVolumeUnsupported,
  'csi/block-unsupported': blockUnsupported,
  'csi/size-below-minimum': sizeBelowMinimum,
  'csi/capacity-not-enforced': capacityNotEnforced,
  'csi/local-volume-data-move': localVolumeDataMove,
  'csi/host-path-restricted': hostPathRestricted,
  'csi/docker-socket': dockerSocket,
  'csi/topology-mismatch': topologyMismatch,
  'csi/storage-unverified': storageUnverified,
} as const;

export type CsiRuleId = keyof typeof csiRules;
