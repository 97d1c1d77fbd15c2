// Opt-in NetworkPolicy generation (the CLI's --network-policies): reproduces the isolation that
// Marathon named networks and legacy `ipAddress.groups` gave. Pods that share a named network or
// a security group may talk; every other ingress to them is denied. One policy per isolation
// domain and namespace; NetworkPolicy allows are additive, so a pod on two networks accepts
// traffic from both.

import type { Finding, MigrationModel, TargetProfile, Workload } from '@baton/core';
import { resolveCniOptions, PRIMARY_NETWORK, type CniOptions } from './cni-options.js';
import { capabilityOf, describeTarget, isolationNeeds, namedNetworks } from './network-needs.js';
import { capabilityUnverified } from './rules/capability-unverified.js';
import { networkPolicyUnsupported } from './rules/network-policy-unsupported.js';
import { renderFinding } from './run-checkers.js';

/** `networking.k8s.io/v1` NetworkPolicyPeer (the subset generated here plus anything a caller adds). */
export interface NetworkPolicyPeer {
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector?: LabelSelector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: string; readonly values?: readonly string[] }[];
}

export interface NetworkPolicy {
  readonly apiVersion: 'networking.k8s.io/v1';
  readonly kind: 'NetworkPolicy';
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly spec: {
    readonly podSelector: LabelSelector;
    readonly policyTypes: readonly ['Ingress'];
    readonly ingress: readonly { readonly from: readonly NetworkPolicyPeer[] }[];
  };
}

export interface NetworkPoliciesOptions extends CniOptions {
  /** Namespace of a workload's pods, as the writer places them; undefined leaves metadata.namespace out. */
  readonly namespaceOf?: (workload: Workload) => string | undefined;
  /** Named networks that isolate (default: all that stay on the primary pod network). */
  readonly isolatedNetworks?: readonly string[];
  /** Peers admitted to every isolated pod, e.g. the ingress controller's namespace or a monitoring namespace. */
  readonly allowFrom?: readonly NetworkPolicyPeer[];
}

export interface NetworkPoliciesResult {
  /** Sorted by namespace, then name. */
  readonly policies: readonly NetworkPolicy[];
  /** Labels each workload's pod template must carry so that the policies select it, by workload id. */
  readonly podLabels: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** True only when the target's policy engine is known to enforce NetworkPolicy. */
  readonly enforced: boolean;
  /** cni/network-policy-unsupported (engine cannot enforce) or cni/capability-unverified (unknown), per isolated workload. */
  readonly findings: readonly Finding[];
}

const MEMBER = 'member';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'baton' } as const;

interface Domain {
  readonly kind: 'network' | 'group';
  readonly name: string;
  readonly label: string;
}

/** Builds the NetworkPolicies that reproduce Marathon's network isolation on `target`. */
export function networkPoliciesFor(model: MigrationModel, target: TargetProfile, options: NetworkPoliciesOptions = {}): NetworkPoliciesResult {
  const resolved = resolveCniOptions(options, { networkPolicies: true });
  const isolated = options.isolatedNetworks ? new Set(options.isolatedNetworks) : undefined;
  const members = new Map<string, { domain: Domain; namespaces: Set<string> }>();
  const podLabels: Record<string, Record<string, string>> = {};
  const isolatedWorkloads: Workload[] = [];

  for (const workload of model.workloads) {
    const domains: Domain[] = [];
    for (const network of namedNetworks(workload, resolved)) {
      // Networks on a second interface (a NetworkAttachmentDefinition) need MultiNetworkPolicy, not NetworkPolicy.
      if (network.mappedTo !== undefined && network.mappedTo !== PRIMARY_NETWORK) continue;
      if (isolated && !isolated.has(network.name)) continue;
      domains.push({ kind: 'network', name: network.name, label: labelKey('network', network.name) });
    }
    for (const group of workload.network.securityGroups ?? []) domains.push({ kind: 'group', name: group, label: labelKey('group', group) });
    if (domains.length === 0) continue;
    isolatedWorkloads.push(workload);
    const namespace = options.namespaceOf?.(workload) ?? '';
    const labels: Record<string, string> = {};
    for (const domain of domains) {
      labels[domain.label] = MEMBER;
      const key = `${domain.kind}:${domain.name}`;
      let entry = members.get(key);
      if (!entry) members.set(key, (entry = { domain, namespaces: new Set() }));
      entry.namespaces.add(namespace);
    }
    podLabels[workload.id] = labels;
  }

  const policies: NetworkPolicy[] = [];
  for (const { domain, namespaces } of members.values()) {
    for (const namespace of namespaces) policies.push(policyFor(domain, namespace, options.allowFrom ?? []));
  }
  policies.sort((a, b) => compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compare(a.metadata.name, b.metadata.name));

  const capability = capabilityOf(target, 'networkPolicy');
  const findings: Finding[] = [];
  for (const workload of isolatedWorkloads) {
    const need = isolationNeeds(workload, resolved)[0];
    const pointer = need?.pointer ?? workload.network.networks[0]?.pointer ?? '/networks';
    const reason = need?.reason ?? 'network isolation';
    if (capability.level === 'no' || capability.level === 'partial') {
      findings.push(
        renderFinding(networkPolicyUnsupported.meta, {
          messageId: capability.level === 'no' ? 'unenforced' : 'limited',
          workload: workload.id,
          pointer,
          data: { reason, target: describeTarget(target), note: capability.note ?? 'no policy engine' },
        }),
      );
    } else if (capability.level === 'unknown') {
      findings.push(
        renderFinding(capabilityUnverified.meta, {
          messageId: 'unknown',
          workload: workload.id,
          pointer,
          data: { capability: 'NetworkPolicy enforcement', key: 'networkPolicy', reason, target: describeTarget(target), note: capability.note ?? 'no data', level: capability.level },
        }),
      );
    }
  }
  return { policies, podLabels, enforced: capability.level === 'yes', findings };
}

function policyFor(domain: Domain, namespace: string, allowFrom: readonly NetworkPolicyPeer[]): NetworkPolicy {
  const selector = { matchLabels: { [domain.label]: MEMBER } };
  const what = domain.kind === 'network' ? `Marathon network ${domain.name}` : `Marathon security group ${domain.name}`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: objectName(`baton-${domain.kind}-${domain.name}`),
      ...(namespace ? { namespace } : {}),
      labels: { ...MANAGED_BY },
      annotations: { 'baton.dev/isolation': `Only pods on ${what} (any namespace) may connect to pods on it.` },
    },
    spec: {
      podSelector: selector,
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: selector }, ...allowFrom] }],
    },
  };
}

/** A label key `network.baton.dev/<name>`; names that are not valid label names are sanitized and hashed. */
export function labelKey(kind: 'network' | 'group', name: string): string {
  const prefix = `${kind}.baton.dev/`;
  if (/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(name)) return prefix + name;
  const cleaned = name.replace(/[^-A-Za-z0-9_.]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 54);
  return `${prefix}${cleaned ? `${cleaned}-` : ''}${fnv1a(name)}`;
}

/** A DNS-1123 object name (≤ 63 characters), hashed when it had to change. */
function objectName(raw: string): string {
  const lower = raw.toLowerCase();
  if (/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(lower) && lower === raw) return raw;
  const cleaned = lower.replace(/[^-a-z0-9]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 54).replace(/-$/, '');
  return `${cleaned}-${fnv1a(raw)}`;
}

/** 8 hex digits of FNV-1a: short, stable suffixes without pulling in node:crypto. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
