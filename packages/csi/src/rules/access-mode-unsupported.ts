import { defineChecker, type Volume } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfVolume, inventoryKnown, offersAccessMode, requestedAccessMode, requestedVolumeMode } from '../volume-needs.js';

export const accessModeUnsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/access-mode-unsupported',
    description: 'The driver chosen for a volume does not offer the access mode the workload needs, though another driver on the target does.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      unsupported: 'Volume {{volume}} needs {{mode}}, which {{driver}} does not offer; {{alternatives}} on {{target}} do.',
      blockOnly: 'Volume {{volume}} needs {{mode}}, which {{driver}} offers only with volumeMode Block ({{note}}); {{alternatives}} offer it for file systems.',
    },
    hint: 'Map the volume to a StorageClass of a driver that offers the mode (storageClassMapping or driverMapping), or change the workload (one writer, or Block with application-level fencing).',
    docs: `## Marathon

\`external.shared: true\` on a DVDI volume lets several tasks mount one volume (NFS-like backends such as EFS or Portworx sharedv4). Marathon CSI volumes state \`options.capability.accessMode\`: \`SINGLE_NODE_WRITER\`, \`SINGLE_NODE_READER_ONLY\`, \`MULTI_NODE_READER_ONLY\`, \`MULTI_NODE_SINGLE_WRITER\` or \`MULTI_NODE_MULTI_WRITER\`. These become ReadWriteOnce, ReadWriteOnce + readOnly, ReadOnlyMany, ReadWriteMany (approximated) and ReadWriteMany.

## Kubernetes

Each driver offers its own access modes, and CSIDriver objects do not advertise them, so Baton uses its driver catalog. Block-device drivers (EBS, PD, Azure Disk, Ceph RBD) offer ReadWriteMany only with \`volumeMode: Block\` (EBS: io2 multi-attach), where the application must fence writes itself. File drivers (EFS, Filestore, Azure File, CephFS, NFS, Portworx sharedv4) offer it for file systems. ReadWriteOncePod is CSI-only.

This rule fires when the driver the volume resolves to lacks the mode while another driver on the target has it. When no driver on the target has it, \`csi/shared-volume-unsupported\` reports instead.

## What to do

- Map the volume to a class of a driver that offers the mode: \`storageClassMapping: { pxd: efs-sc }\` or \`driverMapping\`.
- If only one task writes, run one replica with ReadWriteOnce.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'external'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const options = resolveCsiOptions(ctx.options);
    for (const volume of ctx.workload.volumes.filter((v): v is Extract<Volume, { kind: 'external' }> => v.kind === 'external')) {
      const driver = driverOfVolume(volume, ctx.target, options);
      if (!driver) continue; // csi/driver-missing
      const mode = requestedAccessMode(volume);
      const volumeMode = requestedVolumeMode(volume);
      if (offersAccessMode(driver, mode, volumeMode)) continue;
      const alternatives = ctx.target.storage.drivers.filter((d) => d.name !== driver.name && offersAccessMode(d, mode, volumeMode)).map((d) => d.name);
      if (alternatives.length === 0) continue; // csi/shared-volume-unsupported (or a mode nothing offers)
      const data = { volume: volume.externalName, mode, driver: driver.name, alternatives: alternatives.join(', '), target: ctx.target.id, note: driver.note ?? 'block devices' };
      const blockOnly = driver.accessModes.includes(mode) && (driver.blockOnlyAccessModes ?? []).includes(mode);
      ctx.report({ messageId: blockOnly ? 'blockOnly' : 'unsupported', pointer: volume.pointer, data });
    }
  },
});
