type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** PathId.canonicalPath (reference §5): relative ids are appended to the base, `..` climbs. */
export function canonicalId(id: string, base: string): string {
  const segments = (id.startsWith('/') ? id : `${base}/${id}`).split('/').filter(Boolean);
  const result: string[] = [];
  for (const segment of segments) {
    if (segment === '..') result.pop();
    else if (segment !== '.') result.push(segment);
  }
  return `/${result.join('/')}`;
}

const byId = (a: Json, b: Json) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

/** A pod in a group response is a PodStatus with the definition under `spec` (§2.1, §9.3). */
function asPodStatus(pod: Json, id: string): Json {
  if (isObject(pod.spec)) return { ...pod, id, spec: { ...pod.spec, id } };
  const since = typeof pod.version === 'string' ? pod.version : '2021-01-01T00:00:00.000Z';
  return { id, spec: { ...pod, id }, status: 'STABLE', statusSince: since, instances: [], lastUpdated: since, lastChanged: since };
}

/** The stored group tree with absolute ids, as Marathon answers it, plus indexes by id. */
export class MarathonTree {
  readonly root: Json;
  readonly groups = new Map<string, Json>();
  readonly apps: Json[] = [];
  readonly pods: Json[] = [];

  /**
   * `extraPods`: pods kept beside the tree (a snapshot's `marathon.pods`, read from `/v2/pods/::status`
   * where the groups carried none), placed into the group their id names.
   */
  constructor(root: Json, extraPods: readonly unknown[] = []) {
    this.root = this.group(root, '/');
    for (const pod of extraPods.filter(isObject)) this.place(pod);
    // list endpoints answer in a stable order: by id
    this.apps.sort(byId);
    this.pods.sort(byId);
  }

  private group(group: Json, parent: string): Json {
    const id = typeof group.id === 'string' ? canonicalId(group.id, parent) : parent;
    // Marathon stores (and answers) app ids and dependencies resolved against the group (GroupNormalization.visitApp)
    const apps = list(group.apps)
      .filter(isObject)
      .map((app) => ({
        ...app,
        id: canonicalId(String(app.id ?? ''), id),
        ...(Array.isArray(app.dependencies) ? { dependencies: app.dependencies.map((dependency) => canonicalId(String(dependency), id)) } : {}),
      }));
    const pods = list(group.pods)
      .filter(isObject)
      .map((pod) => asPodStatus(pod, canonicalId(String((isObject(pod.spec) ? pod.spec.id : pod.id) ?? ''), id)));
    const groups = list(group.groups)
      .filter(isObject)
      .map((child) => this.group(child, id));
    this.apps.push(...apps);
    this.pods.push(...pods);
    const normalized: Json = {
      ...group,
      id,
      apps,
      pods,
      groups,
      dependencies: list(group.dependencies).map((dependency) => canonicalId(String(dependency), id)),
      version: group.version ?? '2021-01-01T00:00:00.000Z',
    };
    this.groups.set(id, normalized);
    return normalized;
  }

  private place(pod: Json): void {
    const id = canonicalId(String((isObject(pod.spec) ? pod.spec.id : pod.id) ?? ''), '/');
    if (id === '/' || this.pods.some((known) => known.id === id)) return;
    const status = asPodStatus(pod, id);
    (this.ensureGroup(id.slice(0, id.lastIndexOf('/')) || '/').pods as Json[]).push(status);
    this.pods.push(status);
    this.pods.sort(byId);
  }

  /** Marathon creates the groups of a path implicitly; so does the fake. */
  private ensureGroup(id: string): Json {
    const known = this.groups.get(id);
    if (known) return known;
    const parent = this.ensureGroup(id.slice(0, id.lastIndexOf('/')) || '/');
    const group: Json = { id, apps: [], pods: [], groups: [], dependencies: [], version: parent.version };
    (parent.groups as Json[]).push(group);
    this.groups.set(id, group);
    return group;
  }

  app(id: string): Json | undefined {
    return this.apps.find((app) => app.id === id);
  }

  pod(id: string): Json | undefined {
    return this.pods.find((pod) => pod.id === id);
  }

  /**
   * GroupInfo with embed semantics (§2.1): no `embed` means apps, pods and groups; otherwise only
   * what is asked for, recursively. Unknown embeds are ignored. `withPods: false` is the legacy
   * GroupInfo (§8: up to 1.4 the same minus `pods`), whatever the embeds.
   */
  view(group: Json, embeds: readonly string[], withPods = true): Json {
    const all = embeds.length === 0;
    const apps = all || embeds.some((embed) => embed.startsWith('group.apps'));
    const pods = withPods && (all || embeds.includes('group.pods'));
    const groups = all || embeds.includes('group.groups');
    const { apps: storedApps, pods: storedPods, groups: storedGroups, ...rest } = group;
    return {
      id: rest.id,
      ...(apps ? { apps: storedApps } : {}),
      ...(pods ? { pods: storedPods } : {}),
      ...(groups ? { groups: list(storedGroups).map((child) => this.view(child as Json, embeds, withPods)) } : {}),
      ...rest,
    };
  }
}
