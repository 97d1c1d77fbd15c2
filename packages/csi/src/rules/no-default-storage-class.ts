import { defineChecker } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfClass, inventoryKnown, resolveStorageClass, type PersistentVolume } from '../volume-needs.js';

export const noDefaultStorageClass = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/no-default-storage-class',
    description: 'A persistent volume has no usable StorageClass: nothing is mapped, the target has no default class, or the chosen class cannot provision.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      noDefault: 'Volume {{volume}} ({{size}} MiB, type {{type}}) has no StorageClass mapping, and {{target}} has no default StorageClass.',
      mappedClassMissing: 'Volume {{volume}} is mapped (by "{{key}}") to StorageClass {{storageClass}}, which {{target}} does not have (classes: {{classes}}).',
      provisionerMissing: 'Volume {{volume}} would use StorageClass {{storageClass}}, whose provisioner {{provisioner}} is not installed on {{target}}.',
    },
    hint: 'Install a provisioner and mark a default StorageClass, or map the volume with storageClassMapping (by profileName, type, or "*") to a class the target has.',
    docs: `## Marathon

A local persistent volume (\`container.volumes[].persistent\`, or a pod's \`volumes[].persistent\`) reserves disk on one agent: \`size\` in MiB, a \`type\` (\`root\`, \`path\`, \`mount\`) and optionally a storage \`profileName\`. Nothing else is needed: Mesos carves the volume out of the agent's disk.

## Kubernetes

Baton turns each such volume into a \`volumeClaimTemplates\` entry of a StatefulSet. The claim needs a StorageClass: either one named through the plugin option \`storageClassMapping\` (looked up by \`profileName\`, then \`type\`, then \`persistent\`, then \`*\`) or the cluster's default class (annotation \`storageclass.kubernetes.io/is-default-class\`). Several distributions have none: kubeadm installs no provisioner, EKS needs the EBS CSI add-on (not installed by default; newer clusters have no default class), OpenShift on bare metal needs ODF or LVMS. A claim without a usable class stays Pending forever.

The rule also checks that a mapped class exists on the target and that its provisioner is installed (for example \`gp2\` on EKS is served through CSI migration, which needs the EBS CSI driver).

## What to do

- Install a provisioner and create a default StorageClass (EKS: the EBS CSI add-on and a gp3 class; on-premises: TopoLVM, OpenEBS, Longhorn, Ceph, or local-path for tests).
- Record it in the profile overrides (\`storage.classes\`, \`storage.defaultClass\`, \`storage.drivers\`), or capture the target.
- Or map volumes explicitly: \`storageClassMapping: { "*": "fast-ssd", "mysql-profile": "topolvm" }\`.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'persistent'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return; // csi/storage-unverified says why
    const options = resolveCsiOptions(ctx.options);
    const classes = ctx.target.storage.classes.map((c) => c.name).join(', ') || 'none';
    for (const volume of ctx.workload.volumes.filter((v): v is PersistentVolume => v.kind === 'persistent')) {
      const resolution = resolveStorageClass(volume, ctx.target, options);
      const data = { volume: volume.name, size: volume.sizeMiB, type: volume.type, target: ctx.target.id, classes };
      if (resolution.via === 'none') {
        ctx.report({ messageId: 'noDefault', pointer: volume.pointer, data });
      } else if (!resolution.storageClass) {
        ctx.report({ messageId: 'mappedClassMissing', pointer: volume.pointer, data: { ...data, key: resolution.mappedKey, storageClass: resolution.mappedName } });
      } else if (!driverOfClass(ctx.target, resolution.storageClass) && ctx.target.storage.inventory !== 'partial') {
        ctx.report({
          messageId: 'provisionerMissing',
          pointer: volume.pointer,
          data: { ...data, storageClass: resolution.storageClass.name, provisioner: resolution.storageClass.provisioner },
        });
      }
    }
  },
});
