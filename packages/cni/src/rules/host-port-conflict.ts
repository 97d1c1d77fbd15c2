import { defineChecker, type Workload } from '@baton/core';
import { resolveCniOptions, type ResolvedCniOptions } from '../cni-options.js';
import { fixedHostPorts } from '../network-needs.js';

const HOSTNAME_FIELDS = new Set(['hostname', '@hostname']);

/** The single node a workload is pinned to by a `hostname CLUSTER <value>` or `hostname IS <value>` constraint. */
function pinnedHost(workload: Workload): string | undefined {
  const pin = workload.placement.constraints.find(
    (c) => HOSTNAME_FIELDS.has(c.field) && (c.operator === 'CLUSTER' || c.operator === 'IS') && typeof c.value === 'string' && c.value.length > 0,
  );
  return pin?.value;
}

function spreadsByHostname(workload: Workload): boolean {
  return workload.placement.constraints.some(
    (c) => HOSTNAME_FIELDS.has(c.field) && (c.operator === 'UNIQUE' || (c.operator === 'MAX_PER' && c.value === '1')),
  );
}

interface PortUser {
  readonly workload: Workload;
  readonly replicas: number;
  readonly host: string | undefined;
}

interface HostGroup {
  readonly users: PortUser[];
  replicas: number;
}

/** The workloads fixing one host port, with replica totals, so each check is O(1) in the number of users. */
interface PortUsers {
  readonly byId: Map<string, PortUser>;
  /** Users not pinned to a node. */
  readonly unpinned: HostGroup;
  /** Users pinned to one node, by node. */
  readonly byHost: Map<string, HostGroup>;
  /** Replicas of all users. */
  replicas: number;
}

type HostPortIndex = Map<string, PortUsers>;

// The check runs once per workload; build the estate-wide index of fixed host ports once per model and options.
const indexCache = new WeakMap<object, Map<string, HostPortIndex>>();

function hostPortIndex(workloads: readonly Workload[], options: ResolvedCniOptions, model: object): HostPortIndex {
  const optionsKey = `${options.hostNetwork}|${options.hostPorts}`;
  let byOptions = indexCache.get(model);
  if (!byOptions) indexCache.set(model, (byOptions = new Map()));
  const cached = byOptions.get(optionsKey);
  if (cached) return cached;
  const index: HostPortIndex = new Map();
  for (const workload of workloads) {
    for (const { hostPort, protocol } of fixedHostPorts(workload, options)) {
      const portKey = `${hostPort}/${protocol}`;
      let users = index.get(portKey);
      if (!users) index.set(portKey, (users = { byId: new Map(), unpinned: { users: [], replicas: 0 }, byHost: new Map(), replicas: 0 }));
      if (users.byId.has(workload.id)) continue;
      const user: PortUser = { workload, replicas: workload.replicas, host: pinnedHost(workload) };
      users.byId.set(workload.id, user);
      let group = user.host === undefined ? users.unpinned : users.byHost.get(user.host);
      if (!group) users.byHost.set(user.host!, (group = { users: [], replicas: 0 }));
      group.users.push(user);
      group.replicas += user.replicas;
      users.replicas += user.replicas;
    }
  }
  byOptions.set(optionsKey, index);
  return index;
}

/** Messages name a few of the other workloads: a port shared by thousands must not make every finding list them all. */
const LISTED = 5;

/** The first few ids (in model order) of users other than `exclude` that `include` accepts, and how many more there are. */
function listIds(users: Iterable<PortUser>, exclude: string, count: number, include: (user: PortUser) => boolean = () => true): string {
  const ids: string[] = [];
  for (const user of users) {
    if (ids.length === LISTED) break;
    if (user.workload.id !== exclude && include(user)) ids.push(user.workload.id);
  }
  return count > ids.length ? `${ids.join(', ')} and ${count - ids.length} more` : ids.join(', ');
}

