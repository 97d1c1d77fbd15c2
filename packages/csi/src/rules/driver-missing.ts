import { defineChecker } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { inventoryKnown, resolveExternalDriver, type ExternalVolume } from '../volume-needs.js';

export const driverMissing = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/driver-missing',
    description: 'An external volume needs a storage driver that the target does not have, or whose Kubernetes equivalent is unknown.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      missing: 'External volume {{volume}} ({{key}}) needs the CSI driver {{driver}}, which {{target}} does not have.',
      backendUnknown: 'External volume {{volume}} uses the driver "{{key}}", which does not say which storage backend holds the data, so no Kubernetes driver can be chosen.',
    },
    hint: 'Install the driver on the cluster and list it in the profile (storage.drivers), or map the Marathon driver with driverMapping: { "{{key}}": "<csi driver>" } (or storageClassMapping to a class).',
    docs: `## Marathon

External volumes live outside the agent. With \`external.provider: dvdi\` the Docker volume driver isolator asks REX-Ray or Portworx (\`options["dvdi/driver"]\`: \`rexray\`, \`pxd\`, …) for a volume by name, creating it on first use. With \`external.provider: csi\` (Marathon 1.11) Mesos publishes an existing CSI volume (\`name\` = volume id) through the plugin \`options.pluginName\`.

## Kubernetes

Existing data is attached through a static PersistentVolume (\`csi.driver\`, \`volumeHandle\`) bound to a claim; new volumes come from a StorageClass. Either way the CSI driver must run on the cluster (a \`CSIDriver\` object and node plugins). REX-Ray has no Kubernetes successor: its backend maps to the cloud's CSI driver (\`rexray/ebs\` → \`ebs.csi.aws.com\`, \`rexray/efs\` → \`efs.csi.aws.com\`, \`rexray/gcepd\` → \`pd.csi.storage.gke.io\`, \`rexray/rbd\` → \`rbd.csi.ceph.com\`, \`rexray/cinder\` → \`cinder.csi.openstack.org\`; \`pxd\` → \`pxd.portworx.com\`). Plain \`dvdi/driver: rexray\` does not name the backend (REX-Ray's agent config does), so a human must.

## What to do

- Name the backend: \`driverMapping: { rexray: ebs.csi.aws.com }\`, or map the volumes to a StorageClass with \`storageClassMapping\`.
- Install the driver (e.g. the EBS CSI add-on on EKS) and record it in the profile, or capture the target.
- Plan the data: volumes referenced by REX-Ray name must be found by tag and imported as static PVs.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'external'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const options = resolveCsiOptions(ctx.options);
    for (const volume of ctx.workload.volumes.filter((v): v is ExternalVolume => v.kind === 'external')) {
      const driver = resolveExternalDriver(volume, ctx.target, options);
      const data = { volume: volume.externalName, key: driver.key ?? volume.provider, driver: driver.name ?? 'unknown', target: ctx.target.id };
      if (driver.name === undefined) ctx.report({ messageId: 'backendUnknown', pointer: volume.pointer, data });
      else if (!driver.profile) ctx.report({ messageId: 'missing', pointer: volume.pointer, data });
    }
  },
});
