import { BatonError, type JsonPointer } from '@baton/core';
import { isObject, readArray, readStrings, type JsonObject } from '../normalize/lenient.js';
import { at } from '../normalize/normalize-shared.js';
import { canonicalId, parentId, ROOT_ID } from './path-id.js';

/** One app or pod found in a document, with where it sits. */
export interface DefinitionEntry {
  readonly sourceKind: 'app' | 'pod';
  /** `pod-status`: a PodStatus from `/v2/groups` whose definition is under `spec`. */
  readonly shape: 'app' | 'pod' | 'pod-status';
  /** The object as read: the subject of the coverage ledger. */
  readonly definition: JsonObject;
  /** The app or pod itself (`definition.spec` for a PodStatus). */
  readonly spec: JsonObject;
  /** Pointer of `spec` inside `definition`. */
  readonly specPointer: JsonPointer;
  /** Pointer of `definition` inside the document. */
  readonly originPointer: JsonPointer;
  /** Absolute id of the enclosing group: relative ids resolve against it. */
  readonly base: string;
  /** Absolute dependencies of every enclosing group (§5: inherited by all transitive members). */
  readonly inheritedDependencies: readonly string[];
  /** Absolute id. */
  readonly id: string;
  /** The document it was read from, when not the one extracted (pods read from `/v2/pods/::status`). */
  readonly origin?: string;
}

export interface ExtractedGroup {
  readonly id: string;
  readonly dependencies: readonly string[];
  readonly pointer: JsonPointer;
}

export interface Extraction {
  readonly entries: readonly DefinitionEntry[];
  readonly groups: readonly ExtractedGroup[];
  /** Items Marathon would reject outright (no usable id), left out of the plan. */
  readonly skipped: readonly { readonly pointer: JsonPointer; readonly reason: string }[];
  /** Keys of groups that are no group field (§8): a typo such as `aps` would otherwise drop apps unseen. */
  readonly unknownGroupFields: readonly JsonPointer[];
}

/** The fields of a group (§8); `scaleBy` is a PUT action, accepted and not applied. */
const GROUP_KEYS = new Set(['id', 'apps', 'pods', 'groups', 'dependencies', 'version', 'enforceRole', 'scaleBy']);

/** Keys only an app definition has (a GroupUpdate or pod has none of them). */
const APP_KEYS = [
  'cmd', 'args', 'container', 'instances', 'cpus', 'mem', 'disk', 'gpus', 'portDefinitions', 'ports', 'uris', 'fetch',
  'healthChecks', 'readinessChecks', 'env', 'constraints', 'executor', 'ipAddress', 'upgradeStrategy', 'backoffSeconds',
  'backoffFactor', 'maxLaunchDelaySeconds', 'requirePorts', 'acceptedResourceRoles', 'taskKillGracePeriodSeconds', 'killSelection',
  'storeUrls', 'residency', 'networks', 'unreachableStrategy',
];

const isPod = (value: JsonObject) => Array.isArray(value.containers);
const isPodStatus = (value: JsonObject) => isObject(value.spec) && Array.isArray(value.spec.containers);
const isApp = (value: JsonObject) => APP_KEYS.some((key) => key in value);
const isGroup = (value: JsonObject) => Array.isArray(value.apps) || Array.isArray(value.groups) || Array.isArray(value.pods);

/** Pods read beside a group tree (`/v2/pods/::status` where the groups carry none, §8). */
export interface PodsBeside {
  readonly pods: readonly unknown[];
  /** Where they were read, e.g. `/v2/pods/::status`; pointers are indexes into that list. */
  readonly origin: string;
}

/**
 * Finds every app and pod in any accepted document shape: one app, `{"app": …}`, `{"apps": […]}`,
 * a list of apps and pods, a group or `/v2/groups` response (pods as PodStatus), or one pod.
 * Throws BATON1004 for JSON that holds none, BATON1005 when a lone definition has no usable id.
 */
export function extractDefinitions(document: unknown, path: string, beside?: PodsBeside): Extraction {
  const walker = new Walker();
  if (beside) {
    if (!isObject(document)) throw new BatonError('BATON1004', { path, reason: 'pods beside a tree need a group document' });
    walker.group(document, '', ROOT_ID, []);
    walker.podsBeside(beside);
    return walker.result(path, false);
  }
  if (Array.isArray(document)) {
    const items = document.filter(isObject);
    if (!items.some((item) => isPod(item) || isPodStatus(item) || isApp(item))) {
      throw new BatonError('BATON1004', { path, reason: document.length === 0 ? 'the list is empty' : 'the list holds no apps or pods' });
    }
    document.forEach((item, index) => walker.item(item, at('', index), ROOT_ID, []));
    return walker.result(path, false);
  }
  if (!isObject(document)) throw new BatonError('BATON1004', { path, reason: `the document is ${document === null ? 'null' : `a ${typeof document}`}` });
  // a group first: an `app` key beside apps/groups/pods lists is an unknown group field, not the
  // `{"app": …}` answer of GET /v2/apps/{id} (which would drop the whole tree)
  if (isGroup(document)) {
    walker.group(document, '', ROOT_ID, []);
    return walker.result(path, false);
  }
  if (isObject(document.app)) {
    walker.item(document.app, '/app', ROOT_ID, []);
    return walker.result(path, true);
  }
  if (isPod(document) || isPodStatus(document) || isApp(document)) {
    walker.item(document, '', ROOT_ID, []);
    return walker.result(path, true);
  }
  // an empty root group is answered as {"id": "/"} (§2.1)
  if (document.id === ROOT_ID && Object.keys(document).every((key) => ['id', 'version', 'dependencies', 'enforceRole'].includes(key))) {
    return walker.result(path, false);
  }
  const keys = Object.keys(document);
  throw new BatonError('BATON1004', {
    path,
    reason: keys.length === 0 ? 'the object is empty' : `an object with ${keys.length === 1 ? 'the key' : 'the keys'} ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}`,
  });
}

