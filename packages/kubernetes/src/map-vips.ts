// DC/OS VIPs (`VIP_n` port labels) → Services named after the VIP. VIPs are estate-wide: several
// ports of several workloads may share one, so this runs after every workload is built.
import type { Exposure, Workload } from '@baton/core';
import type { BuiltWorkload } from './build-workload.js';
import type { Report } from './context.js';
import type { K8sObject, StringMap } from './k8s-types.js';
import type { NamedWorkload } from './assign-names.js';
import type { K8sProtocol, ServicePortInfo } from './map-ports.js';
import { ANNOTATION, LABEL, MANAGED_BY, objectMetadata, selectorLabels } from './metadata.js';
import { childName, toDnsLabel } from './names.js';

/** Pod label that puts a workload's pods behind a VIP shared by several workloads. */
export const VIP_LABEL_PREFIX = 'vip.baton.dev/';

export interface VipInput {
  readonly workload: Workload;
  readonly names: NamedWorkload;
  readonly built: BuiltWorkload;
  readonly report: Report;
}

export interface VipService {
  /** The VIP as written (`/payments-api:80` → `/payments-api`, `10.0.0.1:80` → `10.0.0.1`). */
  readonly vip: string;
  readonly kind: 'named' | 'ip';
  readonly namespace: string;
  readonly service: string;
  /** VIP ports (the Service keeps them). */
  readonly ports: readonly number[];
  readonly workloads: readonly string[];
}

export interface VipPlan {
  /** Services selecting pods of several workloads: they belong to no single one. */
  readonly shared: readonly K8sObject[];
  readonly services: readonly VipService[];
}

interface Member {
  readonly input: VipInput;
  readonly exposure: Exposure;
  readonly label: string;
  readonly vipPort: number;
  /** The workload's ports of that index, one per protocol. */
  readonly ports: readonly ServicePortInfo[];
}

