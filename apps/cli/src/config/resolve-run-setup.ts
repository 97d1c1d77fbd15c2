import type { Severity } from '@baton/core';
import { collectRules } from '../collect-rules.js';
import type { DefaultPluginOptions } from '../default-plugins.js';
import type { OverrideRule } from '../overrides/override-rule.js';
import { hostPlugins, type HostPlugins } from '../plugins/host-plugins.js';
import { configError, loadConfig, type ConfigLocation, type LoadedConfig } from './load-config.js';
import { resolveRuleSeverity } from './resolve-rule-severity.js';

export interface RunSetup extends HostPlugins {
  readonly config?: LoadedConfig;
  /** Per plugin name: the config's options, with the command line's on top. */
  readonly pluginOptions: Record<string, Record<string, unknown>>;
  readonly ruleSeverity: Record<string, Severity | 'off'>;
  readonly checkerTimeoutMs?: number;
  readonly overrides: readonly OverrideRule[];
}

export interface RunSetupRequest extends ConfigLocation {
  /** `--plugin` values. */
  readonly cliPlugins?: readonly string[];
  /** Built-in plugin options from flags, by built-in key; they win over the config. */
  readonly flags?: DefaultPluginOptions;
}

const BUILT_IN_NAMES = { marathon: '@baton/marathon', kubernetes: '@baton/kubernetes', cni: '@baton/cni', csi: '@baton/csi' } as const;

/**
 * Everything a planning run takes from the config file and the plugin flags: the plugins, their
 * options (config keys mapped onto the built-in plugins' options, then `plugins[i].options` for a
 * built-in, then flags), rule severities checked against the loaded rules, the checker time limit
 * and the override rules.
 */
export async function resolveRunSetup(request: RunSetupRequest): Promise<RunSetup> {
  const config = await loadConfig(request);
  const host = await hostPlugins({ ...(config ? { config } : {}), cliPlugins: request.cliPlugins ?? [], cwd: request.cwd, defaults: request.flags ?? {} });
  const settings = config?.config ?? {};
  const fromKeys: Record<string, Record<string, unknown>> = {
    '@baton/kubernetes': pick({
      namespaces: settings.namespaces,
      namespace: settings.namespace,
      baseImage: settings.baseImage,
      storageClassMapping: settings.storageClassMapping,
      nodeLabelMapping: settings.nodeLabelMapping,
      ingressClassMapping: settings.ingressClassMapping,
    }),
    '@baton/csi': pick({ storageClassMapping: settings.storageClassMapping }),
  };
  const pluginOptions: Record<string, Record<string, unknown>> = {};
  for (const plugin of host.plugins) {
    const name = plugin.meta.name;
    const flagKey = (Object.keys(BUILT_IN_NAMES) as (keyof typeof BUILT_IN_NAMES)[]).find((key) => BUILT_IN_NAMES[key] === name);
    const merged = { ...fromKeys[name], ...host.builtInOptions[name], ...(flagKey ? request.flags?.[flagKey] : undefined) };
    if (Object.keys(merged).length > 0) pluginOptions[name] = merged;
  }
  const { ruleSeverity, problems } = resolveRuleSeverity(settings.rules, collectRules(host.plugins));
  if (problems.length > 0) throw configError(config!.file, problems);
  return {
    ...host,
    ...(config ? { config } : {}),
    pluginOptions,
    ruleSeverity,
    ...(settings.checkerTimeoutMs !== undefined ? { checkerTimeoutMs: settings.checkerTimeoutMs } : {}),
    overrides: settings.overrides ?? [],
  };
}

function pick(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
