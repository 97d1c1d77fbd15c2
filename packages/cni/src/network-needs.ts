// What a workload needs from the pod network, derived from the model once and shared by the
// rules, so that "needs X" means the same thing in every rule and in capability-unverified.

import type { Capability, CniCapabilityName, JsonPointer, Port, PortProtocol, TargetProfile, Workload } from '@baton/core';
import { PRIMARY_NETWORK, type ResolvedCniOptions } from './cni-options.js';

export function capabilityOf(target: TargetProfile, name: CniCapabilityName): Capability {
  return target.cni.capabilities[name] ?? { level: 'unknown', note: 'not in the target profile' };
}

const LEVEL_ORDER = ['yes', 'partial', 'unknown', 'no'] as const;

/** The most capable of several capabilities (IPv6 is served by either ipv6 or dualStack). */
export function bestCapability(target: TargetProfile, names: readonly CniCapabilityName[]): Capability & { readonly name: CniCapabilityName } {
  const candidates = names.map((name) => ({ name, ...capabilityOf(target, name) }));
  candidates.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return candidates[0]!;
}

export interface FixedHostPort {
  readonly hostPort: number;
  readonly protocol: PortProtocol;
  readonly port: Port;
  /** `hostPort`: a container/bridge mapping; `hostNetwork`: a host-mode port the app binds on the node. */
  readonly via: 'hostPort' | 'hostNetwork';
}

/** Ports that occupy a port on the node in Kubernetes, one entry per protocol. */
export function fixedHostPorts(workload: Workload, options: ResolvedCniOptions): FixedHostPort[] {
  const result: FixedHostPort[] = [];
  const hostNetwork = hostNetworkNeed(workload, options) !== undefined;
  for (const container of workload.containers) {
    for (const port of container.ports) {
      let hostPort = 0;
      let via: FixedHostPort['via'] = 'hostPort';
      if (workload.network.mode === 'host') {
        if (!hostNetwork) continue; // the pod gets its own IP: the port is no longer a node port
        hostPort = port.hostPort || port.containerPort;
        via = 'hostNetwork';
      } else {
        if (options.hostPorts === 'drop') continue;
        hostPort = port.hostPort ?? 0;
      }
      if (hostPort <= 0) continue;
      for (const protocol of port.protocols) result.push({ hostPort, protocol, port, via });
    }
  }
  return result;
}

export interface Need {
  readonly pointer: JsonPointer;
  /** Short human reason, used in messages (`requirePorts with fixed ports`). */
  readonly reason: string;
}

/** Why a host-mode workload needs the node's network namespace, or undefined when it does not. */
export function hostNetworkNeed(workload: Workload, options: ResolvedCniOptions): Need | undefined {
  if (workload.network.mode !== 'host' || options.hostNetwork === 'never') return undefined;
  if (options.hostNetwork === 'always') return { pointer: '/networks', reason: 'host networking (hostNetwork: always)' };
  const fixed = workload.containers.some((c) => c.ports.some((p) => (p.hostPort || p.containerPort) > 0));
  if (workload.network.requirePorts && fixed) return { pointer: '/requirePorts', reason: 'requirePorts with fixed ports on the node' };
  return undefined;
}

export interface NamedNetwork {
  readonly name: string;
  readonly pointer: JsonPointer;
  readonly labels: Readonly<Record<string, string>>;
  /** `default` (primary pod network), a NetworkAttachmentDefinition, or undefined when unmapped. */
  readonly mappedTo?: string;
}

export function namedNetworks(workload: Workload, options: ResolvedCniOptions): NamedNetwork[] {
  if (workload.network.mode !== 'container') return [];
  return workload.network.networks
    .filter((network): network is typeof network & { name: string } => typeof network.name === 'string' && network.name.length > 0)
    .map((network) => ({
      name: network.name,
      pointer: network.pointer,
      labels: network.labels,
      ...(options.networkMapping[network.name] === undefined ? {} : { mappedTo: options.networkMapping[network.name] }),
    }));
}

/**
 * Networks that need a second interface. The primary pod network takes the networks mapped to
 * `default`; if none is, the first named network. Every other network, and any network mapped to
 * a NetworkAttachmentDefinition, needs Multus (or an equivalent).
 */
export function secondaryNetworks(workload: Workload, options: ResolvedCniOptions): NamedNetwork[] {
  const networks = namedNetworks(workload, options);
  const primaryExplicit = networks.some((n) => n.mappedTo === PRIMARY_NETWORK);
  return networks.filter((network, index) => {
    if (network.mappedTo === PRIMARY_NETWORK) return false;
    if (network.mappedTo !== undefined) return true;
    return primaryExplicit || index > 0;
  });
}