const VIP = /^(.*):(\d{1,5})$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Parses a VIP label value: `/name:port` or `name:port` (named), `ip:port`. */
export function parseVip(value: string): { kind: 'named' | 'ip'; name: string; port: number } | undefined {
  const match = VIP.exec(value.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  const host = match[1]!;
  if (IPV4.test(host)) return { kind: 'ip', name: host, port };
  const name = host.replace(/^\/+/, '').replace(/\/+$/, '');
  if (name === '' || /[\s:]/.test(name)) return undefined;
  return { kind: 'named', name, port };
}

/**
 * One Service per VIP and namespace, named after the VIP, with the VIP's ports targeting the
 * named container ports. A VIP of one workload whose name is the workload's own Service adds its
 * ports to that Service; a VIP shared by workloads selects them through a `vip.baton.dev/<name>`
 * pod label. Services of one workload go into its objects, shared ones into `shared`.
 */
export function planVips(inputs: readonly VipInput[]): VipPlan {
  const groups = new Map<string, Member[]>();
  for (const input of inputs) {
    for (const exposure of input.workload.exposure) {
      if (exposure.kind !== 'vip' || exposure.vip === undefined) continue;
      const label = exposure.pointer.slice(exposure.pointer.lastIndexOf('/') + 1);
      const parsed = parseVip(exposure.vip);
      const ports = input.built.servicePlan.ports.filter((port) => port.index === exposure.portIndex);
      if (!parsed) {
        input.report('kubernetes/vip-approximated', 'invalid', { pointer: exposure.pointer, data: { label, vip: exposure.vip }, disposition: 'unsupported' });
        continue;
      }
      if (ports.length === 0) {
        input.report('kubernetes/exposure-not-mapped', input.built.servicePlan.ports.length === 0 ? 'noService' : 'noPort', {
          pointer: exposure.pointer,
          data: { kind: exposure.kind, portIndex: exposure.portIndex, detail: `VIP ${exposure.vip}` },
          disposition: 'unsupported',
          subtree: true,
        });
        continue;
      }
      const key = `${parsed.kind}:${parsed.kind === 'named' ? parsed.name.toLowerCase() : parsed.name}`;
      const list = groups.get(key) ?? [];
      list.push({ input, exposure, label, vipPort: parsed.port, ports });
      groups.set(key, list);
    }
  }

  // Names of every Service per namespace, so a VIP never takes one.
  const taken = new Map<string, Set<string>>();
  const take = (namespace: string, name: string) => {
    const set = taken.get(namespace) ?? new Set<string>();
    set.add(name);
    taken.set(namespace, set);
  };
  for (const input of inputs) for (const object of input.built.objects) if (object.kind === 'Service') take(input.names.namespace, object.metadata.name);

  const shared: K8sObject[] = [];
  const services: VipService[] = [];
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key)!;
    const kind = key.startsWith('ip:') ? 'ip' : 'named';
    const vipName = key.slice(key.indexOf(':') + 1);
    const byNamespace = new Map<string, Member[]>();
    for (const member of members) {
      const list = byNamespace.get(member.input.names.namespace);
      if (list) list.push(member);
      else byNamespace.set(member.input.names.namespace, [member]);
    }
    const namespaces = [...byNamespace.keys()].sort();
    const wanted =
      kind === 'ip' ? `vip-${vipName.replace(/\./g, '-')}` : toDnsLabel(vipName.replace(/\//g, '-'), { startWithLetter: true, prefix: 'vip', hashSource: vipName }).name;
    const shown = kind === 'ip' ? vipName : `/${vipName}`;
    for (const namespace of namespaces) {
      const inNamespace = byNamespace.get(namespace)!;
      const workloads = [...new Set(inNamespace.map((member) => member.input.workload.id))].sort();
      const portKeys = distinctPorts(inNamespace);
      if (namespaces.length > 1) {
        for (const member of inNamespace) {
          member.input.report('kubernetes/vip-approximated', 'splitNamespaces', {
            pointer: member.exposure.pointer,
            data: { vip: shown, namespaces: namespaces.join(', '), service: wanted },
            disposition: 'approximated',
          });
        }
      }
      if (kind === 'ip') {
        for (const member of inNamespace) {
          member.input.report('kubernetes/vip-approximated', 'ipVip', { pointer: member.exposure.pointer, data: { vip: shown, namespace, service: wanted }, disposition: 'approximated' });
        }
      }

      // The VIP of a single workload named like the workload's Service: one Service with both port sets.
      const single = workloads.length === 1 ? inNamespace[0]!.input : undefined;
      const own = single?.built.servicePlan.service;
      if (single && own && own.metadata.name === wanted && mergeInto(own, portKeys, inNamespace, shown)) {
        services.push({ vip: shown, kind, namespace, service: wanted, ports: [...new Set(portKeys.map((port) => port.port))], workloads });
        continue;
      }

      let name = wanted;
      if (taken.get(namespace)?.has(name)) {
        name = childName(wanted, 'vip');
        for (let attempt = 2; taken.get(namespace)?.has(name); attempt++) name = childName(wanted, `vip${attempt}`);
        inNamespace[0]!.input.report('kubernetes/vip-approximated', 'nameTaken', {
          pointer: inNamespace[0]!.exposure.pointer,
          data: { vip: shown, namespace, wanted, service: name },
        });
      }
      take(namespace, name);
      let selector: StringMap;
      if (single) selector = selectorLabels(single.names);
      else {
        selector = { [`${VIP_LABEL_PREFIX}${name}`]: 'true' };
        for (const member of inNamespace) Object.assign(member.input.built.podLabels, selector);
      }
      const ports = portKeys.map(({ port, protocol }) => {
        const targets = inNamespace.filter((member) => member.vipPort === port).flatMap((member) => member.ports.filter((candidate) => candidate.protocol === protocol).map((target) => ({ member, target })));
        const targetPort = chooseTarget(targets, { vip: shown, namespace, service: name, port });
        return { name: portName(port, protocol), port, targetPort, protocol };
      });
      const annotations = { [ANNOTATION.dcosVip]: shown };
      const metadata = single
        ? objectMetadata(single.workload, single.names, name, { annotations })
        : {
            name,
            namespace,
            labels: { [LABEL.managedBy]: MANAGED_BY },
            annotations: { [ANNOTATION.sourceId]: shown, [ANNOTATION.sourceKind]: 'vip', ...annotations, 'baton.dev/vip-workloads': workloads.join(',') },
          };
      const service: K8sObject = { apiVersion: 'v1', kind: 'Service', metadata, spec: { type: 'ClusterIP', selector, ports } };
      if (single) insertService(single.built.objects, service);
      else shared.push(service);
      services.push({ vip: shown, kind, namespace, service: name, ports: [...new Set(portKeys.map((port) => port.port))], workloads });
    }
  }
  return { shared, services };
}

function distinctPorts(members: readonly Member[]): { port: number; protocol: K8sProtocol }[] {
  const seen = new Map<string, { port: number; protocol: K8sProtocol }>();
  for (const member of members) {
    for (const port of member.ports) seen.set(`${member.vipPort}/${port.protocol}`, { port: member.vipPort, protocol: port.protocol });
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
}

function portName(port: number, protocol: K8sProtocol): string {
  return protocol === 'TCP' ? `vip-${port}` : `vip-${port}-${protocol.toLowerCase()}`;
}

/** The target of a VIP port: the common container port name, else the common number, else the first name (reported). */
function chooseTarget(targets: readonly { member: Member; target: ServicePortInfo }[], data: { vip: string; namespace: string; service: string; port: number }): string | number {
  const names = [...new Set(targets.map(({ target }) => target.targetPort))];
  if (names.length === 1) return names[0]!;
  const numbers = [...new Set(targets.map(({ target }) => target.containerPort))];
  if (numbers.length === 1) return numbers[0]!;
  const chosen = names[0]!;
  const reported = new Set<string>();
  for (const { member, target } of targets) {
    if (target.targetPort === chosen || reported.has(member.input.workload.id)) continue;
    reported.add(member.input.workload.id);
    member.input.report('kubernetes/vip-approximated', 'targetPortMismatch', {
      pointer: member.exposure.pointer,
      data: { ...data, targetPort: chosen, id: member.input.workload.id },
      disposition: 'approximated',
    });
  }
  return chosen;
}

/**
 * Adds the VIP ports to the workload's own Service. False when a VIP port number is already a
 * port of the Service for another container port (then the VIP needs a Service of its own).
 */
function mergeInto(service: K8sObject, portKeys: readonly { port: number; protocol: K8sProtocol }[], members: readonly Member[], vip: string): boolean {
  const spec = service.spec as { ports: { name: string; port: number; targetPort: string | number; protocol: string }[] };
  const additions: typeof spec.ports = [];
  for (const { port, protocol } of portKeys) {
    const targets = members.filter((member) => member.vipPort === port).flatMap((member) => member.ports.filter((candidate) => candidate.protocol === protocol));
    const target = targets[0]!.targetPort;
    const existing = spec.ports.find((candidate) => candidate.port === port && candidate.protocol === protocol);
    if (existing) {
      if (existing.targetPort !== target) return false;
      continue;
    }
    let name = portName(port, protocol);
    for (let attempt = 2; spec.ports.some((candidate) => candidate.name === name) || additions.some((candidate) => candidate.name === name); attempt++) name = `${portName(port, protocol)}-${attempt}`;
    additions.push({ name, port, targetPort: target, protocol });
  }
  spec.ports.push(...additions);
  const annotations = service.metadata.annotations ?? {};
  const previous = annotations[ANNOTATION.dcosVip];
  service.metadata.annotations = { ...annotations, [ANNOTATION.dcosVip]: previous ? `${previous},${vip}` : vip };
  return true;
}

/** Inserts a Service right after the workload's last Service (before the workload object). */
function insertService(objects: K8sObject[], service: K8sObject): void {
  let at = -1;
  objects.forEach((object, index) => {
    if (object.kind === 'Service') at = index;
  });
  if (at === -1) at = objects.findIndex((object) => ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(object.kind)) - 1;
  objects.splice(at + 1, 0, service);
}
