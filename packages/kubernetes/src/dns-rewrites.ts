// The service-discovery rewrite table: every name Marathon clients used to find a workload
// (Mesos-DNS, DC/OS DNS, VIPs, marathon-lb service ports) → its cluster DNS name, and the rewrite
// of those names in every command, argument and environment value of the plan.
import type { Container, Workload } from '@baton/core';
import type { BuiltWorkload } from './build-workload.js';
import type { Report } from './context.js';
import type { K8sContainer } from './k8s-types.js';
import type { NamedWorkload } from './assign-names.js';
import type { VipService } from './map-vips.js';
import { idSegments } from './names.js';

export const DNS_REWRITES_JSON = 'dns-rewrites.json';
export const DNS_REWRITES_MD = 'dns-rewrites.md';

export type DnsEntryKind = 'mesos-dns' | 'mesos-dns-srv' | 'dcos-dns' | 'vip' | 'marathon-lb';

/** Conventions the reference could not confirm ([?] in marathon-api.md); DNS_ASSUMPTIONS says what each one assumes. */
export type DnsAssumption = 'task-name' | 'dcos-name-variant' | 'vip-slash';

export const DNS_ASSUMPTIONS: Readonly<Record<DnsAssumption, string>> = {
  'task-name':
    'The Mesos-DNS task name of an app is its path reversed, joined with "-" as DC/OS documents it (/prod/web/fe → fe-web-prod) or with "." as Mesos-DNS without RFC 952 names keeps it (fe.web.prod); marathon-api.md §5 [?].',
  'dcos-name-variant': 'DC/OS agentip and autoip names follow the containerip convention (rewritten, not listed), marathon-api.md §10.4 [?].',
  'vip-slash': 'A VIP name with "/" inside is reached with the slashes removed (/prod/db → proddb.marathon.l4lb…), marathon-api.md §10.4 [?].',
};

export interface DnsEntry {
  readonly workload: string;
  readonly kind: DnsEntryKind;
  /** Old name, with `:<port>` when the port is part of the address. */
  readonly old: string;
  /** New name; absent when the workload has no Service. */
  readonly new?: string;
  /** Set when the old name follows a convention the reference could not confirm. */
  readonly assumption?: DnsAssumption;
}

export interface DnsRewrite {
  readonly workload: string;
  readonly container: string;
  /** `env NAME`, `args` or `command`. */
  readonly field: string;
  readonly old: string;
  readonly new: string;
}

export interface DnsRewriteTable {
  readonly clusterDomain: string;
  readonly entries: readonly DnsEntry[];
  readonly rewrites: readonly DnsRewrite[];
}

export interface DnsInput {
  readonly workload: Workload;
  readonly names: NamedWorkload;
  readonly built: BuiltWorkload;
  readonly report: Report;
}

/** Mesos-DNS task name: the app path reversed and joined with `-` (`/prod/web/fe` → `fe-web-prod`), an assumption. */
export function mesosTaskName(id: string, separator: '-' | '.' = '-'): string {
  return idSegments(id).reverse().join(separator).toLowerCase();
}

interface Target {
  readonly workload: string;
  /** New host (`web.prod.svc.cluster.local`), absent without a Service. */
  readonly host?: string;
  /** Old port → new port. */
  readonly ports: ReadonlyMap<number, number>;
  /** New SRV name per protocol (`_http._tcp.web.prod.svc.cluster.local`). */
  readonly srv?: ReadonlyMap<string, string>;
}