/** Ports bound to named networks that are secondary interfaces (Marathon `portMappings[].networkNames`). */
export function portsOnSecondaryNetworks(workload: Workload, options: ResolvedCniOptions): { port: Port; networks: string[] }[] {
  const secondary = new Set(secondaryNetworks(workload, options).map((n) => n.name));
  const networks = namedNetworks(workload, options);
  const result: { port: Port; networks: string[] }[] = [];
  for (const container of workload.containers) {
    for (const port of container.ports) {
      const names = (port.networkNames ?? []).filter((name) => secondary.has(name) || (networks.length > 0 && !networks.some((n) => n.name === name)));
      if (names.length > 0) result.push({ port, networks: names });
    }
  }
  return result;
}

export interface IsolationNeed extends Need {
  readonly kind: 'security-groups' | 'network-labels' | 'requested';
}

/** Why the workload relied on (or asks for) network isolation. */
export function isolationNeeds(workload: Workload, options: ResolvedCniOptions): IsolationNeed[] {
  const needs: IsolationNeed[] = [];
  const groups = workload.network.securityGroups ?? [];
  // The model keeps no node for ipAddress.groups; point at the Marathon field it comes from.
  if (groups.length > 0) needs.push({ kind: 'security-groups', pointer: '/ipAddress/groups', reason: `security groups ${groups.join(', ')}` });
  const networks = namedNetworks(workload, options);
  for (const network of networks) {
    if (Object.keys(network.labels).length > 0) {
      needs.push({ kind: 'network-labels', pointer: `${network.pointer}/labels`, reason: `policy labels on network ${network.name}` });
    }
  }
  if (options.networkPolicies && needs.length === 0 && networks.length > 0) {
    needs.push({ kind: 'requested', pointer: networks[0]!.pointer, reason: `NetworkPolicies requested for network ${networks.map((n) => n.name).join(', ')}` });
  }
  return needs;
}

const IPV6_ADDRESS = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(\/\d{1,3})?$/i;

/** Places that show the workload used IPv6 in Marathon. */
export function ipv6Needs(workload: Workload): Need[] {
  const needs: Need[] = [];
  for (const container of workload.containers) {
    for (const probe of container.probes) {
      if (probe.ipProtocol === 'IPv6') needs.push({ pointer: `${probe.pointer}/ipProtocol`, reason: 'a health check over IPv6' });
    }
    for (const parameter of container.runtimeParameters) {
      const key = parameter.key.replace(/^-+/, '');
      // --ipv6 enables IPv6 on the container's network, --ip6 pins an IPv6 address.
      if ((key === 'ipv6' && parameter.value !== 'false') || key === 'ip6') needs.push({ pointer: parameter.pointer, reason: `docker --${key}` });
    }
  }
  if (workload.network.mode === 'container') {
    for (const network of workload.network.networks) {
      for (const [key, value] of Object.entries(network.labels)) {
        if (/ipv6|ip6/i.test(key) || IPV6_ADDRESS.test(value)) {
          needs.push({ pointer: `${network.pointer}/labels/${escapePointer(key)}`, reason: `network label ${key}` });
        }
      }
    }
  }
  return needs;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Which pod-security gate rejects hostNetwork or hostPort on the target, if any. */
export function admissionGate(target: TargetProfile, feature: 'hostNetwork' | 'hostPort'): string | undefined {
  const { admission } = target;
  if (admission.autopilot) {
    return feature === 'hostNetwork' ? 'GKE Autopilot (Warden autogke-disallow-hostnamespaces)' : 'GKE Autopilot (Warden autogke-no-host-port)';
  }
  if (admission.openshiftScc === 'restricted-v2' || admission.openshiftScc === 'restricted') {
    return `OpenShift SCC ${admission.openshiftScc} (${feature === 'hostNetwork' ? 'allowHostNetwork' : 'allowHostPorts'}: false)`;
  }
  if (admission.podSecurity === 'baseline' || admission.podSecurity === 'restricted') {
    return `Pod Security Admission "${admission.podSecurity}"`;
  }
  return undefined;
}

/** Targets whose network plugin is named in messages: `calico on kubeadm-calico`. */
export function describeTarget(target: TargetProfile): string {
  const engine = target.cni.policyEngine && target.cni.policyEngine !== target.cni.plugin ? ` + ${target.cni.policyEngine}` : '';
  return `${target.cni.plugin}${engine} on ${target.id}`;
}
