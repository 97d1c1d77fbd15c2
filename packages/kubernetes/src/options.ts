import type { K8sToleration } from './k8s-types.js';

export type NamespaceRule = 'top-group' | 'flat' | 'map' | `depth:${number}`;

/** Kubernetes Service type of a workload's Service; `headless` is a ClusterIP Service with `clusterIP: None`. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'headless';

/** The Gateway every HTTPRoute attaches to (`ingress: 'gateway'`). */
export interface GatewayParent {
  readonly name: string;
  /** Namespace of the Gateway; absent: the route's own namespace. */
  readonly namespace?: string;
  /** Listener name; absent: every listener that accepts the route. */
  readonly sectionName?: string;
}

/** Where a Mesos role places pods in Kubernetes. */
export interface RolePlacement {
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly K8sToleration[];
}

export interface KubernetesWriterOptions {
  /** Image for command-only apps (no image in Marathon). Default `debian:12-slim`. */
  readonly baseImage?: string;
  /** Image of the init container that fetches artifacts; needs `wget`, `tar`, `unzip`. Default `busybox:1.37`. */
  readonly fetchImage?: string;
  /**
   * `top-group` (default): the top-level group is the namespace; `flat`: everything in `namespace`;
   * `depth:N`: the first N groups; `map`: the longest matching group prefix of `namespaceMap`.
   */
  readonly namespaces?: NamespaceRule;
  /** Group prefix (`/prod/payments`, `/` for everything) → namespace, for `namespaces: 'map'` (see readNamespaceMap). */
  readonly namespaceMap?: Readonly<Record<string, string>>;
  /** Namespace for `namespaces: 'flat'` and for apps at the root. Default `default`. */
  readonly namespace?: string;
  /** `skeleton` (default): Secrets without data; `external-secrets`: ExternalSecret objects. */
  readonly secrets?: 'skeleton' | 'external-secrets';
  /** SecretStore the ExternalSecrets read from. Default `{ name: 'dcos-secrets', kind: 'ClusterSecretStore' }`. */
  readonly secretStore?: { readonly name: string; readonly kind?: 'SecretStore' | 'ClusterSecretStore' };
  /** Mesos agent attribute → node label key. */
  readonly nodeLabelMapping?: Readonly<Record<string, string>>;
  /** DVDI driver, CSI plugin name or persistent profile name → StorageClass. */
  readonly storageClassMapping?: Readonly<Record<string, string>>;
  /** Mesos role (`slave_public`, a group role) → node selector and tolerations. */
  readonly roleMapping?: Readonly<Record<string, RolePlacement>>;
  /** Map fixed Marathon host ports to `hostPort`. Default false. */
  readonly hostPorts?: boolean;
  /** `referenced` (default): Marathon variables only when the command, env or checks use them (ports always); `all`: every applicable one. */
  readonly syntheticEnv?: 'referenced' | 'all';
  /** What `$HOST` holds: `node-name` (default, `spec.nodeName`) or `pod-ip` (`status.podIP`, what the app can bind). */
  readonly hostEnv?: 'node-name' | 'pod-ip';
  /** Type of every workload's Service (default `ClusterIP`); a workload's `hints.serviceType` overrides it. */
  readonly serviceType?: ServiceType;
  /** marathon-lb virtual hosts and Admin Router paths become `ingress` (default, networking.k8s.io/v1 Ingress), `gateway` (HTTPRoute) or `none`. */
  readonly ingress?: 'ingress' | 'gateway' | 'none';
  /** marathon-lb group (`HAPROXY_GROUP`) → IngressClass name; unmapped groups use the target's default class. */
  readonly ingressClassMapping?: Readonly<Record<string, string>>;
  /** The Gateway HTTPRoutes attach to; required with `ingress: 'gateway'`. */
  readonly gateway?: GatewayParent;
  /** `files` (default): plain YAML per workload; `kustomize`: a base and one overlay per namespace; `helm`: a chart with values. */
  readonly layout?: 'files' | 'kustomize' | 'helm';
  /** Name of the Helm chart (`layout: 'helm'`). Default `baton-migration`. */
  readonly chartName?: string;
  /** Cluster DNS domain for the new service names in the DNS rewrite table. Default `cluster.local`. */
  readonly clusterDomain?: string;
}

