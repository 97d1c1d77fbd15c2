// Plan-time checks of everything the writer emits: offline validation for the target minor, and
// reference integrity. Both turn problems into findings on the workload that owns the object, so
// no manifest is silently invalid.
import { valueAtPointer, type PlannedObject, type Workload } from '@baton/core';
import type { Report } from './context.js';
import { findDanglingReferences, type ReferencePrerequisites } from './references.js';
import { SUPPORTED_KUBERNETES_VERSIONS, validateObjects } from './validation/index.js';

export interface CheckedOwner {
  /** Source id, or `*` for shared objects. */
  readonly id: string;
  readonly workload?: Workload;
  readonly objects: readonly PlannedObject[];
  readonly report: Report;
}

export interface PlanCheckResult {
  /** The minor objects were validated for (the target's, or the nearest supported one). */
  readonly validatedFor: `1.${number}`;
  readonly invalid: number;
  readonly dangling: number;
  /** Ids of the owners (workloads, not `*`) with at least one invalid object. */
  readonly invalidOwners: ReadonlySet<string>;
}

/** The supported minor nearest to `version` (the version itself when supported). */
export function validationVersion(version: string): `1.${number}` {
  if ((SUPPORTED_KUBERNETES_VERSIONS as readonly string[]).includes(version)) return version as `1.${number}`;
  const minor = Number(/^1\.(\d+)/.exec(version)?.[1] ?? NaN);
  const minors = SUPPORTED_KUBERNETES_VERSIONS.map((supported) => Number(supported.slice(2)));
  const nearest = Number.isNaN(minor) ? Math.max(...minors) : minors.reduce((best, candidate) => (Math.abs(candidate - minor) < Math.abs(best - minor) ? candidate : best));
  return `1.${nearest}`;
}

export function checkPlan(owners: readonly CheckedOwner[], kubernetesVersion: string, prerequisites: ReferencePrerequisites, reportEstate: Report): PlanCheckResult {
  const validatedFor = validationVersion(kubernetesVersion);
  if (validatedFor !== kubernetesVersion) {
    reportEstate('kubernetes/validation-version', 'nearest', {
      data: { version: kubernetesVersion, supported: `${SUPPORTED_KUBERNETES_VERSIONS[0]}–${SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]}`, used: validatedFor },
    });
  }
  const objects: PlannedObject[] = [];
  const ownerOf: number[] = [];
  owners.forEach((owner, position) => {
    for (const object of owner.objects) {
      objects.push(object);
      ownerOf.push(position);
    }
  });

  const problems = validateObjects(objects, { kubernetesVersion: validatedFor });
  const invalidOwners = new Set<string>();
  for (const problem of problems) {
    const owner = owners[ownerOf[problem.index]!]!;
    if (owner.id !== '*') invalidOwners.add(owner.id);
    const object = objects[problem.index]!;
    const value = valueAtPointer(object, problem.pointer);
    const source = owner.workload ? sourceOf(owner.workload, value) : undefined;
    const data = { kind: problem.kind, name: problem.name, objectPointer: problem.pointer || '/', problem: problem.problem, message: problem.message };
    if (source !== undefined) owner.report('kubernetes/invalid-object', 'source', { pointer: source, data: { ...data, source: source || '/' } });
    else owner.report('kubernetes/invalid-object', 'writer', { data });
  }

  const dangling = findDanglingReferences(objects, prerequisites);
  for (const reference of dangling) {
    const owner = owners[ownerOf[reference.index]!]!;
    owner.report('kubernetes/reference-missing', 'missing', {
      data: { kind: reference.kind, name: `${reference.namespace ? `${reference.namespace}/` : ''}${reference.name}`, objectPointer: reference.pointer, target: reference.target },
    });
  }
  return { validatedFor, invalid: problems.length, dangling: dangling.length, invalidOwners };
}

/**
 * Where a rejected value came from: the pointer of the nearest model node holding a leaf equal to
 * it (strings of two characters or more, numbers). Undefined when the value is not in the model.
 */
function sourceOf(workload: Workload, value: unknown): string | undefined {
  if (!((typeof value === 'string' && value.length >= 2) || typeof value === 'number')) return undefined;
  const candidates = typeof value === 'string' ? [value, value.toLowerCase()] : [value];
  let found: string | undefined;
  const walk = (node: unknown, pointer: string | undefined): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    const own = typeof (node as { pointer?: unknown }).pointer === 'string' ? ((node as { pointer: string }).pointer as string) : pointer;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (found !== undefined) return;
      if (key === 'pointer' || key === 'originPointer') continue;
      if (typeof child === 'object') walk(child, own);
      else if (candidates.includes(child as never) || (typeof child === 'string' && typeof value === 'string' && child.toLowerCase() === value.toLowerCase())) found = own ?? '';
    }
  };
  walk(workload, '');
  return found;
}
