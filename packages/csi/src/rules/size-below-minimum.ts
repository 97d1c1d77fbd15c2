import { defineChecker } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfVolume, inventoryKnown, requestedSizeMiB } from '../volume-needs.js';

export const sizeBelowMinimum = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/size-below-minimum',
    description: 'A volume is smaller than the smallest volume its driver provisions.',
    defaultSeverity: 'warning',
    impact: 'degraded',
    messages: {
      belowMinimum: 'Volume {{volume}} asks for {{size}} MiB; {{driver}} provisions at least {{minimum}} MiB{{unverified}}, so it is rounded up (and billed) or rejected.',
    },
    hint: 'Request at least the driver\'s minimum in the claim, or choose a class whose backend allows small volumes.',
    docs: `## Marathon

Local persistent volumes are sized in MiB (\`persistent.size\`), often small: 512 MiB for a queue's journal, 100 MiB for a lock file. DVDI volumes are sized in GiB (\`external.size\`, default 16).

## Kubernetes

Cloud block and file services have minimum sizes per volume type. Depending on the driver the request is rounded up (and billed at the larger size) or the claim fails to provision. Examples Baton knows of: GCE persistent disks 10 GiB, Filestore 1 TiB, EBS and Azure Disk 1 GiB. These minimums are not in Baton's verified reference, so each is marked unverified: check your volume type's documentation.

## What to do

- Size the claims at or above the minimum on purpose, and accept the cost.
- Or map small volumes to a class whose backend has no such minimum (\`storageClassMapping\`), e.g. a file-system class.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'persistent' || v.kind === 'external'),
  check(ctx) {
    if (!inventoryKnown(ctx.target)) return;
    const options = resolveCsiOptions(ctx.options);
    for (const volume of ctx.workload.volumes) {
      const size = requestedSizeMiB(volume);
      if (size === undefined) continue;
      const driver = driverOfVolume(volume, ctx.target, options);
      if (!driver?.minSizeMiB || size >= driver.minSizeMiB) continue;
      const unverified = driver.unverified || driver.unverifiedFields?.includes('minSizeMiB') ? ' (unverified)' : '';
      ctx.report({ messageId: 'belowMinimum', pointer: volume.pointer, data: { volume: volume.name, size, driver: driver.name, minimum: driver.minSizeMiB, unverified } });
    }
  },
});