export interface ResolvedOptions {
  readonly baseImage: string;
  readonly fetchImage: string;
  readonly namespaces:
    | { readonly rule: 'top-group' }
    | { readonly rule: 'flat' }
    | { readonly rule: 'depth'; readonly depth: number }
    /** Prefixes sorted longest first (by segments), so the first match is the most specific. */
    | { readonly rule: 'map'; readonly entries: readonly { readonly prefix: string; readonly segments: readonly string[]; readonly namespace: string }[] };
  readonly namespace: string;
  readonly secrets: 'skeleton' | 'external-secrets';
  readonly secretStore: { readonly name: string; readonly kind: 'SecretStore' | 'ClusterSecretStore' };
  readonly nodeLabelMapping: Readonly<Record<string, string>>;
  readonly storageClassMapping: Readonly<Record<string, string>>;
  readonly roleMapping: Readonly<Record<string, RolePlacement>>;
  readonly hostPorts: boolean;
  readonly syntheticEnv: 'referenced' | 'all';
  readonly hostEnv: 'node-name' | 'pod-ip';
  readonly serviceType: ServiceType;
  readonly ingress: 'ingress' | 'gateway' | 'none';
  readonly ingressClassMapping: Readonly<Record<string, string>>;
  readonly gateway?: GatewayParent;
  readonly layout: 'files' | 'kustomize' | 'helm';
  readonly chartName: string;
  readonly clusterDomain: string;
}

export const DEFAULT_OPTIONS = {
  baseImage: 'debian:12-slim',
  fetchImage: 'busybox:1.37',
  namespace: 'default',
  secretStore: { name: 'dcos-secrets', kind: 'ClusterSecretStore' },
  chartName: 'baton-migration',
  clusterDomain: 'cluster.local',
} as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const GROUP_PATH = /^\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)*)?$/;

/**
 * Merges factory options with `ctx.options` (the config file wins) and checks them, returning every
 * problem with its path rather than stopping at the first.
 */
