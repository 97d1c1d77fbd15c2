import { BatonError } from '@baton/core';
import { isObject } from '../normalize/lenient.js';

export const SNAPSHOT_VERSION = 'baton.dev/marathon-snapshot/v1' as const;

/**
 * Everything `migrate plan` reads from a live Marathon, saved so planning can be replayed offline
 * with the same result. Never holds a credential: the URL has none and `/v2/info` is redacted.
 */
export interface MarathonSnapshot {
  readonly snapshotVersion: typeof SNAPSHOT_VERSION;
  /** ISO time of the capture. */
  readonly capturedAt: string;
  /** Where and how it was read; `auth` names the mechanism only. */
  readonly source?: {
    readonly url: string;
    readonly auth: 'none' | 'basic' | 'token';
    /** The identity could not read /v2/info (not a superuser under DC/OS strict mode). */
    readonly infoForbidden?: boolean;
  };
  readonly marathon: {
    /** `/v2/info` `.version`, when known. */
    readonly version: string | null;
    /** `/v2/info` with credentials and ZooKeeper URLs redacted; null when not readable. */
    readonly info: Record<string, unknown> | null;
    /** `/v2/groups` with apps, pods (as PodStatus) and groups embedded. */
    readonly groups: Record<string, unknown>;
    /**
     * `/v2/pods/::status`, read only when the groups carried no `pods` key on a Marathon that has pods
     * (1.4: legacy GroupInfo has none, §8); null when that endpoint answered 404 (no pods, §4).
     * Absent when not read. Each PodStatus is planned in the group its id names.
     */
    readonly pods?: readonly unknown[] | null;
    /** `/v2/deployments`; null when the endpoint does not exist. */
    readonly deployments: readonly unknown[] | null;
    /** `/v2/queue`; null when the endpoint does not exist. */
    readonly queue: { readonly queue: readonly unknown[] } | null;
  };
}

export function isSnapshotDocument(value: unknown): value is { snapshotVersion: unknown } {
  return isObject(value) && 'snapshotVersion' in value;
}

/** Checks a parsed snapshot document (BATON1004 for another version or a damaged one). */
export function asSnapshot(value: unknown, path: string): MarathonSnapshot {
  if (!isObject(value) || value.snapshotVersion !== SNAPSHOT_VERSION) {
    const version = isObject(value) ? String(value.snapshotVersion) : 'none';
    throw new BatonError('BATON1004', { path, reason: `snapshot version ${version} is not ${SNAPSHOT_VERSION}` });
  }
  const marathon = value.marathon;
  if (!isObject(marathon) || !isObject(marathon.groups) || typeof value.capturedAt !== 'string') {
    throw new BatonError('BATON1004', { path, reason: 'the snapshot has no capturedAt or marathon.groups' });
  }
  if (marathon.pods !== undefined && marathon.pods !== null && !Array.isArray(marathon.pods)) {
    throw new BatonError('BATON1004', { path, reason: 'marathon.pods of the snapshot is not a list' });
  }
  return value as unknown as MarathonSnapshot;
}
