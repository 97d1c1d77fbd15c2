import { defineChecker, type Volume } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfVolume, inventoryKnown, requestedVolumeMode } from '../volume-needs.js';

export const blockUnsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/block-unsupported',
    description: 'A raw block volume is served by a driver without raw block support.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      noBlock: 'Volume {{volume}} is a raw block device (accessType block), and {{driver}} offers only file systems.',
    },
    hint: 'Map the volume to a block-capable driver (EBS, PD, Azure Disk, Ceph RBD, TopoLVM, Portworx), or mount it as a file system.',
    docs: `## Marathon

A Marathon CSI volume with \`options.capability.accessType: block\` hands the task a raw device instead of a mounted file system (databases with their own on-disk format, some storage software).

## Kubernetes

The equivalent is \`volumeMode: Block\` on the PersistentVolume and claim, with \`volumeDevices\` in the container. File-system drivers cannot serve it: EFS, NFS, CephFS, Azure File, Filestore and local-path offer \`Filesystem\` only.

## What to do

- Use a block-capable driver for this volume (\`storageClassMapping\` or \`driverMapping\`).
- Or switch the application to a file system on the volume.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'external'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const options = resolveCsiOptions(ctx.options);
    for (const volume of ctx.workload.volumes.filter((v): v is Extract<Volume, { kind: 'external' }> => v.kind === 'external')) {
      if (requestedVolumeMode(volume) !== 'Block') continue;
      const driver = driverOfVolume(volume, ctx.target, options);
      if (driver && !driver.volumeModes.includes('Block')) {
        ctx.report({ messageId: 'noBlock', pointer: volume.pointer, data: { volume: volume.externalName, driver: driver.name } });
      }
    }
  },
});
