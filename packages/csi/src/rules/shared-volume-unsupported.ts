import { defineChecker, type Volume } from '@baton/core';
import { inventoryKnown, MULTI_NODE_MODES, offersAccessMode, requestedAccessMode, requestedVolumeMode } from '../volume-needs.js';

export const sharedVolumeUnsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/shared-volume-unsupported',
    description: 'A volume shared between tasks (ReadWriteMany or ReadOnlyMany) has no driver on the target that can share it.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      noDriver: 'Volume {{volume}} is shared ({{mode}}), and no driver on {{target}} offers {{mode}} for {{volumeMode}} volumes (drivers: {{drivers}}).',
    },
    hint: 'Install a shared file-system driver (EFS, Filestore, Azure File, CephFS, NFS, Portworx) and list it in the profile, or redesign the workload to one writer per volume.',
    docs: `## Marathon

DVDI volumes with \`external.shared: true\` are mounted by several tasks at once (Marathon then skips its cluster-wide unique-name check). Marathon CSI volumes with \`MULTI_NODE_*\` access modes do the same. Typical uses: shared uploads, configuration trees, legacy apps that exchange files.

## Kubernetes

Sharing needs ReadWriteMany (or ReadOnlyMany) from the driver. Block-device drivers (EBS, PD, Azure Disk, Ceph RBD) and node-local storage (local-path, TopoLVM, OpenEBS local) cannot share a file system between nodes. Many clusters ship only such a driver: kind and k3s (local-path), EKS (EBS, when installed), GKE (PD; Filestore is opt-in), kubeadm (none).

## What to do

- Install a shared file-system driver (EFS CSI on EKS, Filestore on GKE, Azure File on AKS, CephFS, NFS CSI, Longhorn RWX, Portworx) and record it in the profile.
- Or change the design: one writer with a ReadWriteOnce volume and the readers going through that writer, or object storage instead of a shared directory.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'external'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const drivers = ctx.target.storage.drivers;
    for (const volume of ctx.workload.volumes.filter((v): v is Extract<Volume, { kind: 'external' }> => v.kind === 'external')) {
      const mode = requestedAccessMode(volume);
      if (!MULTI_NODE_MODES.includes(mode)) continue;
      const volumeMode = requestedVolumeMode(volume);
      if (drivers.some((d) => offersAccessMode(d, mode, volumeMode))) continue;
      ctx.report({
        messageId: 'noDriver',
        pointer: volume.pointer,
        data: { volume: volume.externalName, mode, volumeMode, target: ctx.target.id, drivers: drivers.map((d) => d.name).join(', ') || 'none' },
      });
    }
  },
});