export const hostPortConflict = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/host-port-conflict',
    description: 'A fixed host port collides with a port the platform reserves, with another workload\'s, or with the workload\'s own replicas and rollout surge.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: {
      reserved: 'Host port {{hostPort}}/{{protocol}} is reserved on {{target}} (built-in ingress or service load balancer), so the pod will not schedule.',
      shared: 'Host port {{hostPort}}/{{protocol}} is also fixed by {{others}}; their {{replicas}} pods need {{replicas}} different nodes with the port free.',
      pinnedTogether: 'Host port {{hostPort}}/{{protocol}} is also fixed by {{others}}, pinned to the same node {{host}}; only one of them can run.',
      surge: 'Host port {{hostPort}}/{{protocol}} with {{replicas}} replicas and no UNIQUE hostname constraint: each replica, and each extra pod during a rolling update, needs its own node with the port free.',
    },
    hint: 'Prefer Services over fixed host ports; otherwise give the workload podAntiAffinity on kubernetes.io/hostname, a rolling update with maxSurge 0, and enough nodes.',
    docs: `## Marathon

A fixed host port (\`portMappings[].hostPort\` or a host-mode port with \`requirePorts\`) comes from the agent's \`ports\` resource, so Mesos never placed two tasks that needed the same port on one agent. Marathon apps often spread with \`constraints: [["hostname", "UNIQUE"]]\` so that each instance had its own agent.

## Kubernetes

The scheduler also keeps pods that need the same \`hostPort\` (or \`hostNetwork\` port) apart, so the same rules hold, with three traps:

- Platform reservations: k3s ServiceLB and Traefik take 80 and 443 on every node ("ports 80 and 443 will not be usable for other HostPort or NodePort pods"), as does RKE2's ingress-nginx. A pod asking for those ports never schedules.
- Capacity: all workloads sharing a fixed port together need as many nodes as they have replicas. Workloads pinned to the same node with \`hostname CLUSTER\` can never both run.
- Rollouts: a Deployment's rolling update starts a new pod before stopping an old one (\`maxSurge\`), which needs a spare node with the port free. Without \`UNIQUE hostname\` there was no sign that the app was planned for one node per replica.

Ports count when they stay on the node: bridge/container host ports (unless the plugin option \`hostPorts\` is \`drop\`) and host-mode ports of apps that need host networking (see \`cni/host-network-restricted\`).

## What to do

- Move clients to a Service and drop the host port.
- Otherwise add \`podAntiAffinity\` on \`kubernetes.io/hostname\`, set \`maxSurge: 0\` on the Deployment, and make sure enough nodes exist.
- Choose another port on k3s/RKE2, or disable the built-in ingress/ServiceLB.`,
  },
  appliesTo: (workload) => workload.containers.some((c) => c.ports.length > 0),
  check(ctx) {
    const options = resolveCniOptions(ctx.options);
    const ports = fixedHostPorts(ctx.workload, options);
    if (ports.length === 0) return;
    const reserved = new Set(ctx.target.reservedHostPorts ?? []);
    const index = hostPortIndex(ctx.model.workloads, options, ctx.model);
    const reported = new Set<string>();
    for (const { hostPort, protocol, port } of ports) {
      const portKey = `${hostPort}/${protocol}`;
      if (reported.has(portKey)) continue;
      reported.add(portKey);
      const base = { hostPort, protocol, target: ctx.target.id };
      if (reserved.has(hostPort)) {
        ctx.report({ messageId: 'reserved', pointer: port.pointer, data: base });
        continue;
      }
      // others = every other user that may share a node with this workload: unpinned ones, and those pinned where it is
      const users = index.get(portKey);
      if (!users) continue; // not reachable: the index holds this workload's own fixed ports
      const self = users.byId.get(ctx.workload.id);
      const selfReplicas = self?.replicas ?? 0;
      const host = pinnedHost(ctx.workload);
      const sameHost = host === undefined ? undefined : users.byHost.get(host);
      const pinnedWithMe = sameHost ? sameHost.users.length - (self ? 1 : 0) : 0;
      let othersCount: number;
      let othersReplicas: number;
      if (host === undefined) {
        othersCount = users.byId.size - (self ? 1 : 0);
        othersReplicas = users.replicas - selfReplicas;
      } else {
        othersCount = users.unpinned.users.length + pinnedWithMe;
        othersReplicas = users.unpinned.replicas + (sameHost?.replicas ?? 0) - selfReplicas;
      }
      if (pinnedWithMe > 0) {
        ctx.report({ messageId: 'pinnedTogether', pointer: port.pointer, data: { ...base, host, others: listIds(sameHost!.users, ctx.workload.id, pinnedWithMe) } });
      } else if (othersCount > 0) {
        const replicas = ctx.workload.replicas + othersReplicas;
        const mayShare = (user: PortUser) => host === undefined || user.host === undefined || user.host === host;
        ctx.report({ messageId: 'shared', pointer: port.pointer, data: { ...base, others: listIds(users.byId.values(), ctx.workload.id, othersCount, mayShare), replicas } });
      } else if (ctx.workload.replicas > 1 && !spreadsByHostname(ctx.workload)) {
        ctx.report({ messageId: 'surge', pointer: port.pointer, data: { ...base, replicas: ctx.workload.replicas } });
      }
    }
  },
});
