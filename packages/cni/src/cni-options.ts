import { BatonError } from '@baton/core';

export interface CniOptions {
  /**
   * Marathon network name → `default` (join the primary pod network) or a Multus
   * NetworkAttachmentDefinition as `name` or `namespace/name` (a secondary interface).
   */
  readonly networkMapping?: Readonly<Record<string, string>>;
  /** NetworkPolicies reproduce Marathon's network isolation (the CLI's `--network-policies`). */
  readonly networkPolicies?: boolean;
  /**
   * When a host-mode Marathon app needs the node's network namespace: `require-ports` (default:
   * only apps with `requirePorts` and fixed ports), `always` (every host-mode app) or `never`.
   */
  readonly hostNetwork?: 'require-ports' | 'always' | 'never';
  /** Whether fixed Marathon host ports become `hostPort`s (`keep`, default) or are dropped for Services (`drop`). */
  readonly hostPorts?: 'keep' | 'drop';
}

export interface ResolvedCniOptions {
  readonly networkMapping: Readonly<Record<string, string>>;
  readonly networkPolicies: boolean;
  readonly hostNetwork: 'require-ports' | 'always' | 'never';
  readonly hostPorts: 'keep' | 'drop';
}

/** `default` in networkMapping: the Marathon network becomes the primary pod network. */
export const PRIMARY_NETWORK = 'default';

/** Problems with the options, each with its path (`options.networkMapping.dcos: …`). */
export function validateCniOptions(options: unknown): string[] {
  if (options === undefined) return [];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return ['options: expected an object'];
  const problems: string[] = [];
  const value = options as Record<string, unknown>;
  const known = ['networkMapping', 'networkPolicies', 'hostNetwork', 'hostPorts'];
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`options.${key}: unknown option (known: ${known.join(', ')})`);
  if (value.networkMapping !== undefined) {
    const mapping = value.networkMapping;
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) problems.push('options.networkMapping: expected an object of network name → "default" or a NetworkAttachmentDefinition');
    else {
      for (const [name, to] of Object.entries(mapping)) {
        if (typeof to !== 'string' || !/^(default|([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.test(to)) {
          problems.push(`options.networkMapping.${name}: expected "default" or a NetworkAttachmentDefinition "name" or "namespace/name", received ${JSON.stringify(to)}`);
        }
      }
    }
  }
  if (value.networkPolicies !== undefined && typeof value.networkPolicies !== 'boolean') problems.push('options.networkPolicies: expected true or false');
  if (value.hostNetwork !== undefined && !['require-ports', 'always', 'never'].includes(value.hostNetwork as string)) {
    problems.push('options.hostNetwork: expected "require-ports", "always" or "never"');
  }
  if (value.hostPorts !== undefined && !['keep', 'drop'].includes(value.hostPorts as string)) problems.push('options.hostPorts: expected "keep" or "drop"');
  return problems;
}

/** Options with defaults; `layers` later win (factory options, then the pipeline's per-plugin options). */
export function resolveCniOptions(...layers: readonly (CniOptions | Readonly<Record<string, unknown>> | undefined)[]): ResolvedCniOptions {
  const merged = Object.assign({}, ...layers.filter(Boolean)) as CniOptions;
  return {
    networkMapping: merged.networkMapping ?? {},
    networkPolicies: merged.networkPolicies ?? false,
    hostNetwork: merged.hostNetwork ?? 'require-ports',
    hostPorts: merged.hostPorts ?? 'keep',
  };
}

/** Throws BATON4001 listing every problem, so a bad config fails at load time, not mid-plan. */
export function assertCniOptions(options: unknown, plugin = '@baton/cni'): void {
  const problems = validateCniOptions(options);
  if (problems.length > 0) throw new BatonError('BATON4001', { plugin, reason: problems.join('; ') });
}
