// Builds a full TargetProfile from a base plus layers: the CNI half (@baton/cni), the CSI half
// (@baton/csi), captured facts and user overrides. Plugins never import each other, so the
// composition lives here, in the one package every plugin already depends on.
//
// Merge semantics are JSON Merge Patch (RFC 7396) with two additions:
// - arrays of named things (`storage.classes`, `storage.drivers`) merge entry by entry on `name`;
//   an entry `{ name, $remove: true }` deletes one;
// - capabilities are atomic: an override of `cni.capabilities.hostPort` replaces level, note and
//   source together, so a stale note never survives a new level;
// - `unverified` (paths of unverified fields) is a set: each layer adds its paths.
// `null` deletes a field. Other arrays and scalars are replaced.

import { BatonError } from './errors/baton-error.js';
import {
  ACCESS_MODES,
  CNI_CAPABILITY_NAMES,
  type Capability,
  type CsiDriverProfile,
  type StorageClassProfile,
  type TargetProfile,
} from './target-profile.js';

/** A partial profile: any field may be given, `null` deletes, named array entries merge by name. */
export type TargetProfileLayer = LayerOf<TargetProfile> & {
  /** Names the layer in error messages, e.g. `baton.config.yaml#target` or `@baton/cni:eks`. */
  readonly $source?: string;
};

type LayerOf<T> = T extends readonly (infer Item)[]
  ? [Item] extends [{ readonly name: string }]
    ? readonly (LayerOf<Item> & { readonly name: string; readonly $remove?: boolean })[]
    : T
  : T extends object
    ? { readonly [K in keyof T]?: LayerOf<T[K]> | null }
    : T;

export interface ProfileProblem {
  /** Which input the problem is in: `base`, a layer's `$source` or `layers[i]`, or `merged`. */
  readonly layer: string;
  /** Dotted path with `[i]` or `[name="x"]` for array entries, e.g. `storage.drivers[name="ebs.csi.aws.com"].accessModes[1]`. */
  readonly path: string;
  readonly message: string;
}

export type MergeTargetProfileResult =
  | { readonly ok: true; readonly profile: TargetProfile }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

// ---------------------------------------------------------------------------------------------
// Schema: one description drives validation and merging. Field maps are typed against the
// profile interfaces, so adding a field to TargetProfile without describing it fails to compile.

type Schema =
  | { readonly kind: 'string'; readonly pattern?: RegExp; readonly expected?: string }
  | { readonly kind: 'number'; readonly integer?: boolean; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'array'; readonly items: Schema; readonly keyedBy?: 'name'; readonly unique?: boolean; readonly union?: boolean }
  | { readonly kind: 'record'; readonly keys?: readonly string[]; readonly values: Schema }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Field>>; readonly atomic?: boolean };

interface Field {
  readonly schema: Schema;
  readonly required?: boolean;
}

const string = (pattern?: RegExp, expected?: string): Schema => ({ kind: 'string', pattern, expected });
const oneOf = (...values: string[]): Schema => ({ kind: 'enum', values });
const bool: Schema = { kind: 'boolean' };
const listOf = (items: Schema, extra: { keyedBy?: 'name'; unique?: boolean; union?: boolean } = {}): Schema => ({ kind: 'array', items, ...extra });
const req = (schema: Schema): Field => ({ schema, required: true });
const opt = (schema: Schema): Field => ({ schema });
function object<T>(fields: { readonly [K in keyof Required<T>]: Field }, atomic = false): Schema {
  return { kind: 'object', fields: fields as Record<string, Field>, atomic };
}

const LEVEL = oneOf('yes', 'partial', 'no', 'unknown');

const CAPABILITY = object<Capability>(
  { level: req(LEVEL), note: opt(string()), source: opt(string()), unverified: opt(bool) },
  true,
);

const ACCESS_MODE = oneOf(...ACCESS_MODES);

