import { defineChecker } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import type { CsiDriverProfile, Volume, Workload } from '@baton/core';
import { driverOfVolume, inventoryKnown, requestedAccessMode, requestedVolumeMode, resolveStorageClass } from '../volume-needs.js';

/**
 * Unverified driver fields that could change a verdict for this volume. A minimum size already
 * says "(unverified)" in csi/size-below-minimum; expansion and snapshots decide nothing yet.
 */
function relevantUnverifiedFields(driver: CsiDriverProfile, volume: Volume, workload: Workload): string[] {
  const fields = new Set(driver.unverifiedFields ?? []);
  const relevant: string[] = [];
  const specialMode = requestedAccessMode(volume) !== 'ReadWriteOnce' || requestedVolumeMode(volume) === 'Block';
  if (specialMode) for (const field of ['accessModes', 'blockOnlyAccessModes']) if (fields.has(field)) relevant.push(field);
  const zoned = workload.placement.constraints.some((c) => /zone|region/i.test(c.field));
  if (zoned && fields.has('topologyKeys')) relevant.push('topologyKeys');
  return relevant;
}

export const storageUnverified = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/storage-unverified',
    description: 'A volume could not be checked: the target\'s storage is unknown, or the class or driver it uses is unverified data.',
    defaultSeverity: 'info',
    impact: 'review',
    messages: {
      unknownInventory: 'Volume {{volume}} was not checked: the StorageClasses and drivers of {{target}} are unknown ({{note}}).',
      unverifiedDriver: 'Volume {{volume}} lands on {{driver}}, whose {{fields}} Baton could not verify.',
      unverifiedClass: 'Volume {{volume}} uses StorageClass {{storageClass}}, whose name or settings Baton could not verify on {{target}}.',
    },
    hint: 'Capture the target (`migrate target capture`) or describe its storage in the profile overrides (storage.classes, storage.drivers, storage.defaultClass).',
    docs: `## Why this rule exists

The storage rules compare volumes with the StorageClasses and drivers in the target profile. When the profile does not list them (\`storage.inventory: unknown\`: the \`generic\` profile, OpenShift whose storage depends on the platform), those rules cannot conclude anything and stay silent; this rule says so, once per volume, instead of letting silence read as "fine".

It also flags volumes that resolve to a StorageClass or driver whose data the reference could not confirm, when that data matters for the volume: GKE's default class name, AKS class names, PD access modes for a shared or block volume, topology keys for a zone-constrained workload, drivers known only by name. Unverified minimum sizes are flagged by \`csi/size-below-minimum\` itself.

## What to do

- Capture the target: \`migrate target capture --context <ctx> > facts.json\` reads StorageClasses, CSIDrivers, CSINodes and VolumeSnapshotClasses.
- Or write the storage into the profile overrides and mark the inventory complete: \`storage: { inventory: complete, defaultClass: gp3, classes: [...], drivers: [...] }\`.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'persistent' || v.kind === 'external'),
  check(ctx) {
    const options = resolveCsiOptions(ctx.options);
    const known = inventoryKnown(ctx.target);
    for (const volume of ctx.workload.volumes) {
      if (volume.kind !== 'persistent' && volume.kind !== 'external') continue;
      const name = volume.kind === 'external' ? volume.externalName : volume.name;
      if (!known) {
        ctx.report({ messageId: 'unknownInventory', pointer: volume.pointer, data: { volume: name, target: ctx.target.id, note: ctx.target.storage.note ?? 'no storage data in the profile' } });
        continue;
      }
      const driver = driverOfVolume(volume, ctx.target, options);
      const { storageClass, via } = resolveStorageClass(volume, ctx.target, options);
      // External volumes are existing data (static PVs): a class matters only when mapped explicitly.
      if (storageClass?.unverified && (volume.kind === 'persistent' || via === 'mapping')) {
        ctx.report({ messageId: 'unverifiedClass', pointer: volume.pointer, data: { volume: name, storageClass: storageClass.name, target: ctx.target.id } });
      } else if (driver) {
        const fields = driver.unverified ? ['capabilities'] : relevantUnverifiedFields(driver, volume, ctx.workload);
        if (fields.length > 0) ctx.report({ messageId: 'unverifiedDriver', pointer: volume.pointer, data: { volume: name, driver: driver.name, fields: fields.join(', ') } });
      }
    }
  },
});
