import { BatonError } from '@baton/core';

export interface CsiOptions {
  /**
   * Marathon storage → StorageClass name. Keys, most specific first: a persistent volume's
   * `profileName`, its `type` (`root`, `path`, `mount`), an external volume's driver (`rexray`,
   * `pxd`, `rexray/ebs`) or CSI `pluginName`, its provider (`dvdi`, `csi`), and `*` for all.
   */
  readonly storageClassMapping?: Readonly<Record<string, string>>;
  /** Marathon external volume driver (`rexray`, `rexray/ebs`, `pxd`, a CSI pluginName) → Kubernetes CSI driver name. */
  readonly driverMapping?: Readonly<Record<string, string>>;
}

export interface ResolvedCsiOptions {
  readonly storageClassMapping: Readonly<Record<string, string>>;
  readonly driverMapping: Readonly<Record<string, string>>;
}

export function validateCsiOptions(options: unknown): string[] {
  if (options === undefined) return [];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return ['options: expected an object'];
  const problems: string[] = [];
  const value = options as Record<string, unknown>;
  const known = ['storageClassMapping', 'driverMapping'];
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`options.${key}: unknown option (known: ${known.join(', ')})`);
  for (const key of known) {
    const mapping = value[key];
    if (mapping === undefined) continue;
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
      problems.push(`options.${key}: expected an object of name → name`);
      continue;
    }
    for (const [from, to] of Object.entries(mapping)) {
      if (typeof to !== 'string' || to.length === 0 || /\s/.test(to)) problems.push(`options.${key}.${from}: expected a name, received ${JSON.stringify(to)}`);
    }
  }
  return problems;
}

/** Options with defaults; later layers win (factory options, then the pipeline's per-plugin options). */
export function resolveCsiOptions(...layers: readonly (CsiOptions | Readonly<Record<string, unknown>> | undefined)[]): ResolvedCsiOptions {
  const merged = Object.assign({}, ...layers.filter(Boolean)) as CsiOptions;
  return { storageClassMapping: merged.storageClassMapping ?? {}, driverMapping: merged.driverMapping ?? {} };
}

/** Throws BATON4001 listing every problem, so a bad config fails at load time, not mid-plan. */
export function assertCsiOptions(options: unknown, plugin = '@baton/csi'): void {
  const problems = validateCsiOptions(options);
  if (problems.length > 0) throw new BatonError('BATON4001', { plugin, reason: problems.join('; ') });
}
