// Whole inputs for `migrate plan`: every document shape the reader accepts (a /v2/groups tree with
// PodStatus pods, {"apps": […]}, a list, one app, one pod, {"app": …}, a Baton snapshot), deep
// group chains, junk items, and unknown fields placed where Marathon's keys are fixed (§8 groups).
import fc from 'fast-check';
import { appArbitraries } from './marathon-app.js';
import { podArbitraries, podStatus } from './marathon-pod.js';
import { hostileString, text } from './strings.js';
import { APP_OBJECTS, injectUnknownFields, POD_OBJECTS, UNKNOWN_KEYS, type Injection } from './unknown-fields.js';
import { createKit } from './values.js';

type Json = Record<string, unknown>;

export type EstateShape = 'groups' | 'snapshot' | 'apps-list' | 'array' | 'app' | 'pod' | 'app-wrapper' | 'deep-chain';

/** One app or pod placed in the document, with the unknown fields injected into it. */
export interface PlacedItem {
  /** JSON pointer of the item in the document. */
  readonly pointer: string;
  readonly kind: 'app' | 'pod' | 'pod-status' | 'junk';
  /** Pointers of injected unknown fields, relative to the item (a PodStatus's are under `/spec`). */
  readonly unknown: readonly string[];
}

export interface GeneratedEstate {
  readonly shape: EstateShape;
  /** Only values Marathon accepts were drawn (unknown fields aside). */
  readonly strict: boolean;
  /** The input, as JSON text. */
  readonly text: string;
  /** Every element of an `apps`/`pods` list (or of the top-level list): each must become a workload or a finding. */
  readonly items: readonly PlacedItem[];
  /** Elements of `groups` lists that are not objects: each must become a finding. */
  readonly junkGroups: number;
  /** Unknown keys injected into groups, as pointers from the group tree's root: each must be a finding. */
  readonly groupUnknown?: readonly string[];
}

interface RawItem {
  readonly kind: 'app' | 'pod' | 'pod-status' | 'junk';
  readonly value: unknown;
  readonly injections: readonly Injection[];
}

interface RawGroup {
  readonly id: unknown;
  readonly apps: readonly RawItem[];
  readonly pods: readonly RawItem[];
  readonly groups: readonly (RawGroup | { junk: unknown })[];
  readonly extra: Json;
  /** Keys no group has (typos such as `aps`, fields of apps put on a group). */
  readonly unknown: readonly Injection[];
  /** `apps` written as one object instead of a list. */
  readonly appsAsObject: boolean;
}

/** Keys that are no group field (§8). */
const GROUP_UNKNOWN_KEYS = ['aps', 'app', 'pod', 'labels', 'env', 'instances', 'futureField', '__proto__', 'constructor', 'Apps', ''];

const injections: fc.Arbitrary<readonly Injection[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc.array(fc.record({ slot: fc.nat(), key: fc.constantFrom(...UNKNOWN_KEYS), value: fc.jsonValue({ maxDepth: 1 }) }), { minLength: 1, maxLength: 3 }),
  },
);

const CAPTURED = '2025-01-01T00:00:00.000Z';

class Builder {
  readonly items: PlacedItem[] = [];
  readonly groupUnknown: string[] = [];
  junkGroups = 0;

  /** `root`: pointer of the group tree in the document (a snapshot's is /marathon/groups). */
  constructor(private readonly root = '') {}

  item(raw: RawItem, pointer: string): unknown {
    if (raw.kind === 'junk') {
      this.items.push({ pointer, kind: 'junk', unknown: [] });
      return raw.value;
    }
    // a copy: fast-check may hand the same constant object to several places
    const definition = JSON.parse(JSON.stringify(raw.value)) as Json;
    const unknown = injectUnknownFields(definition, raw.kind === 'app' ? APP_OBJECTS : POD_OBJECTS, raw.injections);
    if (raw.kind === 'pod-status') {
      this.items.push({ pointer, kind: 'pod-status', unknown: unknown.map((p) => `/spec${p}`) });
      return podStatus(definition);
    }
    this.items.push({ pointer, kind: raw.kind, unknown });
    return definition;
  }