const DRIVER_FIELDS = [
  'name', 'accessModes', 'volumeModes', 'expansion', 'snapshots', 'local', 'topologyKeys', 'minSizeMiB', 'unverified',
  'source', 'csi', 'blockOnlyAccessModes', 'enforcesSize', 'ephemeral', 'fsGroupPolicy', 'aliases', 'unverifiedFields', 'note',
] as const satisfies readonly (keyof CsiDriverProfile)[];

const DRIVER = object<CsiDriverProfile>({
  name: req(string(/^\S+$/, 'a driver name without spaces')),
  accessModes: req(listOf(ACCESS_MODE, { unique: true })),
  volumeModes: req(listOf(oneOf('Filesystem', 'Block'), { unique: true })),
  expansion: req(LEVEL),
  snapshots: req(LEVEL),
  local: req(bool),
  topologyKeys: opt(listOf(string())),
  minSizeMiB: opt({ kind: 'number', integer: true, min: 0 }),
  unverified: opt(bool),
  source: opt(string()),
  csi: opt(bool),
  blockOnlyAccessModes: opt(listOf(ACCESS_MODE, { unique: true })),
  enforcesSize: opt(bool),
  ephemeral: opt(bool),
  fsGroupPolicy: opt(oneOf('None', 'File', 'ReadWriteOnceWithFSType')),
  aliases: opt(listOf(string())),
  unverifiedFields: opt(listOf(oneOf(...DRIVER_FIELDS), { unique: true })),
  note: opt(string()),
});