class Walker {
  private readonly entries: DefinitionEntry[] = [];
  private readonly groups: ExtractedGroup[] = [];
  private readonly skipped: { pointer: JsonPointer; reason: string }[] = [];
  private readonly unknownGroupFields: JsonPointer[] = [];
  /** Group id → the dependencies its members inherit (its own included), for pods placed later. */
  private readonly inheritedBy = new Map<string, readonly string[]>();

  group(group: JsonObject, pointer: JsonPointer, parent: string, inherited: readonly string[]): void {
    // a group without id is the root (a GroupUpdate body or {"apps": [...]}); a bad nested id is read as its parent
    const id = typeof group.id === 'string' && group.id.length > 0 ? canonicalId(group.id, parent) : parent;
    // group dependencies resolve against the group itself (GroupConversion)
    const dependencies = readStrings(group.dependencies).map((dependency) => canonicalId(dependency, id));
    if (id !== ROOT_ID || dependencies.length > 0) this.groups.push({ id, dependencies, pointer });
    for (const key of Object.keys(group)) if (!GROUP_KEYS.has(key)) this.unknownGroupFields.push(at(pointer, key));
    for (const list of ['apps', 'pods', 'groups'] as const) {
      const value = group[list];
      if (value !== undefined && value !== null && !Array.isArray(value)) this.skipped.push({ pointer: at(pointer, list), reason: `\`${list}\` must be a list` });
    }
    const below = dependencies.length > 0 ? [...inherited, ...dependencies] : inherited;
    if (!this.inheritedBy.has(id)) this.inheritedBy.set(id, below);
    readArray(group.apps).forEach((app, index) => this.item(app, at(pointer, 'apps', index), id, below));
    readArray(group.pods).forEach((pod, index) => this.item(pod, at(pointer, 'pods', index), id, below));
    readArray(group.groups).forEach((child, index) => {
      if (isObject(child)) this.group(child, at(pointer, 'groups', index), id, below);
      else this.skipped.push({ pointer: at(pointer, 'groups', index), reason: 'a group must be an object' });
    });
  }

  /**
   * Each pod goes into the group its id names, with that group's inherited dependencies, as if the
   * tree had embedded it; a group the tree lacks (filtered by ACLs) inherits from its nearest ancestor.
   */
  podsBeside({ pods, origin }: PodsBeside): void {
    pods.forEach((pod, index) => {
      const spec = isObject(pod) && isObject(pod.spec) ? pod.spec : pod;
      const rawId = isObject(spec) ? (spec.id ?? (isObject(pod) ? pod.id : undefined)) : undefined;
      const id = typeof rawId === 'string' ? canonicalId(rawId) : ROOT_ID;
      let group = parentId(id);
      while (!this.inheritedBy.has(group) && group !== ROOT_ID) group = parentId(group);
      this.item(pod, at('', index), parentId(id), this.inheritedBy.get(group) ?? [], origin);
    });
  }

  item(value: unknown, pointer: JsonPointer, base: string, inherited: readonly string[], origin?: string): void {
    if (!isObject(value)) {
      this.skipped.push({ pointer, reason: 'an app or pod must be an object' });
      return;
    }
    const status = isPodStatus(value) && !isPod(value);
    const spec = status ? (value.spec as JsonObject) : value;
    const specPointer = status ? '/spec' : '';
    // a PodStatus repeats the id at the top: use it if the spec lost its own
    const rawId = spec.id ?? (status ? value.id : undefined);
    const idPointer = `${pointer}${specPointer}/id`;
    if (rawId === undefined || rawId === null) return void this.skipped.push({ pointer: idPointer, reason: 'it has no id' });
    if (typeof rawId !== 'string') return void this.skipped.push({ pointer: idPointer, reason: `the id is a ${Array.isArray(rawId) ? 'list' : typeof rawId}, not a string` });
    const id = canonicalId(rawId, base);
    if (id === ROOT_ID) return void this.skipped.push({ pointer: idPointer, reason: rawId.trim() === '' ? 'the id is empty' : 'the id names the root group' });
    this.entries.push({
      sourceKind: isPod(spec) ? 'pod' : 'app',
      shape: status ? 'pod-status' : isPod(spec) ? 'pod' : 'app',
      definition: value,
      spec,
      specPointer,
      originPointer: pointer,
      base,
      inheritedDependencies: inherited,
      id,
      ...(origin !== undefined ? { origin } : {}),
    });
  }

  /** A lone definition, or a document whose every definition is unusable, leaves nothing to plan. */
  result(path: string, lone: boolean): Extraction {
    const first = this.skipped[0];
    if (first && (lone || this.entries.length === 0)) {
      throw new BatonError('BATON1005', { pointer: first.pointer, path, reason: first.reason });
    }
    return { entries: this.entries, groups: this.groups, skipped: this.skipped, unknownGroupFields: this.unknownGroupFields };
  }
}
