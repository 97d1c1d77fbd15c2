// Server-side apply field ownership, simplified from structured-merge-diff: every leaf belongs to the
// managers that set it; list elements with a `name` are merged by name (containers, env, volumes...),
// other lists are atomic. Conflicts are reported on the paths SMD would name (`.spec.replicas`).

type Obj = Record<string, unknown>;
/** A path step: a map key, or a list element picked by its `name`. */
export type Step = string | { readonly name: string };

export interface Leaf {
  readonly path: readonly Step[];
  readonly value: unknown;
}

/** Fields the server owns itself or that identify the object; never part of a manager's set. */
const UNOWNED_TOP = new Set(['apiVersion', 'kind', 'status']);
const UNOWNED_METADATA = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp']);

export function pathString(path: readonly Step[]): string {
  return path.map((step) => (typeof step === 'string' ? `.${step}` : `[name="${step.name}"]`)).join('');
}

/** Leaves of an object as SSA tracks them, keyed by path string. */
export function leavesOf(object: Obj): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(object)) {
    if (UNOWNED_TOP.has(key)) continue;
    if (key === 'metadata' && isObject(value)) {
      for (const [metaKey, metaValue] of Object.entries(value as Obj)) {
        if (!UNOWNED_METADATA.has(metaKey)) collect(metaValue, ['metadata', metaKey], out);
      }
      continue;
    }
    collect(value, [key], out);
  }
  return out;
}

function collect(value: unknown, path: Step[], out: Map<string, Leaf>): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) collect(item, [...path, key], out);
  } else if (isNamedList(value)) {
    for (const item of value) {
      const element: Step[] = [...path, { name: item.name as string }];
      for (const [key, field] of Object.entries(item)) collect(field, [...element, key], out);
    }
  } else {
    out.set(pathString(path), { path, value });
  }
}

export function valueAt(object: unknown, path: readonly Step[]): unknown {
  let current: unknown = object;
  for (const step of path) {
    if (typeof step === 'string') current = isObject(current) ? current[step] : undefined;
    else current = Array.isArray(current) ? current.find((item) => isObject(item) && item.name === step.name) : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** Removes a leaf; a list element left with only its name goes too. */
export function removeAt(object: Obj, path: readonly Step[]): void {
  const parents: unknown[] = [object];
  let current: unknown = object;
  for (const step of path.slice(0, -1)) {
    current = typeof step === 'string' ? (isObject(current) ? current[step] : undefined) : Array.isArray(current) ? current.find((item) => isObject(item) && item.name === step.name) : undefined;
    if (current === undefined) return;
    parents.push(current);
  }
  const last = path[path.length - 1];
  const container = parents[parents.length - 1];
  if (typeof last === 'string' && isObject(container)) delete container[last];
  // Drop list elements that only kept their key.
  for (let i = path.length - 2; i >= 0; i--) {
    const step = path[i];
    if (step !== undefined && typeof step !== 'string') {
      const list = parents[i];
      if (Array.isArray(list)) {
        const index = list.findIndex((item) => isObject(item) && item.name === step.name);
        if (index >= 0 && Object.keys(list[index] as Obj).length <= 1) list.splice(index, 1);
      }
    }
  }
}

/** Applies `patch` over `live`: maps merge, named lists merge by name, other lists and scalars replace. */
export function mergeApplied(live: unknown, patch: unknown): unknown {
  if (isObject(live) && isObject(patch)) {
    const out: Obj = { ...live };
    for (const [key, value] of Object.entries(patch)) out[key] = key in live ? mergeApplied(live[key], value) : clone(value);
    return out;
  }
  if (isNamedList(live) && isNamedList(patch)) {
    const out = (live as Obj[]).map((item) => {
      const update = (patch as Obj[]).find((p) => p.name === item.name);
      return update ? (mergeApplied(item, update) as Obj) : item;
    });
    for (const item of patch as Obj[]) if (!out.some((o) => o.name === item.name)) out.push(clone(item));
    return out;
  }
  return clone(patch);
}

/** fieldsV1 of one manager's set, as `metadata.managedFields[].fieldsV1` spells it. */
export function fieldsV1Of(paths: Iterable<readonly Step[]>): Obj {
  const root: Obj = {};
  for (const path of paths) {
    let node = root;
    for (const step of path) {
      const key = typeof step === 'string' ? `f:${step}` : `k:${JSON.stringify({ name: step.name })}`;
      node[key] ??= {};
      node = node[key] as Obj;
      if (typeof step !== 'string') {
        node['.'] ??= {};
        node['f:name'] ??= {};
      }
    }
  }
  return root;
}

function isNamedList(value: unknown): value is Obj[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && typeof item.name === 'string');
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