export function resolveOptions(...layers: readonly (Readonly<Record<string, unknown>> | undefined)[]): { options: ResolvedOptions; problems: string[] } {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) if (layer) Object.assign(merged, layer);
  const problems: string[] = [];
  const str = (key: string, fallback: string): string => {
    const value = merged[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${key}: expected a non-empty string`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = merged[key];
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      problems.push(`${key}: expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
      return fallback;
    }
    return value as T;
  };
  const stringMap = (key: string): Record<string, string> => {
    const value = merged[key];
    if (value === undefined) return {};
    if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      problems.push(`${key}: expected an object of strings`);
      return {};
    }
    return value as Record<string, string>;
  };

  let namespaces: ResolvedOptions['namespaces'] = { rule: 'top-group' };
  const rule = merged.namespaces;
  if (rule === 'flat') namespaces = { rule: 'flat' };
  else if (typeof rule === 'string' && /^depth:[1-9]\d*$/.test(rule)) namespaces = { rule: 'depth', depth: Number(rule.slice(6)) };
  else if (rule === 'map') namespaces = { rule: 'map', entries: namespaceMapEntries(merged.namespaceMap, problems) };
  else if (typeof rule === 'string' && rule.startsWith('map:')) {
    problems.push(`namespaces: "${rule}" names a file; read it with readNamespaceMap() and pass namespaces: "map" with namespaceMap`);
  } else if (rule !== undefined && rule !== 'top-group') problems.push('namespaces: expected "top-group", "flat", "depth:N" (N ≥ 1) or "map"');
  if (rule !== 'map' && merged.namespaceMap !== undefined) namespaceMapEntries(merged.namespaceMap, problems);

  const namespace = str('namespace', DEFAULT_OPTIONS.namespace);
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) problems.push('namespace: expected a valid namespace name (DNS-1123 label)');

  let secretStore: ResolvedOptions['secretStore'] = DEFAULT_OPTIONS.secretStore;
  if (merged.secretStore !== undefined) {
    const store = merged.secretStore;
    if (!isRecord(store) || typeof store.name !== 'string' || (store.kind !== undefined && store.kind !== 'SecretStore' && store.kind !== 'ClusterSecretStore')) {
      problems.push('secretStore: expected { name: string, kind?: "SecretStore" | "ClusterSecretStore" }');
    } else secretStore = { name: store.name, kind: (store.kind as 'SecretStore' | 'ClusterSecretStore' | undefined) ?? 'ClusterSecretStore' };
  }

  const roleMapping: Record<string, RolePlacement> = {};
  if (merged.roleMapping !== undefined) {
    if (!isRecord(merged.roleMapping)) problems.push('roleMapping: expected an object keyed by role');
    else {
      for (const [role, placement] of Object.entries(merged.roleMapping)) {
        if (!isRecord(placement) || (placement.nodeSelector !== undefined && !isRecord(placement.nodeSelector)) || (placement.tolerations !== undefined && !Array.isArray(placement.tolerations))) {
          problems.push(`roleMapping.${role}: expected { nodeSelector?: object, tolerations?: array }`);
        } else roleMapping[role] = placement as RolePlacement;
      }
    }
  }

  const hostPorts = merged.hostPorts;
  if (hostPorts !== undefined && typeof hostPorts !== 'boolean') problems.push('hostPorts: expected a boolean');

  const ingressClassMapping = stringMap('ingressClassMapping');
  for (const [group, className] of Object.entries(ingressClassMapping)) {
    if (!DNS_SUBDOMAIN.test(className)) problems.push(`ingressClassMapping.${group}: expected an IngressClass name (DNS-1123 subdomain), got "${className}"`);
  }

  const ingress = oneOf('ingress', ['ingress', 'gateway', 'none'], 'ingress');
  let gateway: GatewayParent | undefined;
  if (merged.gateway !== undefined) {
    const value = merged.gateway;
    if (!isRecord(value)) problems.push('gateway: expected { name: string, namespace?: string, sectionName?: string }');
    else {
      const before = problems.length;
      if (typeof value.name !== 'string' || !DNS_SUBDOMAIN.test(value.name)) problems.push('gateway.name: expected a Gateway name (DNS-1123 subdomain)');
      if (value.namespace !== undefined && (typeof value.namespace !== 'string' || !DNS_LABEL.test(value.namespace))) problems.push('gateway.namespace: expected a namespace name (DNS-1123 label)');
      if (value.sectionName !== undefined && (typeof value.sectionName !== 'string' || !DNS_SUBDOMAIN.test(value.sectionName))) problems.push('gateway.sectionName: expected a listener name (DNS-1123 subdomain)');
      for (const key of Object.keys(value)) if (!['name', 'namespace', 'sectionName'].includes(key)) problems.push(`gateway.${key}: unknown field`);
      if (problems.length === before) {
        gateway = {
          name: value.name as string,
          ...(value.namespace !== undefined ? { namespace: value.namespace as string } : {}),
          ...(value.sectionName !== undefined ? { sectionName: value.sectionName as string } : {}),
        };
      }
    }
  } else if (ingress === 'gateway') problems.push('gateway: required with ingress: "gateway" ({ name, namespace?, sectionName? } of the Gateway the HTTPRoutes attach to)');

  const chartName = str('chartName', DEFAULT_OPTIONS.chartName);
  if (!DNS_LABEL.test(chartName)) problems.push('chartName: expected a chart name (lower-case letters, digits and -, at most 63 characters)');
  const clusterDomain = str('clusterDomain', DEFAULT_OPTIONS.clusterDomain);
  if (!DNS_SUBDOMAIN.test(clusterDomain)) problems.push('clusterDomain: expected a DNS domain such as "cluster.local"');

  return {
    options: {
      baseImage: str('baseImage', DEFAULT_OPTIONS.baseImage),
      fetchImage: str('fetchImage', DEFAULT_OPTIONS.fetchImage),
      namespaces,
      namespace,
      secrets: oneOf('secrets', ['skeleton', 'external-secrets'], 'skeleton'),
      secretStore,
      nodeLabelMapping: stringMap('nodeLabelMapping'),
      storageClassMapping: stringMap('storageClassMapping'),
      roleMapping,
      hostPorts: hostPorts === true,
      syntheticEnv: oneOf('syntheticEnv', ['referenced', 'all'], 'referenced'),
      hostEnv: oneOf('hostEnv', ['node-name', 'pod-ip'], 'node-name'),
      serviceType: oneOf('serviceType', ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless'], 'ClusterIP'),
      ingress,
      ingressClassMapping,
      ...(gateway ? { gateway } : {}),
      layout: oneOf('layout', ['files', 'kustomize', 'helm'], 'files'),
      chartName,
      clusterDomain,
    },
    problems,
  };
}

/**
 * Checks a `namespaceMap` (group prefix → namespace) and sorts it longest prefix first. Keys are
 * absolute Marathon group paths (`/prod/payments`; `/` matches everything), values namespace names.
 */
function namespaceMapEntries(value: unknown, problems: string[]): { prefix: string; segments: string[]; namespace: string }[] {
  if (value === undefined) {
    problems.push('namespaceMap: required with namespaces: "map" (group prefix → namespace)');
    return [];
  }
  if (!isRecord(value)) {
    problems.push('namespaceMap: expected an object of group prefix → namespace');
    return [];
  }
  const entries: { prefix: string; segments: string[]; namespace: string }[] = [];
  for (const [prefix, namespace] of Object.entries(value)) {
    const normalized = prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix;
    if (!GROUP_PATH.test(normalized)) problems.push(`namespaceMap.${prefix}: expected an absolute group path such as "/prod/payments" (or "/")`);
    else if (typeof namespace !== 'string' || !DNS_LABEL.test(namespace)) problems.push(`namespaceMap.${prefix}: expected a namespace name (DNS-1123 label), got ${JSON.stringify(namespace)}`);
    else entries.push({ prefix: normalized, segments: normalized.split('/').filter(Boolean), namespace });
  }
  return entries.sort((a, b) => b.segments.length - a.segments.length || (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
