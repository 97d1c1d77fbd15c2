import type { Port, PortProtocol } from '@baton/core';
import type { MapContext } from './context.js';
import type { ServiceType } from './options.js';
import type { K8sContainerPort, K8sObject } from './k8s-types.js';
import { ANNOTATION, objectMetadata, selectorLabels, sortedJsonRecord, sortedRecord } from './metadata.js';
import { childName, isValidLabelKey, toPortName } from './names.js';
import { freePort, isPortNumber } from './free-port.js';

export type K8sProtocol = K8sContainerPort['protocol'];

export interface PlannedPort {
  /** Model container name. */
  readonly container: string;
  /** Position in the source port list (`$PORTn`). */
  readonly index: number;
  readonly sourceName?: string;
  /** Fixed port the container listens on. */
  readonly containerPort: number;
  /** One Kubernetes port per protocol; the first is the one probes use. */
  readonly ports: readonly { readonly name: string; readonly protocol: K8sProtocol }[];
  /** Marathon service port, when assigned. */
  readonly servicePort?: number;
  /** Fixed agent port (non-zero `hostPort`, or the port under `requirePorts`). */
  readonly fixedHostPort?: number;
  /** The port number the definition asked for (`$PORT_<n>`), 0 when dynamic. */
  readonly requested: number;
  readonly appProtocol?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly pointer: string;
}

export interface PortPlan {
  /** Ports per model container name, in source order. */
  readonly byContainer: ReadonlyMap<string, readonly PlannedPort[]>;
  /** Every port of the pod, container by container. */
  readonly all: readonly PlannedPort[];
}

const DYNAMIC_BASE = 8080;

/**
 * Gives every port a fixed container port and unique names, pod-wide (containers share the
 * network namespace). Dynamic ports (0) take, in order: their fixed host port, their Marathon
 * service port, then 8080 + index, moving up to the next free number when taken.
 */
export function planPorts(ctx: MapContext): PortPlan {
  const { workload } = ctx;
  const used = new Set<number>();
  for (const container of workload.containers) for (const port of container.ports) if (port.containerPort > 0) used.add(port.containerPort);
  const names = new Set<string>();
  const byContainer = new Map<string, PlannedPort[]>();
  const all: PlannedPort[] = [];
  for (const container of workload.containers) {
    const planned: PlannedPort[] = [];
    for (const port of container.ports) {
      const fixedHostPort = fixedHostPortOf(ctx, port);
      let containerPort = port.containerPort;
      if (containerPort <= 0) {
        const candidates: [number | undefined, string][] = [
          [fixedHostPort, 'its fixed host port'],
          [port.servicePort, 'its Marathon service port'],
        ];
        const pick = candidates.find(([candidate]) => isPortNumber(candidate) && !used.has(candidate));
        let reason = pick?.[1] ?? `${DYNAMIC_BASE} + port index`;
        const wanted = pick?.[0] ?? DYNAMIC_BASE + port.index;
        // every one of the 65,535 taken cannot happen with real input; keep the wanted number then
        containerPort = freePort((number) => used.has(number), wanted) ?? wanted;
        if (containerPort !== wanted) reason = `the first free port from ${DYNAMIC_BASE} + port index`;
        used.add(containerPort);
        ctx.report('kubernetes/dynamic-port-assigned', 'assigned', {
          pointer: port.pointer,
          data: { index: port.index, container: container.name, port: containerPort, reason },
        });
      }
      // TCP first: it gets the plain name, which probes and `targetPort` references mean.
      // most ports have one protocol: no Set, spread and sort for those
      const protocols =
        port.protocols.length <= 1
          ? [toK8sProtocol(port.protocols[0] ?? 'tcp')]
          : [...new Set(port.protocols.map(toK8sProtocol))].sort((a, b) => Number(b === 'TCP') - Number(a === 'TCP'));
      const base = port.name ?? `port${port.index}`;
      const k8sPorts = protocols.map((protocol, position) => ({
        name: toPortName(position === 0 ? base : `${base}-${protocol.toLowerCase()}`, names),
        protocol,
      }));
      // one shape for every port (optional fields undefined, not absent): no spreads of small objects
      const entry: PlannedPort = {
        container: container.name,
        index: port.index,
        sourceName: port.name,
        containerPort,
        ports: k8sPorts,
        servicePort: port.servicePort ? port.servicePort : undefined,
        fixedHostPort: fixedHostPort ? fixedHostPort : undefined,
        requested: requestedPort(ctx, port),
        appProtocol: port.appProtocol && isValidLabelKey(port.appProtocol) ? port.appProtocol : undefined,
        labels: port.labels,
        pointer: port.pointer,
      };
      planned.push(entry);
      all.push(entry);
      reportHostPort(ctx, container.name, entry, port);
      if (port.networkNames && port.networkNames.length > 0) {
        ctx.report('kubernetes/network-not-mapped', 'networkNames', {
          pointer: `${port.pointer}/networkNames`,
          data: { index: port.index, container: container.name, networks: port.networkNames.join(', ') },
          disposition: 'approximated',
          subtree: true,
        });
      }
    }
    byContainer.set(container.name, planned);
  }
  return { byContainer, all };
}

