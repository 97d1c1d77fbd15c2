import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { undeclaredFields } from './field-schema.js';
import {
  applyConflict,
  badRequest,
  forbidden,
  internalError,
  invalid,
  methodNotAllowed,
  notFound,
  statusOf,
  unauthorized,
  type KubernetesStatus,
} from './kubernetes-status.js';
import { clone, fieldsV1Of, leavesOf, mergeApplied, removeAt, valueAt, type Step } from './managed-fields.js';
import { ENFORCE_LABEL, levelOf, podSecurityViolations, podTemplateOf, WARN_LABEL, type PodSecurityLevel } from './pod-security.js';
import { apiResourcesOf, BUILT_IN_TYPES, groupVersionOf, type CustomResourceType, type ResourceType } from './resource-types.js';
import { initialStatus, progressedStatus, ROLLOUT_KINDS, type RolloutProgress } from './rollout-status.js';
import { validateObject } from './validate-object.js';

type Obj = Record<string, any>;

/** A request the fake refuses the way RBAC would: 403 `... cannot <verb> resource ...`. */
export interface ForbidRule {
  readonly verb: 'get' | 'list' | 'patch' | 'create';
  /** Plural resource name, e.g. `deployments`, `nodes`. */
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** What a validating admission webhook sees. */
export interface AdmissionAttempt {
  readonly operation: 'CREATE' | 'UPDATE';
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly resource: string;
  readonly namespace?: string;
  readonly name: string;
  readonly object: Obj;
  readonly dryRun: boolean;
}

/** A webhook's answer: deny (the server wraps it in `admission webhook "<name>" denied the request: ...`) or warn. */
export type AdmissionVerdict =
  | { readonly deny: string; readonly webhook?: string; readonly code?: number; readonly reason?: string }
  | { readonly warnings: readonly string[] };

export interface KubernetesApiServerOptions {
  /** Kubernetes version: a minor (`1.34`) or a full gitVersion (`v1.34.2+k3s1`). Default 1.34. */
  readonly version?: string;
  /** Objects that exist before the test starts (Nodes, DaemonSets, ConfigMaps, StorageClasses...). */
  readonly resources?: readonly Obj[];
  /** CRD kinds the server serves in addition to the built-in ones (see COMMON_CUSTOM_RESOURCES). */
  readonly customResources?: readonly CustomResourceType[];
  /**
   * Pod Security admission: on by default with `privileged` defaults, levels from the namespace labels
   * (enforce rejects Pods; warn adds `Warning` headers on Pods and pod controllers). `false` turns it off.
   */
  readonly podSecurity?: false | { readonly enforce?: PodSecurityLevel; readonly warn?: PodSecurityLevel };
  /** Requests RBAC refuses. */
  readonly forbid?: readonly ForbidRule[];
  /** A validating webhook, called for every create or update (dry-run included, as webhooks with sideEffects None are). */
  readonly admission?: (attempt: AdmissionAttempt) => AdmissionVerdict | undefined;
  /** Deployments, StatefulSets and DaemonSets become available as soon as they are applied. */
  readonly autoReady?: boolean;
  /**
   * How an apply with fields outside the schema fails. The API server returns a reason-less 500 from
   * structured-merge-diff's typed conversion (kubernetes#122480, #139253); `bad-request` models the
   * proposed fix (400 BadRequest, same message).
   */
  readonly schemaErrors?: 'internal' | 'bad-request';
  /** Name of the kubeconfig context written for the server. Default `baton-fake`. */
  readonly contextName?: string;
  /** Namespace of that context. Default `default`. */
  readonly defaultNamespace?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly body?: unknown;
  readonly status: number;
}

export interface KubernetesApiServer {
  readonly url: string;
  /** A kubeconfig file pointing at the server (with `insecure-skip-tls-verify`, as client-node requires for http). */
  readonly kubeconfigPath: string;
  readonly contextName: string;
  /** The bearer token the kubeconfig carries; requests without it get 401. */
  readonly token: string;
  /** Every request, in order. */
  readonly requests: RecordedRequest[];
  /** Stored objects, optionally filtered by kind and namespace. */
  objects(filter?: { kind?: string; namespace?: string }): Obj[];
  /** One stored object, or undefined. */
  object(kind: string, name: string, namespace?: string): Obj | undefined;
  /** Moves the rollout of a Deployment, StatefulSet or DaemonSet forward, as its controller would. */
  setRolloutProgress(namespace: string, name: string, progress: RolloutProgress): void;
  /** Writes an object as another client would (an `Update` by `manager`, e.g. `kubectl-edit`), taking ownership of what it changes. */
  update(manager: string, object: Obj): void;
  /** Deletes a stored object. */
  remove(kind: string, name: string, namespace?: string): void;
  close(): Promise<void>;
}

interface Stored {
  type: ResourceType;
  object: Obj;
  /** manager -> owned paths. */
  owners: Map<string, Map<string, readonly Step[]>>;
  operations: Map<string, 'Apply' | 'Update'>;
}

const DEFAULT_TOKEN = 'baton-fake-token';

/** An in-process Kubernetes API server subset on 127.0.0.1 over plain http. */
export async function startKubernetesApiServer(options: KubernetesApiServerOptions = {}): Promise<KubernetesApiServer> {
  const types: ResourceType[] = [...BUILT_IN_TYPES, ...(options.customResources ?? [])];
  const store = new Map<string, Stored>();
  const requests: RecordedRequest[] = [];
  let resourceVersion = 1000;
  const gitVersion = fullVersion(options.version ?? '1.34');
  const token = DEFAULT_TOKEN;
  const contextName = options.contextName ?? 'baton-fake';
  const podSecurity = options.podSecurity === false ? undefined : { enforce: options.podSecurity?.enforce ?? 'privileged', warn: options.podSecurity?.warn ?? 'privileged' };

  const typeByKind = (apiVersion: string, kind: string) => types.find((t) => groupVersionOf(t) === apiVersion && t.kind === kind);
  const keyOf = (type: ResourceType, namespace: string | undefined, name: string) => `${type.group}/${type.plural}/${type.namespaced ? (namespace ?? '') : ''}/${name}`;
  const nodeCount = () => [...store.values()].filter((s) => s.type.kind === 'Node').length;

  function seed(raw: Obj, manager: string): void {
    const type = typeByKind(raw.apiVersion, raw.kind);
    if (!type) throw new Error(`startKubernetesApiServer: no served type for ${raw.apiVersion} ${raw.kind} (add it to customResources)`);
    const object = clone(raw);
    const namespace = type.namespaced ? (object.metadata.namespace ?? 'default') : undefined;
    object.metadata = { ...object.metadata, ...(namespace ? { namespace } : {}) };
    const key = keyOf(type, namespace, object.metadata.name);
    const existing = store.get(key);
    const stored: Stored = existing ?? { type, object: {}, owners: new Map(), operations: new Map() };
    const before = existing?.object;
    const merged = before ? (mergeApplied(before, object) as Obj) : object;
    const owned = new Map<string, readonly Step[]>();
    for (const [p, leaf] of leavesOf(object)) {
      if (JSON.stringify(valueAt(before, leaf.path)) !== JSON.stringify(leaf.value)) {
        owned.set(p, leaf.path);
        for (const [other, set] of stored.owners) if (other !== manager) set.delete(p);
      }
    }
    const previousOwned = stored.owners.get(manager) ?? new Map();
    for (const [p, steps] of owned) previousOwned.set(p, steps);
    stored.owners.set(manager, previousOwned);
    stored.operations.set(manager, 'Update');
    stored.object = finish(type, merged, before, raw.status === undefined);
    store.set(key, stored);
  }

  /** Stamps metadata (uid, generation, resourceVersion) and status the way the server and controllers would. */
  function finish(type: ResourceType, object: Obj, before: Obj | undefined, fillStatus: boolean, dryRun = false): Obj {
    const specChanged = !before || JSON.stringify(withoutMetaStatus(before)) !== JSON.stringify(withoutMetaStatus(object));
    const changed = !before || JSON.stringify(before) !== JSON.stringify({ ...object, metadata: { ...object.metadata, resourceVersion: before.metadata.resourceVersion } });
    const metadata = {
      ...object.metadata,
      uid: before?.metadata.uid ?? randomUUID(),
      creationTimestamp: before?.metadata.creationTimestamp ?? '2026-01-01T00:00:00Z',
      generation: before ? (before.metadata.generation ?? 1) + (specChanged ? 1 : 0) : 1,
      resourceVersion: changed ? String(dryRun ? resourceVersion + 1 : ++resourceVersion) : before!.metadata.resourceVersion,
    };
    const out: Obj = { ...object, metadata };
    if (type.kind === 'Namespace') out.status = { phase: 'Active' };
    if (ROLLOUT_KINDS.has(type.kind) && type.group === 'apps' && fillStatus && specChanged) {
      out.status = initialStatus(type.kind, out, before?.status, { ready: options.autoReady ?? false, nodes: nodeCount(), failure: podFailure(type.kind, out) });
    }
    return out;
  }

  /** The FailedCreate message a ReplicaSet would report when Pod Security rejects the pods. */
  function podFailure(kind: string, object: Obj): string | undefined {
    if (!podSecurity || kind !== 'Deployment') return undefined;
    const level = levelOf(namespaceLabels(object.metadata.namespace), ENFORCE_LABEL, podSecurity.enforce);
    const violations = podSecurityViolations(podTemplateOf(kind, object)?.spec, level);
    if (violations.length === 0) return undefined;
    return `pods "${object.metadata.name}-5d8f7c9b4-" is forbidden: violates PodSecurity "${level}:latest": ${violations.join(', ')}`;
  }

  function namespaceLabels(namespace: string | undefined): Record<string, string> | undefined {
    if (!namespace) return undefined;
    return store.get(`/namespaces//${namespace}`)?.object.metadata.labels;
  }

  for (const raw of options.resources ?? []) seed(raw, 'baton-test-seed');

  function output(stored: Stored, object = stored.object): Obj {
    const managedFields = [...stored.owners.entries()]
      .filter(([, set]) => set.size > 0)
      .map(([manager, set]) => ({
        manager,
        operation: stored.operations.get(manager) ?? 'Update',
        apiVersion: groupVersionOf(stored.type),
        time: '2026-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: fieldsV1Of(set.values()),
      }));
    return { apiVersion: groupVersionOf(stored.type), kind: stored.type.kind, ...object, metadata: { ...object.metadata, managedFields } };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, internalError(error instanceof Error ? error.message : String(error)));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    const bodyText = await readBody(req);
    const contentType = req.headers['content-type']?.split(';')[0]?.trim();
    const record = (status: number, body?: unknown) =>
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query, ...(contentType ? { contentType } : {}), ...(body !== undefined ? { body } : {}), status });

    if (req.headers.authorization !== `Bearer ${token}`) {
      record(401);
      return send(res, 401, unauthorized());
    }
    const result = route(req.method ?? 'GET', url.pathname, query, bodyText, contentType);
    record(result.status, result.requestBody);
    send(res, result.status, result.body, result.warnings);
  }

  interface Result {
    status: number;
    body: unknown;
    warnings?: readonly string[];
    requestBody?: unknown;
  }

  function route(method: string, pathname: string, query: Record<string, string>, bodyText: string, contentType: string | undefined): Result {
    const parts = pathname.split('/').filter(Boolean);
    if (method === 'GET' && pathname === '/version') return ok(versionInfo(gitVersion));
    if (method === 'GET' && pathname === '/api') {
      return ok({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${port()}` }] });
    }
    if (method === 'GET' && pathname === '/apis') return ok(groupList());
    let groupVersion: string;
    let rest: string[];
    if (parts[0] === 'api' && parts[1] === 'v1') {
      groupVersion = 'v1';
      rest = parts.slice(2);
    } else if (parts[0] === 'apis' && parts.length >= 3) {
      groupVersion = `${parts[1]}/${parts[2]}`;
      rest = parts.slice(3);
    } else {
      return { status: 404, body: statusOf(404, 'the server could not find the requested resource', 'NotFound', {}) };
    }
    const served = types.filter((t) => groupVersionOf(t) === groupVersion);
    if (served.length === 0) return { status: 404, body: statusOf(404, 'the server could not find the requested resource', 'NotFound', {}) };
    if (rest.length === 0) {
      if (method !== 'GET') return { status: 405, body: methodNotAllowed() };
      return ok({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: apiResourcesOf(served) });
    }
    const target = resolveTarget(served, rest);
    if (!target) return { status: 404, body: statusOf(404, 'the server could not find the requested resource', 'NotFound', {}) };
    const { type, namespace, name, subresource } = target;

    if (method === 'GET' && name === undefined) {
      const denied = rbac('list', type, namespace, undefined);
      if (denied) return denied;
      return ok(list(type, namespace, query.labelSelector));
    }
    if (method === 'GET' && name !== undefined) {
      const denied = rbac('get', type, namespace, name);
      if (denied) return denied;
      const stored = store.get(keyOf(type, namespace, name));
      if (!stored) return { status: 404, body: notFound(type.plural, type.group, name) };
      if (subresource && subresource !== 'status') return { status: 404, body: statusOf(404, 'the server could not find the requested resource', 'NotFound', {}) };
      return ok(output(stored));
    }
    if (method === 'PATCH' && name !== undefined && !subresource) {
      return applyPatch(type, namespace, name, query, bodyText, contentType);
    }
    return { status: 405, body: methodNotAllowed() };
  }

  function resolveTarget(served: ResourceType[], rest: string[]): { type: ResourceType; namespace?: string; name?: string; subresource?: string } | undefined {
    const byPlural = (plural: string | undefined) => served.find((t) => t.plural === plural);
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const type = byPlural(rest[2]);
      if (type?.namespaced) return { type, namespace: rest[1], ...(rest[3] ? { name: rest[3] } : {}), ...(rest[4] ? { subresource: rest[4] } : {}) };
    }
    const type = byPlural(rest[0]);
    if (!type) return undefined;
    return { type, ...(rest[1] ? { name: rest[1] } : {}), ...(rest[2] ? { subresource: rest[2] } : {}) };
  }

  function list(type: ResourceType, namespace: string | undefined, labelSelector: string | undefined): Obj {
    const matches = labelMatcher(labelSelector);
    const items = [...store.values()]
      .filter((s) => s.type === type && (!namespace || s.object.metadata.namespace === namespace) && matches(s.object.metadata.labels ?? {}))
      .sort((a, b) => `${a.object.metadata.namespace ?? ''}/${a.object.metadata.name}`.localeCompare(`${b.object.metadata.namespace ?? ''}/${b.object.metadata.name}`))
      .map((s) => {
        const out = output(s);
        // Lists of built-in kinds carry kind/apiVersion once, on the list; custom resources keep them per item.
        if (type.model) {
          delete out.kind;
          delete out.apiVersion;
        }
        return out;
      });
    return { kind: `${type.kind}List`, apiVersion: groupVersionOf(type), metadata: { resourceVersion: String(resourceVersion) }, items };
  }

  function applyPatch(type: ResourceType, namespace: string | undefined, name: string, query: Record<string, string>, bodyText: string, contentType: string | undefined): Result {
    if (contentType !== 'application/apply-patch+yaml') {
      return { status: 415, body: statusOf(415, `the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml`, 'UnsupportedMediaType') };
    }
    const dryRun = query.dryRun === 'All';
    if (query.dryRun !== undefined && query.dryRun !== 'All') {
      return { status: 400, body: badRequest(`dryRun: Unsupported value: "${query.dryRun}": supported values: "All"`) };
    }
    const strict = (query.fieldValidation ?? 'Strict') === 'Strict';
    const document = parseDocument(bodyText, { uniqueKeys: false });
    const duplicate = parseDocument(bodyText, { uniqueKeys: true }).errors.find((e) => e.code === 'DUPLICATE_KEY');
    if (document.errors.length > 0) return { status: 400, body: badRequest(`error decoding YAML: ${document.errors[0]!.message}`) };
    const parsed: unknown = document.toJS();
    const patch = (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}) as Obj;
    if (duplicate && strict) {
      return { status: 400, body: badRequest(`error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:\n  ${duplicate.message.split('\n')[0]}`), requestBody: patch };
    }
    const fieldManager = query.fieldManager;
    if (!fieldManager) {
      return {
        status: 422,
        body: statusOf(422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', 'Invalid', {
          group: 'meta.k8s.io',
          kind: 'PatchOptions',
          causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
        }),
        requestBody: patch,
      };
    }
    const fail = (status: number, body: KubernetesStatus): Result => ({ status, body, requestBody: patch });
    if (patch.apiVersion !== groupVersionOf(type) || patch.kind !== type.kind) {
      return fail(400, badRequest(`the API version in the data (${patch?.apiVersion ?? ''}) does not match the expected API version (${groupVersionOf(type)})`));
    }
    if (patch.metadata?.name !== name) {
      return fail(400, badRequest(`the name of the object (${patch.metadata?.name ?? ''}) does not match the name on the URL (${name})`));
    }
    if (type.namespaced && patch.metadata?.namespace !== undefined && patch.metadata.namespace !== namespace) {
      return fail(400, badRequest('the namespace of the provided object does not match the namespace sent on the request'));
    }
    const key = keyOf(type, namespace, name);
    const stored = store.get(key);
    const denied = rbac('patch', type, namespace, name) ?? (stored ? undefined : rbac('create', type, namespace, name));
    if (denied) return { ...denied, requestBody: patch };

    // Typed conversion (structured-merge-diff) rejects fields the schema does not declare.
    if (type.model) {
      const unknown = undeclaredFields(type.model, patch);
      if (unknown.length > 0) {
        const where = `${namespace ? `${namespace}/` : '/'}${name}; ${groupVersionOf(type)}, Kind=${type.kind}`;
        const detail = unknown.length === 1 ? `${unknown[0]}: field not declared in schema` : `errors:\n${unknown.map((u) => `  ${u}: field not declared in schema`).join('\n')}`;
        const message = `failed to create typed patch object (${where}): ${detail}`;
        return options.schemaErrors === 'bad-request' ? fail(400, badRequest(message)) : fail(500, internalError(message));
      }
    }

    // Field ownership: conflicts with other managers unless forced.
    const live = stored?.object;
    const patchLeaves = leavesOf(patch);
    const conflicts: { manager: string; apiVersion: string; field: string }[] = [];
    if (stored) {
      for (const [p, leaf] of patchLeaves) {
        for (const [manager, set] of stored.owners) {
          if (manager === fieldManager || !set.has(p)) continue;
          if (JSON.stringify(valueAt(live, leaf.path)) !== JSON.stringify(leaf.value)) conflicts.push({ manager, apiVersion: groupVersionOf(type), field: p });
        }
      }
    }
    const force = query.force === 'true';
    if (conflicts.length > 0 && !force) return fail(409, applyConflict(conflicts));

    const owners = new Map([...(stored?.owners ?? new Map<string, Map<string, readonly Step[]>>()).entries()].map(([m, set]) => [m, new Map(set)]));
    if (force) for (const c of conflicts) owners.get(c.manager)?.delete(c.field);
    let merged: Obj = live ? clone(live) : { apiVersion: patch.apiVersion, kind: patch.kind, metadata: {} };
    for (const [p, steps] of owners.get(fieldManager) ?? new Map<string, readonly Step[]>()) {
      const sharedWithOthers = [...owners.entries()].some(([m, set]) => m !== fieldManager && set.has(p));
      if (!patchLeaves.has(p) && !sharedWithOthers) removeAt(merged, steps);
    }
    const body = clone(patch);
    delete body.status;
    merged = mergeApplied(merged, body) as Obj;
    merged.metadata = { ...merged.metadata, name, ...(type.namespaced ? { namespace } : {}) };
    delete merged.metadata.managedFields;
    owners.set(fieldManager, new Map([...patchLeaves].map(([p, leaf]) => [p, leaf.path])));

    // Admission: namespace lifecycle, validation, Pod Security, webhooks.
    if (type.namespaced && !store.has(`/namespaces//${namespace}`)) return fail(404, notFound('namespaces', '', namespace!));
    const causes = validateObject(type.kind, merged);
    if (causes.length > 0) return fail(422, invalid(type.kind, type.group, name, causes));
    const warnings: string[] = [];
    const template = type.kind === 'Pod' ? { spec: merged.spec } : podTemplateOf(type.kind, merged);
    if (podSecurity && template) {
      // Enforce applies to Pods only; pod controllers get the warn level as `Warning` headers.
      const labels = namespaceLabels(namespace);
      const enforce = levelOf(labels, ENFORCE_LABEL, podSecurity.enforce);
      const warn = levelOf(labels, WARN_LABEL, podSecurity.warn);
      if (type.kind === 'Pod') {
        const violations = podSecurityViolations(template.spec, enforce);
        if (violations.length > 0) return fail(403, forbidden(type.plural, type.group, name, `violates PodSecurity "${enforce}:latest": ${violations.join(', ')}`));
      }
      const warned = podSecurityViolations(template.spec, warn);
      if (warned.length > 0) warnings.push(`would violate PodSecurity "${warn}:latest": ${warned.join(', ')}`);
    }
    const verdict = options.admission?.({
      operation: stored ? 'UPDATE' : 'CREATE',
      group: type.group,
      version: type.version,
      kind: type.kind,
      resource: type.plural,
      ...(namespace ? { namespace } : {}),
      name,
      object: clone(merged),
      dryRun,
    });
    if (verdict && 'deny' in verdict) {
      const code = verdict.code && verdict.code >= 400 ? verdict.code : 400;
      return fail(code, statusOf(code, `admission webhook "${verdict.webhook ?? 'validate.policy.example.com'}" denied the request: ${verdict.deny}`, verdict.reason));
    }
    if (verdict && 'warnings' in verdict) warnings.push(...verdict.warnings);

    const finished = finish(type, merged, live, true, dryRun);
    if (live && live.status && finished.status === undefined) finished.status = live.status;
    const next: Stored = { type, object: finished, owners, operations: new Map(stored?.operations ?? []) };
    next.operations.set(fieldManager, 'Apply');
    if (!dryRun) store.set(key, next);
    return { status: stored ? 200 : 201, body: output(next), warnings, requestBody: patch };
  }

  function rbac(verb: ForbidRule['verb'], type: ResourceType, namespace: string | undefined, name: string | undefined): Result | undefined {
    const rule = (options.forbid ?? []).find(
      (r) => r.verb === verb && r.resource === type.plural && (!r.namespace || r.namespace === namespace) && (!r.name || r.name === name),
    );
    if (!rule) return undefined;
    const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
    const why = `User "baton-test" cannot ${verb} resource "${type.plural}" in API group "${type.group}" ${scope}`;
    return { status: 403, body: forbidden(type.plural, type.group, verb === 'list' ? '' : (name ?? ''), why) };
  }

  function groupList(): Obj {
    const groups = new Map<string, string[]>();
    for (const type of types) {
      if (type.group === '') continue;
      const versions = groups.get(type.group) ?? [];
      if (!versions.includes(type.version)) versions.push(type.version);
      groups.set(type.group, versions);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups.entries()].map(([name, versions]) => ({
        name,
        versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
    };
  }

  function port(): number {
    return (server.address() as AddressInfo).port;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${port()}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-kube-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig.yaml');
  await writeFile(kubeconfigPath, kubeconfigFor(url, contextName, token, options.defaultNamespace ?? 'default'));

  function find(kind: string, name: string, namespace?: string): Stored | undefined {
    return [...store.values()].find((s: Stored) => s.type.kind === kind && s.object.metadata.name === name && (!s.type.namespaced || s.object.metadata.namespace === namespace));
  }

  return {
    url,
    kubeconfigPath,
    contextName,
    token,
    requests,
    objects(filter = {}) {
      return [...store.values()]
        .filter((s) => (!filter.kind || s.type.kind === filter.kind) && (!filter.namespace || s.object.metadata.namespace === filter.namespace))
        .map((s) => output(s));
    },
    object(kind, name, namespace) {
      const stored = find(kind, name, namespace);
      return stored ? output(stored) : undefined;
    },
    setRolloutProgress(namespace, name, progress) {
      const kinds = progress.kind ? [progress.kind] : ['Deployment', 'StatefulSet', 'DaemonSet'];
      const stored = kinds.map((kind) => find(kind, name, namespace)).find(Boolean);
      if (!stored) throw new Error(`setRolloutProgress: no Deployment, StatefulSet or DaemonSet ${namespace}/${name}`);
      stored.object = {
        ...stored.object,
        metadata: { ...stored.object.metadata, resourceVersion: String(++resourceVersion) },
        status: progressedStatus(stored.type.kind, stored.object, progress, nodeCount()),
      };
    },
    update(manager, object) {
      seed(object, manager);
    },
    remove(kind, name, namespace) {
      const stored = find(kind, name, namespace);
      if (stored) store.delete(keyOf(stored.type, namespace, name));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function ok(body: unknown): { status: number; body: unknown } {
  return { status: 200, body };
}

function send(res: ServerResponse, status: number, body: unknown, warnings: readonly string[] = []): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  // RFC 7234 warn-code 299 with the agent `-`, one header per warning, as the API server sends them.
  if (warnings.length > 0) res.setHeader('Warning', warnings.map((w) => `299 - ${JSON.stringify(w)}`));
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function withoutMetaStatus(object: Obj): Obj {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}

function fullVersion(version: string): string {
  if (/^v\d+\.\d+\.\d+/.test(version)) return version;
  if (/^\d+\.\d+$/.test(version)) return `v${version}.0`;
  throw new Error(`startKubernetesApiServer: version must look like 1.34 or v1.34.2, got ${version}`);
}

function versionInfo(gitVersion: string): Obj {
  const [, major, minor] = /^v(\d+)\.(\d+)/.exec(gitVersion)!;
  return {
    major: major!,
    minor: minor!,
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.24.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function labelMatcher(selector: string | undefined): (labels: Record<string, string>) => boolean {
  if (!selector) return () => true;
  const terms = selector.split(',').map((term) => term.trim()).filter(Boolean);
  return (labels) =>
    terms.every((term) => {
      const neq = /^([^!=]+)!=(.*)$/.exec(term);
      if (neq) return labels[neq[1]!.trim()] !== neq[2]!.trim();
      const eq = /^([^=]+)==?(.*)$/.exec(term);
      if (eq) return labels[eq[1]!.trim()] === eq[2]!.trim();
      if (term.startsWith('!')) return !(term.slice(1) in labels);
      return term in labels;
    });
}

function kubeconfigFor(url: string, context: string, token: string, namespace: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context, cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name: `${context}-user`, user: { token } }],
    contexts: [{ name: context, context: { cluster: context, user: `${context}-user`, namespace } }],
    'current-context': context,
    preferences: {},
  });
}
