import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '@baton/core';

export const APPLY_STATE_VERSION = 'baton.dev/apply-state/v1' as const;
export const APPLY_STATE_FILE = 'apply-state.json';

/** `namespaces`, `shared`, or a wave number. */
export type StepId = 'namespaces' | 'shared' | number;

export type StepState = 'verified' | 'applied' | 'blocked' | 'failed' | 'unhealthy' | 'held';

export interface ObjectRecord {
  /** hashObject of the object as applied. */
  readonly hash: string;
  readonly uid?: string;
  readonly generation?: number;
  readonly resourceVersion?: string;
}

/** Progress of apply, next to plan.json: what was applied where, and which steps were verified healthy. */
export interface ApplyState {
  readonly stateVersion: typeof APPLY_STATE_VERSION;
  /** The cluster the progress belongs to: a state recorded against another server is not resumed. */
  readonly cluster: { readonly server: string; readonly context: string };
  readonly planDigest: string;
  readonly steps: readonly { readonly step: StepId; readonly state: StepState; readonly objects: readonly string[] }[];
  readonly objects: Readonly<Record<string, ObjectRecord>>;
}

export async function readApplyState(planDir: string): Promise<ApplyState | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(planDir, APPLY_STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BatonError('BATON3004', { path: planDir, reason: `${APPLY_STATE_FILE} cannot be read (${(error as Error).message})` }, { cause: error });
  }
  try {
    const state = JSON.parse(text) as ApplyState;
    if (state.stateVersion !== APPLY_STATE_VERSION) throw new Error(`stateVersion ${JSON.stringify(state.stateVersion)} is not ${APPLY_STATE_VERSION}`);
    return state;
  } catch (error) {
    throw new BatonError('BATON3004', { path: planDir, reason: `${APPLY_STATE_FILE} is not usable (${(error as Error).message}); delete it to start over` }, { cause: error });
  }
}

/** Writes the state atomically (temp file + rename), keys in a stable order. */
export async function writeApplyState(planDir: string, state: ApplyState): Promise<void> {
  const ordered: ApplyState = {
    stateVersion: state.stateVersion,
    cluster: { server: state.cluster.server, context: state.cluster.context },
    planDigest: state.planDigest,
    steps: [...state.steps]
      .sort((a, b) => stepOrder(a.step) - stepOrder(b.step))
      .map((s) => ({ step: s.step, state: s.state, objects: [...s.objects].sort() })),
    objects: Object.fromEntries(
      Object.keys(state.objects)
        .sort()
        .map((key) => {
          const r = state.objects[key]!;
          return [key, { hash: r.hash, ...(r.uid ? { uid: r.uid } : {}), ...(r.generation !== undefined ? { generation: r.generation } : {}), ...(r.resourceVersion ? { resourceVersion: r.resourceVersion } : {}) }];
        }),
    ),
  };
  const target = path.join(planDir, APPLY_STATE_FILE);
  const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temp, `${JSON.stringify(ordered, null, 2)}\n`);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new BatonError('BATON5001', { path: target, reason: (error as Error).message }, { cause: error });
  }
}

export function stepOrder(step: StepId): number {
  return step === 'namespaces' ? -2 : step === 'shared' ? -1 : step;
}