/** Builds the estate's table, then rewrites every container of every workload with it. */
export function rewriteServiceDiscovery(inputs: readonly DnsInput[], vips: readonly VipService[], clusterDomain: string): DnsRewriteTable {
  const entries: DnsEntry[] = [];
  const tasks = new Map<string, Target[]>();
  const namedVips = new Map<string, Target[]>();
  const lbPorts = new Map<number, Target[]>();
  const ipVips = new Map<string, Target[]>();
  const add = (map: Map<string, Target[]> | Map<number, Target[]>, key: string | number, target: Target) => {
    const list = (map as Map<string | number, Target[]>).get(key);
    if (list) list.push(target);
    else (map as Map<string | number, Target[]>).set(key, [target]);
  };

  for (const { workload, names, built } of inputs) {
    const service = built.servicePlan.service?.metadata.name;
    const host = service ? `${service}.${names.namespace}.svc.${clusterDomain}` : undefined;
    const ports = new Map<number, number>();
    const srv = new Map<string, string>();
    if (service) {
      const map = (old: number | undefined, port: number) => {
        if (old !== undefined && !ports.has(old)) ports.set(old, port);
      };
      for (const info of built.servicePlan.ports) {
        map(info.port, info.port);
        map(info.servicePort, info.port);
        map(info.containerPort, info.port);
        const protocol = info.protocol.toLowerCase();
        if (!srv.has(protocol)) srv.set(protocol, `_${info.name}._${protocol}.${host}`);
      }
      for (const planned of built.ports.all) {
        const info = built.servicePlan.ports.find((candidate) => candidate.index === planned.index);
        if (planned.fixedHostPort && info && !ports.has(planned.fixedHostPort)) ports.set(planned.fixedHostPort, info.port);
      }
    }
    const target: Target = host ? { workload: workload.id, host, ports, srv } : { workload: workload.id, ports };
    const task = mesosTaskName(workload.id);
    const dotted = mesosTaskName(workload.id, '.');
    add(tasks, task, target);
    if (dotted !== task) add(tasks, dotted, target);
    const named = (kind: DnsEntryKind, old: string, replacement = host) => {
      entries.push(replacement ? { workload: workload.id, kind, old, new: replacement, assumption: 'task-name' } : { workload: workload.id, kind, old, assumption: 'task-name' });
    };
    named('mesos-dns', `${task}.marathon.mesos`);
    if (dotted !== task) named('mesos-dns', `${dotted}.marathon.mesos`);
    for (const [protocol, name] of srv.size > 0 ? srv : new Map([['tcp', undefined as string | undefined]])) named('mesos-dns-srv', `_${task}._${protocol}.marathon.mesos`, name);
    named('dcos-dns', `${task}.marathon.containerip.dcos.thisdcos.directory`);
    if (host) {
      for (const lb of built.marathonLbPorts) {
        entries.push({ workload: workload.id, kind: 'marathon-lb', old: `marathon-lb.marathon.mesos:${lb.lbPort}`, new: `${host}:${lb.servicePort}` });
        add(lbPorts, lb.lbPort, { workload: workload.id, host, ports: new Map([[lb.lbPort, lb.servicePort]]) });
      }
    }
  }

  for (const vip of vips) {
    const host = `${vip.service}.${vip.namespace}.svc.${clusterDomain}`;
    const ports = new Map(vip.ports.map((port) => [port, port]));
    const target: Target = { workload: vip.workloads.join(', '), host, ports };
    if (vip.kind === 'ip') {
      for (const port of vip.ports) for (const workload of vip.workloads) entries.push({ workload, kind: 'vip', old: `${vip.vip}:${port}`, new: `${host}:${port}` });
      add(ipVips, vip.vip, target);
      continue;
    }
    const name = vip.vip.replace(/^\/+/, '');
    const flat = name.replace(/\//g, '').toLowerCase();
    const old = `${flat}.marathon.l4lb.thisdcos.directory`;
    for (const port of vip.ports) {
      for (const workload of vip.workloads) {
        entries.push({ workload, kind: 'vip', old: `${old}:${port}`, new: `${host}:${port}`, ...(name.includes('/') ? { assumption: 'vip-slash' as const } : {}) });
      }
    }
    add(namedVips, flat, target);
  }

  const rewrites: DnsRewrite[] = [];
  const lookup = { tasks, namedVips, lbPorts, ipVips };
  for (const input of inputs) rewriteWorkload(input, lookup, rewrites);
  return {
    clusterDomain,
    entries: sortedByWorkload(entries, (a, b) => compare(a.kind, b.kind) || compare(a.old, b.old)),
    rewrites: sortedByWorkload(rewrites, (a, b) => compare(a.container, b.container) || compare(a.field, b.field) || compare(a.old, b.old)),
  };
}

/**
 * `items` sorted by workload id, then by `rest`, stable: what one sort with both comparisons gives,
 * but the ids (long, with long common prefixes) are compared once per distinct id, not per pair of
 * entries (65,000 entries at 10,000 apps).
 */
function sortedByWorkload<T extends { readonly workload: string }>(items: readonly T[], rest: (a: T, b: T) => number): T[] {
  const byWorkload = new Map<string, T[]>();
  for (const item of items) {
    const list = byWorkload.get(item.workload);
    if (list) list.push(item);
    else byWorkload.set(item.workload, [item]);
  }
  const sorted: T[] = [];
  for (const workload of [...byWorkload.keys()].sort(compare)) {
    const list = byWorkload.get(workload)!;
    if (list.length > 1) list.sort(rest);
    for (const item of list) sorted.push(item);
  }
  return sorted;
}

interface Lookup {
  /** By Mesos-DNS task name. */
  readonly tasks: ReadonlyMap<string, readonly Target[]>;
  /** By VIP name as in `<name>.marathon.l4lb.thisdcos.directory`. */
  readonly namedVips: ReadonlyMap<string, readonly Target[]>;
  readonly lbPorts: ReadonlyMap<number, readonly Target[]>;
  readonly ipVips: ReadonlyMap<string, readonly Target[]>;
}

const SUFFIX = String.raw`(?:marathon\.mesos|marathon\.(?:containerip|agentip|autoip)\.dcos\.thisdcos\.directory|marathon\.l4lb\.thisdcos\.directory)`;
/** A Mesos-DNS, DC/OS DNS or VIP name (SRV names included), with an optional port. */
const NAME = new RegExp(String.raw`(?<![A-Za-z0-9_.-])((?:_[A-Za-z0-9-]+\._(?:tcp|udp)\.)?[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*?\.${SUFFIX})(?::(\d{1,5}))?(?![A-Za-z0-9_-])`, 'gi');
/** Parts of an old host: [1] SRV protocol, [2] task name, or [3] VIP name. */
const OLD_HOST = new RegExp(String.raw`^(?:_([a-z0-9_.-]+?)\._(?:tcp|udp)\.marathon\.mesos|([a-z0-9_-]+(?:\.[a-z0-9_-]+)*?)\.marathon\.(?:mesos|(?:containerip|agentip|autoip)\.dcos\.thisdcos\.directory)|([a-z0-9_-]+(?:\.[a-z0-9_-]+)*?)\.marathon\.l4lb\.thisdcos\.directory)$`);
const IP_PORT = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})(?!\d)/g;
/** Cheap pre-check: only texts mentioning one of these can hold an old name. */
const HINT = /thisdcos\.directory|marathon\.mesos|\d\.\d+\.\d+\.\d+:\d/i;

