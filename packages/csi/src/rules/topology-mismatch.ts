import { defineChecker, type CsiDriverProfile, type Workload } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfVolume, inventoryKnown, resolveStorageClass } from '../volume-needs.js';

/** Marathon fault-domain fields and agent attributes that name a zone or region. */
function isZoneField(field: string): boolean {
  return field === '@zone' || field === '@region' || /^(zone|region|az|availability[-_]?zone|failure[-_]?domain)$/i.test(field);
}

const SPREAD_OPERATORS = new Set(['UNIQUE', 'GROUP_BY', 'MAX_PER']);

function zoneConstraints(workload: Workload) {
  return workload.placement.constraints.filter((c) => isZoneField(c.field));
}

function isZonal(driver: CsiDriverProfile): boolean {
  return (driver.topologyKeys ?? []).some((key) => /zone|region/.test(key));
}

export const topologyMismatch = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/topology-mismatch',
    description: 'Where a volume can live (its zone) conflicts with where the workload\'s placement constraints put its pods.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: {
      immediateBinding: 'Volume {{volume}} uses StorageClass {{storageClass}} with Immediate binding on zonal {{driver}}, and the workload is placed by {{constraint}}: the disk may be created in a zone the pod cannot run in.',
      spreadSingleVolume: 'Volume {{volume}} is one zonal {{driver}} volume shared by {{replicas}} replicas, and {{constraint}} spreads them across zones: replicas outside the disk\'s zone cannot attach it.',
    },
    hint: 'Use a StorageClass with volumeBindingMode WaitForFirstConsumer, give each replica its own volume, or use regional/shared storage (EFS, Filestore, regional PD) for volumes read across zones.',
    docs: `## Marathon

Placement constraints on fault domains (\`["@zone", "GROUP_BY"]\`, \`["@region", "CLUSTER", "eu-west"]\`) or agent attributes (\`["zone", "UNIQUE"]\`) spread or pin tasks. External volumes followed the task: REX-Ray or Portworx attached the volume wherever the task landed, within what the backend allowed.

## Kubernetes

Zonal block storage (EBS, PD, Azure Disk) lives in one zone, and a pod using it must run there. Two common mismatches:

- **Immediate binding**: a StorageClass with \`volumeBindingMode: Immediate\` creates the disk as soon as the claim exists, in a zone chosen without looking at the pod. With zone constraints the pod may then be unschedulable. \`WaitForFirstConsumer\` creates the disk where the pod is scheduled.
- **One volume, several zones**: an external volume becomes one PersistentVolume. Replicas spread across zones cannot all attach a zonal disk (EBS multi-attach works within one zone only).

Per-replica volumes (StatefulSet claims from Marathon persistent volumes) with \`WaitForFirstConsumer\` spread fine.

## What to do

- Use \`WaitForFirstConsumer\` classes for zonal drivers.
- Give each replica its own volume, or keep the replicas in the disk's zone (\`@zone CLUSTER <zone>\` → node affinity).
- For data read in several zones, use regional or shared storage (EFS, Filestore, regional PD, Azure ZRS file shares).`,
  },
  appliesTo: (workload) => zoneConstraints(workload).length > 0 && workload.volumes.some((v) => v.kind === 'persistent' || v.kind === 'external'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const options = resolveCsiOptions(ctx.options);
    const constraints = zoneConstraints(ctx.workload);
    const spread = constraints.find((c) => SPREAD_OPERATORS.has(c.operator));
    const describe = (c: (typeof constraints)[number]) => `${c.field} ${c.operator}${c.value === undefined ? '' : ` ${c.value}`}`;
    for (const volume of ctx.workload.volumes) {
      if (volume.kind !== 'persistent' && volume.kind !== 'external') continue;
      const driver = driverOfVolume(volume, ctx.target, options);
      if (!driver || !isZonal(driver)) continue;
      const { storageClass } = resolveStorageClass(volume, ctx.target, options);
      const base = { volume: volume.name, driver: driver.name };
      if (volume.kind === 'external' && ctx.workload.replicas > 1 && spread) {
        ctx.report({ messageId: 'spreadSingleVolume', pointer: volume.pointer, data: { ...base, replicas: ctx.workload.replicas, constraint: describe(spread) } });
      } else if (storageClass?.volumeBindingMode === 'Immediate') {
        ctx.report({ messageId: 'immediateBinding', pointer: volume.pointer, data: { ...base, storageClass: storageClass.name, constraint: describe(constraints[0]!) } });
      }
    }
  },
});
