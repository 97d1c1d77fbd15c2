import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MarathonServerOptions, MarathonSnapshotLike } from './marathon-server-options.js';

type Json = Record<string, unknown>;

export interface MarathonState {
  readonly version: string;
  readonly info: Json | undefined;
  readonly root: Json;
  /** Pods kept beside the tree (a `/v2/pods/::status` answer), placed into their groups. */
  readonly pods: readonly unknown[];
  readonly deployments: readonly unknown[] | undefined;
  readonly queue: { readonly queue: readonly unknown[] } | undefined;
}

/** Marathon 1.10 was the last release line (reference §1). */
const DEFAULT_VERSION = '1.10.17';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const optionalJson = (file: string): unknown => (existsSync(file) ? readJson(file) : undefined);

/** Gathers what the server answers from a snapshot, a directory or objects; explicit options win. */
export function loadMarathonState(options: MarathonServerOptions): MarathonState {
  let info: Json | undefined;
  let root: Json | undefined;
  let pods: readonly unknown[] | undefined;
  let deployments: readonly unknown[] | undefined;
  let queue: { queue: readonly unknown[] } | undefined;
  let version: string | undefined;

  if (options.snapshot !== undefined) {
    const snapshot = (typeof options.snapshot === 'string' ? readJson(options.snapshot) : options.snapshot) as MarathonSnapshotLike;
    info = snapshot.marathon.info ?? undefined;
    root = snapshot.marathon.groups;
    pods = snapshot.marathon.pods ?? undefined;
    deployments = snapshot.marathon.deployments ?? undefined;
    queue = snapshot.marathon.queue ?? undefined;
    version = snapshot.marathon.version ?? undefined;
  }
  if (options.directory !== undefined) {
    root = readJson(path.join(options.directory, 'groups.json')) as Json;
    pods = optionalJson(path.join(options.directory, 'pods.json')) as unknown[] | undefined;
    info = optionalJson(path.join(options.directory, 'info.json')) as Json | undefined;
    deployments = optionalJson(path.join(options.directory, 'deployments.json')) as unknown[] | undefined;
    queue = optionalJson(path.join(options.directory, 'queue.json')) as { queue: unknown[] } | undefined;
  }
  root = options.groups ?? root ?? { id: '/', apps: [], groups: [], pods: [], dependencies: [] };
  info = options.info ?? info;
  version = options.version ?? (typeof info?.version === 'string' ? info.version : undefined) ?? version ?? DEFAULT_VERSION;
  return { version, info, root, pods: options.pods ?? pods ?? [], deployments: options.deployments ?? deployments, queue: options.queue ?? queue };
}

/** `1.5.0-SNAPSHOT` → [1, 5, 0]; compares release numbers only. */
export function versionAtLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split(/[^0-9]+/).filter(Boolean).map(Number);
  for (let index = 0; index < minimum.length; index += 1) {
    const part = parts[index] ?? 0;
    if (part !== minimum[index]) return part > minimum[index]!;
  }
  return true;
}
