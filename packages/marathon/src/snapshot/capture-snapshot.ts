import { BatonError } from '@baton/core';
import type { MarathonClient } from '../http/marathon-client.js';
import { isObject } from '../normalize/lenient.js';
import { SNAPSHOT_VERSION, type MarathonSnapshot } from './marathon-snapshot.js';
import { redactInfo } from './redact-info.js';

/** The recommended read sequence (§2.2): pods must be asked for explicitly once `embed` is given. */
export const GROUPS_PATH = '/v2/groups?embed=group.groups&embed=group.apps&embed=group.pods';

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
  if (deployments !== undefined && !Array.isArray(deployments)) throw new BatonError('BATON2006', { ...where, path: '/v2/deployments', reason: 'expected a list' });
  if (queue !== undefined && !(isObject(queue) && Array.isArray(queue.queue))) throw new BatonError('BATON2006', { ...where, path: '/v2/queue', reason: 'expected {"queue": [...]}' });
  const redacted = isObject(info) ? (redactInfo(info) as Record<string, unknown>) : null;
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    capturedAt: (options.now?.() ?? new Date()).toISOString(),
    source: { url: client.baseUrl, auth: client.auth, ...(info === undefined ? { infoForbidden: true } : {}) },
    marathon: {
      version: typeof redacted?.version === 'string' ? redacted.version : null,
      info: redacted,
      groups,
      deployments: (deployments as unknown[] | undefined) ?? null,
      queue: (queue as { queue: unknown[] } | undefined) ?? null,
    },
  };
}
