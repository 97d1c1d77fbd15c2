import { isObject, type JsonObject } from '../normalize/lenient.js';
import { redactDefinition } from '../model/plaintext-secrets.js';
import type { MarathonSnapshot } from './marathon-snapshot.js';

/**
 * The `/v2/groups` tree with every app and pod definition redacted (`redactDefinition`): apps in
 * `apps`, pods in `pods` (PodStatus: the definition is `.spec`), recursively through `groups`.
 * Shapes it does not know are kept as they are.
 */
export function redactGroupTree(group: unknown): unknown {
  if (!isObject(group)) return group;
  let copy: JsonObject | undefined;
  const set = (key: string, value: unknown) => {
    if (value === group[key]) return;
    copy ??= { ...group };
    copy[key] = value;
  };
  if (Array.isArray(group.apps)) set('apps', mapChanged(group.apps, (app) => (isObject(app) ? redactDefinition(app, 'app') : app)));
  if (Array.isArray(group.pods)) set('pods', mapChanged(group.pods, redactPodEntry));
  if (Array.isArray(group.groups)) set('groups', mapChanged(group.groups, redactGroupTree));
  return copy ?? group;
}

/** `/v2/queue`: each entry carries the queued app's or pod's definition. */
export function redactQueue(queue: { queue: unknown[] }): { queue: unknown[] } {
  const entries = mapChanged(queue.queue, (entry) => {
    if (!isObject(entry)) return entry;
    const app = isObject(entry.app) ? redactDefinition(entry.app, 'app') : entry.app;
    const pod = isObject(entry.pod) ? redactDefinition(entry.pod, 'pod') : entry.pod;
    return app === entry.app && pod === entry.pod ? entry : { ...entry, ...(app !== undefined ? { app } : {}), ...(pod !== undefined ? { pod } : {}) };
  });
  return entries === queue.queue ? queue : { ...queue, queue: entries };
}

function redactPodEntry(pod: unknown): unknown {
  if (!isObject(pod)) return pod;
  if (isObject(pod.spec)) {
    const spec = redactDefinition(pod.spec, 'pod');
    return spec === pod.spec ? pod : { ...pod, spec };
  }
  return redactDefinition(pod, 'pod');
}

/** The same array when nothing changed, so untouched trees are not copied. */
function mapChanged(list: readonly unknown[], map: (item: unknown) => unknown): unknown[] {
  let result: unknown[] | undefined;
  list.forEach((item, index) => {
    const mapped = map(item);
    if (mapped !== item) {
      result ??= list.slice();
      result[index] = mapped;
    }
  });
  return result ?? (list as unknown[]);
}

/**
 * The snapshot with every definition in it redacted: the tree, the pods read apart, the queue.
 * Capture applies it, so snapshot files, and plans from a URL, never carry those values.
 */
export function redactSnapshot(snapshot: MarathonSnapshot): MarathonSnapshot {
  const { marathon } = snapshot;
  return {
    ...snapshot,
    marathon: {
      ...marathon,
      groups: redactGroupTree(marathon.groups) as Record<string, unknown>,
      ...(Array.isArray(marathon.pods) ? { pods: mapChanged(marathon.pods, redactPodEntry) } : {}),
      queue: marathon.queue && Array.isArray(marathon.queue.queue) ? redactQueue(marathon.queue as { queue: unknown[] }) : marathon.queue,
    },
  };
}