/** HINT, after a test cheaper still: each of its alternatives has a `.` (most values, numbers and paths, have none). */
function mayNameOldHost(text: string): boolean {
  return text.includes('.') && HINT.test(text);
}

interface Problem {
  readonly messageId: 'ambiguous' | 'unknown' | 'noService' | 'port';
  readonly data: Record<string, string | number>;
}

/** Rewrites one text; returns the new text with what changed and what could not be changed. */
function rewriteText(text: string, lookup: Lookup): { text: string; changes: { old: string; new: string }[]; problems: Problem[] } {
  const changes: { old: string; new: string }[] = [];
  const problems: Problem[] = [];
  if (!mayNameOldHost(text)) return { text, changes, problems };
  let result = text.replace(NAME, (match: string, rawHost: string, rawPort: string | undefined) => {
    const host = rawHost.toLowerCase();
    const port = rawPort === undefined ? undefined : Number(rawPort);
    // marathon-lb's own name with a service port: the app that owns the port.
    if (/^marathon-lb[a-z0-9-]*\.marathon\.mesos$/.test(host) && port !== undefined && lookup.lbPorts.has(port)) {
      return resolve(match, lookup.lbPorts.get(port)!, port, changes, problems, host);
    }
    const parsed = OLD_HOST.exec(host);
    const targets = parsed?.[3] !== undefined ? lookup.namedVips.get(parsed[3]) : lookup.tasks.get(parsed?.[1] ?? parsed?.[2] ?? '');
    if (!targets) {
      problems.push({ messageId: 'unknown', data: { old: match } });
      return match;
    }
    return resolve(match, targets, port, changes, problems, host);
  });
  if (lookup.ipVips.size > 0) {
    result = result.replace(IP_PORT, (match: string, ip: string, rawPort: string) => {
      const targets = lookup.ipVips.get(ip);
      if (!targets) return match;
      return resolve(match, targets, Number(rawPort), changes, problems, ip);
    });
  }
  return { text: result, changes, problems };
}

function resolve(match: string, targets: readonly Target[], port: number | undefined, changes: { old: string; new: string }[], problems: Problem[], host: string): string {
  const distinct = [...new Map(targets.map((target) => [target.host ?? `(${target.workload})`, target])).values()];
  if (distinct.length > 1) {
    problems.push({ messageId: 'ambiguous', data: { old: match, candidates: distinct.map((target) => `\`${target.host ?? target.workload}\``).join(', ') } });
    return match;
  }
  const target = distinct[0]!;
  if (!target.host) {
    problems.push({ messageId: 'noService', data: { old: match, id: target.workload } });
    return match;
  }
  const srv = /^_[^.]+\._(tcp|udp)\./.exec(host);
  let replacement = srv ? target.srv?.get(srv[1]!) ?? target.host : target.host;
  if (port !== undefined) {
    const mapped = target.ports.get(port);
    if (mapped === undefined) problems.push({ messageId: 'port', data: { old: match, port, new: replacement } });
    replacement = `${replacement}:${mapped ?? port}`;
  }
  changes.push({ old: match, new: replacement });
  return replacement;
}