function fixedHostPortOf(ctx: MapContext, port: Port): number | undefined {
  if (port.hostPort && port.hostPort > 0) return port.hostPort;
  if (ctx.workload.network.mode === 'host' && ctx.workload.network.requirePorts) {
    const fixed = port.servicePort || port.containerPort;
    return fixed > 0 ? fixed : undefined;
  }
  return undefined;
}

/** Marathon's "requested" port: the declared container port, or under host networking the declared port. */
function requestedPort(ctx: MapContext, port: Port): number {
  if (port.containerPort > 0) return port.containerPort;
  return ctx.workload.network.mode === 'host' ? port.servicePort ?? 0 : 0;
}

function reportHostPort(ctx: MapContext, container: string, port: PlannedPort, source: Port): void {
  if (!port.fixedHostPort) return;
  const data = { index: port.index, container, hostPort: port.fixedHostPort, port: port.containerPort };
  if (ctx.options.hostPorts) ctx.report('kubernetes/host-port', 'mapped', { pointer: port.pointer, data });
  // An explicit `hostPort` is a leaf of the port; a port fixed by `requirePorts` has none of its own.
  else if (source.hostPort) ctx.report('kubernetes/host-port', 'notMapped', { pointer: `${port.pointer}/hostPort`, data, disposition: 'approximated' });
  else ctx.report('kubernetes/host-port', 'notMapped', { pointer: port.pointer, data });
}

function toK8sProtocol(protocol: PortProtocol | string): K8sProtocol {
  return protocol === 'udp' ? 'UDP' : protocol === 'sctp' ? 'SCTP' : 'TCP';
}

export function containerPortsFor(ctx: MapContext, plan: PortPlan, container: string): K8sContainerPort[] {
  const result: K8sContainerPort[] = [];
  // key by key, in the manifest's order: a flatMap with a spread per port was most of this function's time
  for (const port of plan.byContainer.get(container) ?? []) {
    for (const k8s of port.ports) {
      const entry = { name: k8s.name, containerPort: port.containerPort } as K8sContainerPort;
      if (ctx.options.hostPorts && port.fixedHostPort) entry.hostPort = port.fixedHostPort;
      entry.protocol = k8s.protocol;
      result.push(entry);
    }
  }
  return result;
}

/** One port of the workload's Service. */
export interface ServicePortInfo {
  /** Position in the source port list. */
  readonly index: number;
  readonly name: string;
  readonly port: number;
  readonly protocol: K8sProtocol;
  /** Name of the container port it targets. */
  readonly targetPort: string;
  readonly containerPort: number;
  /** Marathon service port, when assigned. */
  readonly servicePort?: number;
}

export interface ServicePlan {
  readonly services: K8sObject[];
  readonly headlessName?: string;
  /** The workload's Service (named like the workload), when it has ports. */
  readonly service?: K8sObject;
  readonly ports: readonly ServicePortInfo[];
  readonly type: ServiceType;
}

/**
 * The workload's Service (when it has ports; ClusterIP unless the `serviceType` option or the
 * workload's `hints.serviceType` says otherwise) and, for StatefulSets, the headless Service that
 * gives pods stable DNS names. Service port = Marathon service port when assigned, else the
 * container port; the target is always the named container port.
 */