  group(raw: RawGroup, pointer: string): Json {
    const out: Json = { id: raw.id, ...raw.extra };
    for (const { key, value } of raw.unknown) {
      if (Object.prototype.hasOwnProperty.call(out, key) || ['apps', 'pods', 'groups'].includes(key)) continue;
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.groupUnknown.push(`${pointer.slice(this.root.length)}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    if (raw.appsAsObject && raw.apps[0] !== undefined && raw.apps[0].kind !== 'junk') {
      // one app where a list belongs: Marathon rejects it; the reader must say so, not drop it
      this.items.push({ pointer: `${pointer}/apps`, kind: 'junk', unknown: [] });
      out.apps = JSON.parse(JSON.stringify(raw.apps[0]!.value));
    } else out.apps = raw.apps.map((item, index) => this.item(item, `${pointer}/apps/${index}`));
    out.pods = raw.pods.map((item, index) => this.item(item, `${pointer}/pods/${index}`));
    out.groups = raw.groups.map((child, index) => {
      if ('junk' in child) {
        this.junkGroups += 1;
        return child.junk;
      }
      return this.group(child, `${pointer}/groups/${index}`);
    });
    return out;
  }
}

/** Inputs of every shape; `strict` draws only values Marathon accepts (so every object must validate). */
export function marathonEstate(options: { strict: boolean }): fc.Arbitrary<GeneratedEstate> {
  const { strict } = options;
  const k = createKit(strict);
  const app = appArbitraries(k);
  const pod = podArbitraries(k, app);

  /** Ids of apps and pods inside a group: often relative to it. */
  const memberId: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 3, arbitrary: app.segment },
    { weight: 2, arbitrary: app.pathId },
    { weight: 1, arbitrary: fc.constantFrom('./local', '../up', '../../../../escape') },
  );
  const appItem = (id: fc.Arbitrary<unknown> = memberId): fc.Arbitrary<RawItem> => fc.record({ kind: fc.constant('app' as const), value: app.marathonApp({ id }), injections });
  const podItem = (id: fc.Arbitrary<unknown> = memberId): fc.Arbitrary<RawItem> =>
    fc.record({ kind: fc.constantFrom('pod' as const, 'pod-status' as const), value: pod.marathonPod({ id }), injections });
  const junkItem: fc.Arbitrary<RawItem> = fc.record({
    kind: fc.constant('junk' as const),
    value: fc.oneof(fc.constant(null), fc.integer(), hostileString, fc.constant([]), fc.constant({}), fc.constant({ id: 1 }), fc.constant({ cmd: 'no id' })),
    injections: fc.constant([]),
  });
  const junkWeight = strict ? [] : [{ weight: 1, arbitrary: junkItem }];
  const member = fc.oneof({ weight: 6, arbitrary: appItem() }, { weight: 3, arbitrary: podItem() }, ...junkWeight);

  const groupExtra: fc.Arbitrary<Json> = fc.record(
    { dependencies: k.field(fc.array(app.pathId, { maxLength: 2 })), version: fc.constant(CAPTURED), enforceRole: k.bool },
    { requiredKeys: [] },
  );
  const group = (depth: number): fc.Arbitrary<RawGroup> => {
    const junkGroup = strict ? [] : [{ weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.integer(), text).map((junk) => ({ junk })) }];
    const children: fc.Arbitrary<readonly (RawGroup | { junk: unknown })[]> =
      depth === 0 ? fc.constant([]) : fc.array(fc.oneof({ weight: 8, arbitrary: group(depth - 1) }, ...junkGroup), { maxLength: 2 });
    return fc.record({
      id: fc.oneof({ weight: 6, arbitrary: app.segment }, { weight: 3, arbitrary: app.pathId }),
      apps: fc.array(member, { maxLength: 2 }),
      pods: fc.array(fc.oneof(podItem(), ...junkWeight), { maxLength: 1 }),
      groups: children,
      extra: groupExtra,
      unknown: fc.oneof(
        { weight: 8, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.record({ slot: fc.constant(0), key: fc.constantFrom(...GROUP_UNKNOWN_KEYS), value: fc.jsonValue({ maxDepth: 1 }) }), { minLength: 1, maxLength: 2 }) },
      ),
      appsAsObject: strict ? fc.constant(false) : fc.integer({ min: 0, max: 14 }).map((draw) => draw === 0),
    });
  };
  const root = (depth: number) => group(depth).map((raw) => ({ ...raw, id: '/' }));

  /** A /v2/info that names facts the reader uses (§2.1). */
  const info = fc.record(
    {
      name: fc.constant('marathon'),
      version: k.field(fc.constantFrom('1.10.17', '1.4.0', '1.11.0-SNAPSHOT', '0.15.0')),
      marathon_config: k.field(
        fc.record(
          {
            default_network_name: k.field(fc.constantFrom('dcos', 'calico')),
            env_vars_prefix: k.field(fc.constantFrom('', 'MARATHON_', 'X_')),
            mesos_role: k.field(fc.constantFrom('*', 'slave_public')),
            mesos_bridge_name: k.field(fc.constantFrom('mesos-bridge')),
            local_port_min: k.field(fc.constant(10_000)),
            local_port_max: k.field(fc.constant(20_000)),
            features: k.field(fc.array(fc.constantFrom('vips', 'secrets', 'gpu_resources', 'external_volumes'), { maxLength: 3 })),
          },
          { requiredKeys: [] },
        ),
      ),
      zookeeper_config: fc.constant({ zk: 'zk://zk-1:2181/marathon' }),
    },
    { requiredKeys: ['name'] },
  );

  const estate = (shape: EstateShape, builder: Builder, document: unknown): GeneratedEstate => ({
    shape,
    strict,
    text: JSON.stringify(document),
    items: builder.items,
    junkGroups: builder.junkGroups,
    groupUnknown: builder.groupUnknown,
  });

  return fc.oneof(
    {
      weight: 6,
      arbitrary: root(2).map((raw) => {
        const builder = new Builder();
        return estate('groups', builder, builder.group(raw, ''));
      }),
    },
    {
      weight: 2,
      // a Baton snapshot (`migrate capture`) with /v2/info, in-flight deployments and queued apps
      arbitrary: fc
        .record({ tree: root(2), info: fc.option(info, { nil: null }), deployments: fc.array(app.pathId, { maxLength: 2 }), queued: fc.array(app.pathId, { maxLength: 2 }) })
        .map(({ tree, info: infoDocument, deployments, queued }) => {
          const builder = new Builder('/marathon/groups');
          const groups = builder.group(tree, '/marathon/groups');
          return estate('snapshot', builder, {
            snapshotVersion: 'baton.dev/marathon-snapshot/v1',
            capturedAt: '2026-01-01T00:00:00.000Z',
            source: { url: 'http://marathon.invalid:8080', auth: 'none' },
            marathon: {
              version: typeof infoDocument?.version === 'string' ? infoDocument.version : null,
              info: infoDocument,
              groups,
              deployments: deployments.map((id, index) => ({ id: `deployment-${index}`, version: CAPTURED, affectedApps: [id], affectedPods: [], steps: [], currentActions: [], currentStep: 1, totalSteps: 1 })),
              queue: { queue: queued.map((id) => ({ app: { id }, count: 1, delay: { timeLeftSeconds: 0, overdue: true }, since: CAPTURED })) },
            },
          });
        }),
    },
    {
      weight: 1,
      arbitrary: fc.array(appItem(app.pathId), { minLength: 1, maxLength: 4 }).map((apps) => {
        const builder = new Builder();
        return estate('apps-list', builder, { apps: apps.map((item, index) => builder.item(item, `/apps/${index}`)) });
      }),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(appItem(app.pathId), podItem(app.pathId)), { minLength: 1, maxLength: 4 }).map((list) => {
        const builder = new Builder();
        return estate('array', builder, list.map((item, index) => builder.item({ ...item, kind: item.kind === 'pod-status' ? 'pod' : item.kind }, `/${index}`)));
      }),
    },
    {
      weight: 1,
      arbitrary: appItem(app.pathId).map((item) => {
        const builder = new Builder();
        return estate('app', builder, builder.item(item, ''));
      }),
    },
    {
      weight: 1,
      arbitrary: podItem(app.pathId).map((item) => {
        const builder = new Builder();
        return estate('pod', builder, builder.item({ ...item, kind: 'pod' }, ''));
      }),
    },
    {
      weight: 1,
      arbitrary: appItem(app.pathId).map((item) => {
        const builder = new Builder();
        return estate('app-wrapper', builder, { app: builder.item(item, '/app') });
      }),
    },
    {
      weight: 1,
      // deep groups: a chain of 5 to 60 nested groups with one app or pod at the bottom (long ids and names)
      arbitrary: fc.tuple(fc.integer({ min: 5, max: 60 }), fc.oneof(appItem(app.segment), podItem(app.segment)), fc.boolean()).map(([depth, item, relative]) => {
        const builder = new Builder();
        let pointer = '';
        const chain: Json = { id: '/', apps: [], pods: [], groups: [] };
        let current = chain;
        const segments: string[] = [];
        for (let level = 0; level < depth; level += 1) {
          segments.push(`level-${level}`);
          const child: Json = { id: relative ? `level-${level}` : `/${segments.join('/')}`, apps: [], pods: [], groups: [] };
          (current.groups as Json[]).push(child);
          pointer += '/groups/0';
          current = child;
        }
        const list = item.kind === 'app' ? 'apps' : 'pods';
        (current[list] as unknown[]).push(builder.item(item, `${pointer}/${list}/0`));
        return estate('deep-chain', builder, chain);
      }),
    },
  );
}
