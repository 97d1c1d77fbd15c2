import { defineChecker } from '@baton/core';
import { resolveCsiOptions } from '../csi-options.js';
import { driverOfVolume, inventoryKnown } from '../volume-needs.js';

export const localVolumeDataMove = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/local-volume-data-move',
    description: 'A resident app keeps its data in local persistent volumes on Mesos agents; the data must be moved before the workload can run on Kubernetes.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      dataOnAgents: 'Volume {{volume}} ({{size}} MiB, type {{type}}) holds data on the Mesos agents that run the tasks; a new empty volume{{onDriver}} will not have it.',
    },
    hint: 'Copy the data (backup and restore, the app\'s replication, or rsync from the agent\'s volume path) into the new volumes before cut-over, and keep the Marathon app until the copy is verified.',
    docs: `## Marathon

A resident app (one with \`persistent\` volumes) gets a dynamic reservation and a persistent volume on an agent. Its tasks are pinned to that agent for life; the data stays there across restarts, upgrades and even suspension (scale to 0 keeps the reservation; only \`wipe=true\` destroys it). Each instance has its own volume on its own agent.

## Kubernetes

Baton maps the app to a StatefulSet with a \`volumeClaimTemplates\` entry per volume, so each replica gets its own claim. Those claims start empty: nothing in Kubernetes can reach the reserved disk on a Mesos agent. Until the data is copied, the migrated app starts with no data, which for a database means a new, empty database.

## What to do

- Choose a copy method per app: the app's own backup/restore or replication (add a Kubernetes replica to the Marathon cluster, let it catch up, then switch), or a file copy from the agent's persistent volume directory into the new claim.
- Preserve replica identity: instance N's data must land in claim \`<volume>-<name>-N\`.
- Keep reclaim policy \`Retain\` on the target class while migrating, and keep the Marathon app (suspended) until the copy is verified.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'persistent'),
  check(ctx) {
    const options = resolveCsiOptions(ctx.options);
    for (const volume of ctx.workload.volumes) {
      if (volume.kind !== 'persistent') continue;
      const driver = inventoryKnown(ctx.target) ? driverOfVolume(volume, ctx.target, options) : undefined;
      ctx.report({
        messageId: 'dataOnAgents',
        pointer: volume.pointer,
        data: { volume: volume.name, size: volume.sizeMiB, type: volume.type, onDriver: driver ? ` on ${driver.name}` : '' },
      });
    }
  },
});