function rewriteWorkload({ workload, built, report }: DnsInput, lookup: Lookup, rewrites: DnsRewrite[]): void {
  for (const { container, source } of built.containers) {
    if (!source) continue;
    const apply = (field: string, where: string, messageId: 'env' | 'args' | 'command', pointer: string, text: string, name?: string): string => {
      const { text: next, changes, problems } = rewriteText(text, lookup);
      const seen = new Set<string>();
      for (const change of changes) {
        if (seen.has(change.old)) continue;
        seen.add(change.old);
        rewrites.push({ workload: workload.id, container: container.name, field, old: change.old, new: change.new });
        report('kubernetes/dns-rewritten', messageId, { pointer, data: { container: container.name, ...(name ? { name } : {}), old: change.old, new: change.new } });
      }
      for (const problem of problems) {
        const key = `${problem.messageId}#${problem.data.old}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report('kubernetes/dns-name-ambiguous', problem.messageId, { pointer, data: { where, container: container.name, ...problem.data } });
      }
      return next;
    };
    rewriteContainer(container, source, apply);
  }
}

type Apply = (field: string, where: string, messageId: 'env' | 'args' | 'command', pointer: string, text: string, name?: string) => string;

// Nearly every text names no old host: HINT first, before its pointer, labels and results are built.
function rewriteContainer(container: K8sContainer, source: Container, apply: Apply): void {
  if (container.env) {
    for (const variable of container.env) {
      if (variable.value === undefined || !mayNameOldHost(variable.value)) continue;
      const pointer = envPointer(source, variable.name);
      variable.value = apply(`env ${variable.name}`, `Environment variable \`${variable.name}\``, 'env', pointer, variable.value, variable.name);
    }
  }
  if (container.args && container.args.some(mayNameOldHost)) container.args = container.args.map((arg) => apply('args', 'An argument', 'args', source.pointer, arg));
  if (container.command && container.command.some(mayNameOldHost)) {
    container.command = container.command.map((part) => apply('command', 'The command', 'command', source.pointer, part));
  }
}

/** The source pointer of an env variable: the definition's env, else the docker `-e` parameter, else the container. */
function envPointer(source: Container, name: string): string {
  for (let index = source.env.length - 1; index >= 0; index--) if (source.env[index]!.name === name) return source.env[index]!.pointer;
  const parameter = source.runtimeParameters.find((candidate) => (candidate.key === 'env' || candidate.key === 'e') && candidate.value.startsWith(`${name}=`));
  return parameter?.pointer ?? source.pointer;
}

/** `dns-rewrites.json`: the assumptions, the table and the rewrites, sorted, one entry per line (it grows with the estate). */
export function renderDnsRewritesJson(table: DnsRewriteTable): string {
  const list = (items: readonly object[]) => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`);
  return `{\n  "version": 1,\n  "clusterDomain": ${JSON.stringify(table.clusterDomain)},\n  "assumptions": ${JSON.stringify(DNS_ASSUMPTIONS)},\n  "entries": ${list(table.entries)},\n  "rewrites": ${list(table.rewrites)}\n}\n`;
}

/** `dns-rewrites.md`: old name → new name per workload, then what the plan rewrote. */
export function renderDnsRewritesMarkdown(table: DnsRewriteTable): string {
  const lines = [
    '# Service discovery rewrites',
    '',
    'Marathon clients found services by Mesos-DNS names, DC/OS DNS names, VIPs and marathon-lb service',
    `ports. On Kubernetes they use cluster DNS (\`<service>.<namespace>.svc.${table.clusterDomain}\`). Every`,
    'command, argument and environment value in this plan that used an old name was rewritten (below);',
    'clients outside the plan must change too. Names marked [?] follow a convention Baton could not confirm:',
    '',
    ...Object.values(DNS_ASSUMPTIONS).map((text) => `- ${text}`),
    '',
    '| Workload | Kind | Old name | New name |',
    '|---|---|---|---|',
  ];
  for (const entry of table.entries) {
    lines.push(`| \`${cell(entry.workload)}\` | ${entry.kind} | \`${cell(entry.old)}\`${entry.assumption ? ' [?]' : ''} | ${entry.new ? `\`${cell(entry.new)}\`` : '(no Service: the workload declares no ports)'} |`);
  }
  lines.push('', '## Rewritten in this plan', '');
  if (table.rewrites.length === 0) lines.push('Nothing in the plan used an old name.');
  else {
    lines.push('| Workload | Container | Where | Old | New |', '|---|---|---|---|---|');
    for (const rewrite of table.rewrites) {
      lines.push(`| \`${cell(rewrite.workload)}\` | ${cell(rewrite.container)} | ${cell(rewrite.field)} | \`${cell(rewrite.old)}\` | \`${cell(rewrite.new)}\` |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.includes('|') || text.includes('\n') ? text.replace(/\|/g, '\\|').replace(/\n/g, ' ') : text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
