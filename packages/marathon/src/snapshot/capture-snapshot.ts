import { BatonError } from '@baton/core';
import type { MarathonClient } from '../http/marathon-client.js';
import { isObject } from '../normalize/lenient.js';
import { SNAPSHOT_VERSION, type MarathonSnapshot } from './marathon-snapshot.js';
import { redactSnapshot } from './redact-definitions.js';
import { redactInfo } from './redact-info.js';

/** The recommended read sequence (§2.2): pods must be asked for explicitly once `embed` is given. */
export const GROUPS_PATH = '/v2/groups?embed=group.groups&embed=group.apps&embed=group.pods';

/** Every pod as a PodStatus (definition under `spec`), the shape `/v2/groups` embeds (§2.1, §9.3). */
export const PODS_PATH = '/v2/pods/::status';

export interface CaptureOptions {
  /** Clock for `capturedAt` (tests pin it). */
  readonly now?: () => Date;
}

/**
 * Reads everything a plan needs from a live Marathon: `/v2/info`, the whole group tree, and the
 * in-flight deployments and launch queue (404 = the feature does not exist in that version).
 */
export async function captureSnapshot(client: MarathonClient, options: CaptureOptions = {}): Promise<MarathonSnapshot> {
  // under DC/OS strict mode /v2/info needs SystemConfig permission that a read-only identity lacks
  const info = await client.getJson('/v2/info', { tolerate: [403] });
  const [groups, deployments, queue] = await Promise.all([
    client.getJson(GROUPS_PATH),
    client.getJson('/v2/deployments', { tolerate: [404] }),
    client.getJson('/v2/queue', { tolerate: [404] }),
  ]);
  const where = { url: client.baseUrl };
  if (!isObject(groups)) throw new BatonError('BATON2006', { ...where, path: '/v2/groups', reason: 'expected a group object' });
  const version = isObject(info) && typeof info.version === 'string' ? info.version : undefined;
  let pods: unknown[] | null | undefined;
  if (needsPodsEndpoint(groups, version)) {
    // 404: no pods in this Marathon (before 1.4, or a proxy that does not route them) (§4)
    const answer = await client.getJson(PODS_PATH, { tolerate: [404] });
    if (answer !== undefined && !Array.isArray(answer)) throw new BatonError('BATON2006', { ...where, path: PODS_PATH, reason: 'expected a list of pod statuses' });
    pods = (answer as unknown[] | undefined) ?? null;
  }
  if (deployments !== undefined && !Array.isArray(deployments)) throw new BatonError('BATON2006', { ...where, path: '/v2/deployments', reason: 'expected a list' });
  if (queue !== undefined && !(isObject(queue) && Array.isArray(queue.queue))) throw new BatonError('BATON2006', { ...where, path: '/v2/queue', reason: 'expected {"queue": [...]}' });
  const redacted = isObject(info) ? (redactInfo(info) as Record<string, unknown>) : null;
  return redactSnapshot({
    snapshotVersion: SNAPSHOT_VERSION,
    capturedAt: (options.now?.() ?? new Date()).toISOString(),
    source: { url: client.baseUrl, auth: client.auth, ...(info === undefined ? { infoForbidden: true } : {}) },
    marathon: {
      version: typeof redacted?.version === 'string' ? redacted.version : null,
      info: redacted,
      groups,
      ...(pods !== undefined ? { pods } : {}),
      deployments: (deployments as unknown[] | undefined) ?? null,
      queue: (queue as { queue: unknown[] } | undefined) ?? null,
    },
  });
}

/**
 * True when the pods must be read from `/v2/pods`: the tree has no `pods` key in any group (legacy
 * GroupInfo up to 1.4, §8) and the Marathon may have pods (1.4 and later, §1; unknown version when
 * /v2/info is forbidden). Marathon before 1.4 has no pods at all: nothing to ask.
 */
export function needsPodsEndpoint(groups: Record<string, unknown>, version: string | undefined): boolean {
  if (version !== undefined && releaseBelow(version, [1, 4])) return false;
  const stack: unknown[] = [groups];
  while (stack.length > 0) {
    const group = stack.pop();
    if (!isObject(group)) continue;
    if ('pods' in group) return false;
    if (Array.isArray(group.groups)) stack.push(...group.groups);
  }
  return true;
}

/** `1.3.13` is below [1, 4]; compares release numbers only (`1.5.0-SNAPSHOT` is 1.5.0). Unparseable: false. */
function releaseBelow(version: string, minimum: readonly number[]): boolean {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!match) return false;
  const parts = match.slice(1).map((part) => Number(part ?? 0));
  for (let index = 0; index < minimum.length; index += 1) {
    if (parts[index] !== minimum[index]) return (parts[index] ?? 0) < minimum[index]!;
  }
  return false;
}
