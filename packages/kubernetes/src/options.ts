import type { K8sToleration } from './k8s-types.js';

export type NamespaceRule = 'top-group' | 'flat' | `depth:${number}`;

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
  /** `top-group` (default): the top-level group is the namespace; `flat`: everything in `namespace`; `depth:N`: the first N groups. */
  readonly namespaces?: NamespaceRule;
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
}

export interface ResolvedOptions {
  readonly baseImage: string;
  readonly fetchImage: string;
  readonly namespaces: { readonly rule: 'top-group' } | { readonly rule: 'flat' } | { readonly rule: 'depth'; readonly depth: number };
  readonly namespace: string;
  readonly secrets: 'skeleton' | 'external-secrets';
  readonly secretStore: { readonly name: string; readonly kind: 'SecretStore' | 'ClusterSecretStore' };
  readonly nodeLabelMapping: Readonly<Record<string, string>>;
  readonly storageClassMapping: Readonly<Record<string, string>>;
  readonly roleMapping: Readonly<Record<string, RolePlacement>>;
  readonly hostPorts: boolean;
  readonly syntheticEnv: 'referenced' | 'all';
  readonly hostEnv: 'node-name' | 'pod-ip';
}

export const DEFAULT_OPTIONS = {
  baseImage: 'debian:12-slim',
  fetchImage: 'busybox:1.37',
  namespace: 'default',
  secretStore: { name: 'dcos-secrets', kind: 'ClusterSecretStore' },
} as const;

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
  else if (rule !== undefined && rule !== 'top-group') problems.push('namespaces: expected "top-group", "flat" or "depth:N" (N ≥ 1)');

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
    },
    problems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
