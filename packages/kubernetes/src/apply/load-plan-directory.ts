import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError, PLAN_VERSION, type PlanDocument } from '@baton/core';
import { hashObject, objectKey, type KubeObject } from './kube-object.js';
import { HELD_BACK_DIR, MANIFESTS_DIR } from '../layouts.js';

export interface LoadedPlan {
  readonly dir: string;
  readonly plan: PlanDocument;
  /** Every object of the manifests, by objectKey. */
  readonly objects: ReadonlyMap<string, KubeObject>;
  /** Object key -> source id of the workload it belongs to (`*` for shared objects). */
  readonly owners: ReadonlyMap<string, string>;
  /** Digest of plan.json, recorded in apply-state.json. */
  readonly planDigest: string;
}

/**
 * Reads `<dir>/plan.json` and every manifest under `<dir>/manifests/` and `<dir>/held-back/`, and checks that each object
 * plan.json names is there. Errors are BATON3004.
 */
export async function loadPlanDirectory(dir: string): Promise<LoadedPlan> {
  const fail = (reason: string, cause?: unknown): never => {
    throw new BatonError('BATON3004', { path: dir, reason }, cause === undefined ? {} : { cause });
  };
  let text = '';
  try {
    text = await readFile(path.join(dir, 'plan.json'), 'utf8');
  } catch (error) {
    fail(`there is no readable plan.json (${(error as NodeJS.ErrnoException).code ?? String(error)})`, error);
  }
  let plan: PlanDocument;
  try {
    plan = JSON.parse(text) as PlanDocument;
  } catch (error) {
    return fail(`plan.json is not valid JSON (${(error as Error).message})`, error);
  }
  if (plan?.planVersion !== PLAN_VERSION) fail(`plan.json has planVersion ${JSON.stringify(plan?.planVersion)}; this version of Baton applies ${PLAN_VERSION}`);
  if (!Array.isArray(plan.workloads) || !Array.isArray(plan.sharedObjects)) fail('plan.json has no workloads or sharedObjects list');

  // yaml is loaded here, on the apply path, so that importing the writer for `migrate plan` does not load it
  const { parseAllDocuments } = await import('yaml');
  const objects = new Map<string, KubeObject>();
  // held-back/: workloads with an invalid object, outside the apply set (applied only when asked)
  for (const file of [...(await yamlFiles(path.join(dir, MANIFESTS_DIR))), ...(await yamlFiles(path.join(dir, HELD_BACK_DIR)))]) {
    const relative = path.relative(dir, file);
    for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) {
      if (doc.errors.length > 0) fail(`${relative} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
      const value = doc.toJS() as KubeObject | null;
      if (value === null || value === undefined) continue;
      if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string' || typeof value.metadata?.name !== 'string') {
        fail(`${relative} holds a document without apiVersion, kind and metadata.name`);
      }
      if (value.kind === 'Kustomization') continue;
      objects.set(objectKey({ apiVersion: value.apiVersion, kind: value.kind, name: value.metadata.name, ...(value.metadata.namespace ? { namespace: value.metadata.namespace } : {}) }), value);
    }
  }

  const owners = new Map<string, string>();
  const claim = (ref: PlanDocument['sharedObjects'][number], owner: string) => {
    const key = objectKey(ref);
    if (!objects.has(key)) fail(`plan.json names ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} (${owner === '*' ? 'shared' : `workload ${owner}`}) but no manifest under manifests/ or held-back/ holds it`);
    owners.set(key, owner);
  };
  for (const ref of plan.sharedObjects) claim(ref, '*');
  for (const workload of plan.workloads) for (const ref of workload.objects) claim(ref, workload.id);
  return { dir, plan, objects, owners, planDigest: hashObject(plan) };
}

async function yamlFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (/\.ya?ml$/.test(entry.name) && !/^kustomization\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}