export function buildServices(ctx: MapContext, plan: PortPlan, headless: boolean): ServicePlan {
  const { workload, names } = ctx;
  const taken = new Set<string>();
  const servicePorts: Record<string, unknown>[] = [];
  const marathonPorts: [string, number][] = [];
  const portLabels: [string, Readonly<Record<string, string>>][] = [];
  const infos: ServicePortInfo[] = [];
  for (const port of plan.all) {
    for (const k8s of port.ports) {
      let number = port.servicePort ?? port.containerPort;
      if (taken.has(`${number}/${k8s.protocol}`)) {
        const wanted = number;
        number = freePort((candidate) => taken.has(`${candidate}/${k8s.protocol}`), port.containerPort) ?? port.containerPort;
        ctx.report('kubernetes/service-port-changed', 'conflict', { pointer: port.pointer, data: { servicePort: wanted, portName: k8s.name, port: number } });
      }
      taken.add(`${number}/${k8s.protocol}`);
      infos.push({
        index: port.index,
        name: k8s.name,
        port: number,
        protocol: k8s.protocol,
        targetPort: k8s.name,
        containerPort: port.containerPort,
        ...(port.servicePort ? { servicePort: port.servicePort } : {}),
      });
      servicePorts.push({
        name: k8s.name,
        port: number,
        targetPort: k8s.name,
        protocol: k8s.protocol,
        ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}),
      });
      if (port.servicePort) marathonPorts.push([k8s.name, port.servicePort]);
      if (Object.keys(port.labels).length > 0) portLabels.push([k8s.name, sortedRecord(port.labels)]);
    }
  }
  const annotations: Record<string, string> = {};
  if (marathonPorts.length > 0) annotations[ANNOTATION.servicePorts] = sortedJsonRecord(marathonPorts);
  if (portLabels.length > 0) annotations[ANNOTATION.portLabels] = sortedJsonRecord(portLabels);

  const services: K8sObject[] = [];
  let headlessName: string | undefined;
  if (headless) {
    headlessName = childName(names.name, 'headless');
    services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: objectMetadata(workload, names, headlessName),
      spec: { clusterIP: 'None', selector: selectorLabels(names), ...(servicePorts.length > 0 ? { ports: servicePorts } : {}) },
    });
  }
  const type = effectiveServiceType(workload.hints.serviceType, ctx.options.serviceType);
  let service: K8sObject | undefined;
  if (servicePorts.length > 0) {
    service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: objectMetadata(workload, names, names.name, { annotations }),
      spec: serviceSpec(serviceTypeOf(type), selectorLabels(names), servicePorts),
    };
    services.push(service);
  }
  // key by key: spreading small conditional objects was most of this function's time
  const result: { -readonly [K in keyof ServicePlan]: ServicePlan[K] } = { services } as ServicePlan;
  if (headlessName) result.headlessName = headlessName;
  if (service) result.service = service;
  result.ports = infos;
  result.type = type;
  return result;
}

/** `{ type, clusterIP?, selector, ports }`, in that order. */
function serviceSpec(typed: ReturnType<typeof serviceTypeOf>, selector: Record<string, string>, ports: Record<string, unknown>[]): Record<string, unknown> {
  const spec: Record<string, unknown> = { type: typed.type };
  if (typed.clusterIP !== undefined) spec.clusterIP = typed.clusterIP;
  spec.selector = selector;
  spec.ports = ports;
  return spec;
}

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless'];

/** The workload's `hints.serviceType` (e.g. a `baton.io/service-type` steering label) when it names a type, else the option. */
export function effectiveServiceType(hint: unknown, fallback: ServiceType = 'ClusterIP'): ServiceType {
  return SERVICE_TYPES.includes(hint as ServiceType) ? (hint as ServiceType) : fallback;
}

/** Service `spec.type` (and `clusterIP: None` for headless) of a Service type or hint; ClusterIP otherwise. */
export function serviceTypeOf(hint: unknown): { type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'; clusterIP?: 'None' } {
  if (hint === 'NodePort' || hint === 'LoadBalancer') return { type: hint };
  if (hint === 'headless') return { type: 'ClusterIP', clusterIP: 'None' };
  return { type: 'ClusterIP' };
}