const STORAGE_CLASS = object<StorageClassProfile>({
  name: req(string(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes object name')),
  provisioner: req(string(/^\S+$/, 'a provisioner name without spaces')),
  isDefault: opt(bool), // derived from storage.defaultClass after merging
  allowVolumeExpansion: opt(bool),
  volumeBindingMode: opt(oneOf('Immediate', 'WaitForFirstConsumer')),
  reclaimPolicy: opt(oneOf('Delete', 'Retain')),
  parameters: opt({ kind: 'record', values: string() }),
  unverified: opt(bool),
  source: opt(string()),
  note: opt(string()),
});

const PROFILE = object<TargetProfile>({
  id: req(string(/^[a-z0-9][a-z0-9:._/-]*$/, 'a lowercase profile id')),
  title: req(string()),
  kubernetesVersion: req(string(/^1\.\d{1,3}$/, 'a Kubernetes minor like "1.34"')),
  servedApis: opt(listOf(string())),
  cni: req(
    object<TargetProfile['cni']>({
      plugin: req(string()),
      policyEngine: opt(string()),
      capabilities: req({ kind: 'record', keys: CNI_CAPABILITY_NAMES, values: CAPABILITY }),
      evidence: opt(listOf(string())),
      confidence: req(oneOf('declared', 'high', 'low')),
      note: opt(string()),
    }),
  ),
  storage: req(
    object<TargetProfile['storage']>({
      defaultClass: opt(string()),
      classes: req(listOf(STORAGE_CLASS, { keyedBy: 'name' })),
      drivers: req(listOf(DRIVER, { keyedBy: 'name' })),
      inventory: opt(oneOf('complete', 'partial', 'unknown')),
      evidence: opt(listOf(string())),
      note: opt(string()),
    }),
  ),
  ingress: req(
    object<TargetProfile['ingress']>({
      classes: req(listOf(string(), { unique: true })),
      defaultClass: opt(string()),
      gatewayClasses: req(listOf(string(), { unique: true })),
    }),
  ),
  loadBalancer: req(LEVEL),
  admission: req(
    object<TargetProfile['admission']>({
      podSecurity: req(oneOf('privileged', 'baseline', 'restricted')),
      openshiftScc: opt(string()),
      autopilot: opt(bool),
      allowedHostPathPrefixes: opt(listOf(string(/^\//, 'an absolute path'))),
    }),
  ),
  reservedHostPorts: opt(listOf({ kind: 'number', integer: true, min: 1, max: 65535 }, { unique: true })),
  nodeLabels: opt(listOf(string())),
  // Each half of a profile marks its own fields, so layers add to this list rather than replace it.
  unverified: opt(listOf(string(/^[a-zA-Z][\w.]*$/, 'a dotted field path'), { unique: true, union: true })),
  source: opt(string()),
});

// ---------------------------------------------------------------------------------------------

/**
 * Merges `layers` over `base` in order and validates every input and the result. Returns every
 * problem at once, each with the layer and the exact path.
 */
export function tryMergeTargetProfile(
  base: TargetProfile,
  ...layers: readonly (TargetProfileLayer | undefined)[]
): MergeTargetProfileResult {
  const problems: ProfileProblem[] = [];
  const collect = (layer: string) => (path: string, message: string) => problems.push({ layer, path, message });

  checkValue(base, PROFILE, '', 'full', collect('base'));
  let merged: unknown = base;
  let defaultClassCleared = false;
  layers.forEach((layer, index) => {
    if (layer === undefined) return;
    const label = typeof layer.$source === 'string' && layer.$source.length > 0 ? layer.$source : `layers[${index}]`;
    const { $source: _source, ...patch } = layer as Record<string, unknown>;
    const before = problems.length;
    checkValue(patch, PROFILE, '', 'layer', collect(label));
    if (problems.length > before) return; // a broken layer is not merged: its problems are enough
    const storage = patch.storage as Record<string, unknown> | null | undefined;
    if (storage === null || (storage && storage.defaultClass === null)) defaultClassCleared = true;
    else if (storage && typeof storage.defaultClass === 'string') defaultClassCleared = false;
    merged = mergeValue(merged, patch, PROFILE);
  });
  if (problems.length > 0) return { ok: false, problems };

  const profile = normalizeDefaultClass(merged as TargetProfile, defaultClassCleared);
  const report = collect('merged');
  checkValue(profile, PROFILE, '', 'full', report);
  checkConsistency(profile, report);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile };
}

/** Like tryMergeTargetProfile, but throws BATON1010 listing every problem. */
export function mergeTargetProfile(base: TargetProfile, ...layers: readonly (TargetProfileLayer | undefined)[]): TargetProfile {
  const result = tryMergeTargetProfile(base, ...layers);
  if (result.ok) return result.profile;
  throw new BatonError('BATON1010', { profile: profileIdOf(base, layers), reason: formatProfileProblems(result.problems) });
}

/** Problems of a complete profile (shape and consistency), e.g. one loaded from a facts file. */
export function validateTargetProfile(value: unknown): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const report = (path: string, message: string) => problems.push({ layer: 'profile', path, message });
  checkValue(value, PROFILE, '', 'full', report);
  if (problems.length === 0) checkConsistency(value as TargetProfile, report);
  return problems;
}

export function formatProfileProblems(problems: readonly ProfileProblem[]): string {
  return problems.map((p) => `${p.layer}: ${p.path || '(root)'}: ${p.message}`).join('; ');
}

function profileIdOf(base: TargetProfile, layers: readonly (TargetProfileLayer | undefined)[]): string {
  let id = base.id;
  for (const layer of layers) if (typeof layer?.id === 'string') id = layer.id;
  return id;
}

// ---------------------------------------------------------------------------------------------

type Report = (path: string, message: string) => void;

/** Atomic objects (capabilities) are replaced whole, so even a layer must give a complete one. */
function modeFor(schema: Schema, mode: 'full' | 'layer'): 'full' | 'layer' {
  return schema.kind === 'object' && schema.atomic ? 'full' : mode;
}

function checkValue(value: unknown, schema: Schema, path: string, mode: 'full' | 'layer', report: Report): void {
  if (value === null && mode === 'layer') return; // deletes the field
  switch (schema.kind) {
    case 'string':
      if (typeof value !== 'string' || value.length === 0) return report(path, `expected a non-empty string, received ${describe(value)}`);
      if (schema.pattern && !schema.pattern.test(value)) report(path, `expected ${schema.expected ?? `a string matching ${schema.pattern}`}, received ${describe(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return report(path, `expected a number, received ${describe(value)}`);
      if (schema.integer && !Number.isInteger(value)) report(path, `expected an integer, received ${value}`);
      if (schema.min !== undefined && value < schema.min) report(path, `expected at least ${schema.min}, received ${value}`);
      if (schema.max !== undefined && value > schema.max) report(path, `expected at most ${schema.max}, received ${value}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') report(path, `expected true or false, received ${describe(value)}`);
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value)) {
        report(path, `expected one of ${schema.values.map((v) => JSON.stringify(v)).join(', ')}, received ${describe(value)}`);
      }
      return;
    case 'array': {
      if (!Array.isArray(value)) return report(path, `expected an array, received ${describe(value)}`);
      const seen = new Set<string>();
      value.forEach((item, index) => {
        const at = `${path}${entryLabel(item, index, schema)}`;
        if (schema.keyedBy && mode === 'layer' && isObject(item) && item.$remove === true) {
          if (typeof item.name !== 'string') report(`${at}.name`, 'an entry with $remove needs the name of the entry to remove');
          return;
        }
        if (schema.keyedBy && mode === 'layer' && isObject(item)) {
          // In a layer, a named entry is a patch: only its name is required.
          if (typeof item.name !== 'string' || item.name.length === 0) report(`${at}.name`, `expected the name of the entry to add or change, received ${describe(item.name)}`);
          const { $remove, ...rest } = item;
          if ($remove !== undefined && $remove !== false && $remove !== true) report(`${at}.$remove`, `expected true, received ${describe($remove)}`);
          checkValue(rest, schema.items, at, 'layer', report);
        } else {
          checkValue(item, schema.items, at, mode === 'layer' ? 'full' : mode, report);
        }
        const key = schema.keyedBy && isObject(item) ? item.name : schema.unique ? item : undefined;
        if (typeof key === 'string' || typeof key === 'number') {
          if (seen.has(String(key))) report(at, `duplicate entry ${JSON.stringify(key)}`);
          seen.add(String(key));
        }
      });
      return;
    }
    case 'record': {
      if (!isObject(value)) return report(path, `expected an object, received ${describe(value)}`);
      for (const [key, item] of Object.entries(value)) {
        const at = joinPath(path, key);
        if (schema.keys && !schema.keys.includes(key)) {
          report(at, `unknown key${suggest(key, schema.keys)}; expected one of ${schema.keys.join(', ')}`);
          continue;
        }
        if (item === null && mode === 'layer') continue;
        checkValue(item, schema.values, at, modeFor(schema.values, mode), report);
      }
      return;
    }
    case 'object': {
      if (!isObject(value)) return report(path, `expected an object, received ${describe(value)}`);
      const known = Object.keys(schema.fields);
      for (const [key, item] of Object.entries(value)) {
        const field = schema.fields[key];
        const at = joinPath(path, key);
        if (!field) {
          report(at, `unknown field${suggest(key, known)}`);
          continue;
        }
        if (item === undefined) continue;
        if (item === null && mode === 'layer' && field.required) {
          report(at, 'is required and cannot be deleted');
          continue;
        }
        checkValue(item, field.schema, at, item === null ? mode : modeFor(field.schema, mode), report);
      }
      if (mode === 'full') {
        for (const [key, field] of Object.entries(schema.fields)) {
          if (field.required && value[key] === undefined) report(joinPath(path, key), 'is required');
        }
      }
      return;
    }
  }
}

function mergeValue(base: unknown, patch: unknown, schema: Schema): unknown {
  if (patch === undefined) return base;
  if (patch === null) return undefined;
  if (schema.kind === 'object' && !schema.atomic && isObject(patch)) {
    const result: Record<string, unknown> = isObject(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(patch)) {
      const field = schema.fields[key];
      if (!field) continue;
      const merged = mergeValue(result[key], value, field.schema);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
    return result;
  }
  if (schema.kind === 'record' && isObject(patch)) {
    const result: Record<string, unknown> = isObject(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(patch)) {
      const merged = mergeValue(result[key], value, schema.values);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
    return result;
  }
  if (schema.kind === 'array' && schema.union && Array.isArray(patch)) {
    const result = Array.isArray(base) ? [...base] : [];
    for (const item of patch) if (!result.includes(item)) result.push(item);
    return result;
  }
  if (schema.kind === 'array' && schema.keyedBy && Array.isArray(patch)) {
    const result: unknown[] = Array.isArray(base) ? [...base] : [];
    for (const entry of patch as Record<string, unknown>[]) {
      const { $remove, ...rest } = entry;
      const index = result.findIndex((item) => isObject(item) && item.name === entry.name);
      if ($remove === true) {
        if (index >= 0) result.splice(index, 1);
      } else if (index >= 0) {
        result[index] = mergeValue(result[index], rest, schema.items);
      } else {
        result.push(rest);
      }
    }
    return result;
  }
  return patch;
}

/** `defaultClass` is the truth; `isDefault` flags follow it. Flags only name the default when no layer cleared it. */
function normalizeDefaultClass(profile: TargetProfile, cleared: boolean): TargetProfile {
  if (!isObject(profile) || !isObject(profile.storage) || !Array.isArray(profile.storage.classes)) return profile;
  let defaultClass = profile.storage.defaultClass;
  if (defaultClass === undefined && !cleared) defaultClass = profile.storage.classes.find((c) => c.isDefault === true)?.name;
  const classes = profile.storage.classes.map((c) => ({ ...c, isDefault: c.name === defaultClass }));
  const storage = { ...profile.storage, classes };
  if (defaultClass === undefined) delete (storage as { defaultClass?: string }).defaultClass;
  else (storage as { defaultClass?: string }).defaultClass = defaultClass;
  return { ...profile, storage };
}

function checkConsistency(profile: TargetProfile, report: Report): void {
  const { storage, ingress } = profile;
  if (storage.defaultClass !== undefined && !storage.classes.some((c) => c.name === storage.defaultClass)) {
    report('storage.defaultClass', `names "${storage.defaultClass}", which is not in storage.classes (${storage.classes.map((c) => c.name).join(', ') || 'none'})`);
  }
  storage.drivers.forEach((driver) => {
    const at = `storage.drivers[name=${JSON.stringify(driver.name)}]`;
    for (const mode of driver.blockOnlyAccessModes ?? []) {
      if (!driver.accessModes.includes(mode)) report(`${at}.blockOnlyAccessModes`, `"${mode}" must also be listed in accessModes`);
    }
    if ((driver.blockOnlyAccessModes?.length ?? 0) > 0 && !driver.volumeModes.includes('Block')) {
      report(`${at}.blockOnlyAccessModes`, 'needs "Block" in volumeModes');
    }
  });
  if (ingress.defaultClass !== undefined && !ingress.classes.includes(ingress.defaultClass)) {
    report('ingress.defaultClass', `names "${ingress.defaultClass}", which is not in ingress.classes`);
  }
  (profile.unverified ?? []).forEach((path, index) => {
    if (!hasPath(profile, path)) report(`unverified[${index}]`, `"${path}" is not a field of this profile`);
  });
}

function hasPath(value: unknown, path: string): boolean {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (!isObject(current) || !(key in current)) return false;
    current = current[key];
  }
  return true;
}

function entryLabel(item: unknown, index: number, schema: Extract<Schema, { kind: 'array' }>): string {
  if (schema.keyedBy && isObject(item) && typeof item.name === 'string') return `[name=${JSON.stringify(item.name)}]`;
  return `[${index}]`;
}

function joinPath(path: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (segment.startsWith('[')) return `${path}${segment}`;
  return path ? `${path}.${segment}` : segment;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** ` (did you mean "x"?)` when a known key is within two edits. */
function suggest(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
