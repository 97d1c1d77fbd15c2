import { CORE_VERSION, PLUGIN_API_VERSION, validatePlugin, type Plugin } from '@baton/core';
import { satisfiesRange } from './satisfies-range.js';

export interface PluginProblem {
  /** Where the plugin was named (`plugins[1]`, `--plugin x`), then the path inside it. */
  readonly message: string;
  /** Its apiVersion is not this host's: reported as BATON4002 when it is the only kind of problem. */
  readonly apiVersion?: unknown;
  /** `name@version (where)`, for apiVersion problems. */
  readonly label?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Every problem of every plugin at once: shape (core's validatePlugin, path by path), apiVersion,
 * `compatibility.core` against this core, rule ids outside the plugin's namespace, and names or
 * namespaces already taken by another loaded plugin (built-ins included).
 */
export function checkPlugins(candidates: readonly { readonly at: string; readonly plugin: unknown }[], builtIns: readonly Plugin<any>[]): PluginProblem[] {
  const problems: PluginProblem[] = [];
  const names = new Map(builtIns.map((plugin) => [plugin.meta.name, 'a built-in plugin']));
  const namespaces = new Map(builtIns.map((plugin) => [plugin.meta.namespace, plugin.meta.name]));
  for (const { at, plugin } of candidates) {
    if (isObject(plugin) && plugin.apiVersion !== PLUGIN_API_VERSION) {
      const meta = isObject(plugin.meta) ? plugin.meta : {};
      problems.push({
        message: `${at}.apiVersion: ${String(meta.name ?? 'the plugin')}@${String(meta.version ?? '?')} declares plugin API ${JSON.stringify(plugin.apiVersion)}; this host supports ${PLUGIN_API_VERSION} (@baton/core ${CORE_VERSION})`,
        apiVersion: plugin.apiVersion,
        label: `${String(meta.name ?? '?')}@${String(meta.version ?? '?')} (${at})`,
      });
      continue;
    }
    const shape = validatePlugin(plugin, at);
    problems.push(...shape.map((message) => ({ message })));
    if (shape.length > 0 || !isObject(plugin)) continue;
    const valid = plugin as unknown as Plugin<any>;
    const { name, namespace } = valid.meta;
    const range = valid.compatibility?.core;
    if (range !== undefined) {
      const fits = typeof range === 'string' ? satisfiesRange(CORE_VERSION, range) : undefined;
      if (fits === undefined) problems.push({ message: `${at}.compatibility.core: expected a semver range such as "^0.1.0", received ${JSON.stringify(range)}` });
      else if (!fits) problems.push({ message: `${at}.compatibility.core: ${name} supports @baton/core ${range}; this host has ${CORE_VERSION}` });
    }
    const ruleIds = [
      ...Object.entries(valid.rules ?? {}).map(([key, rule]) => [`${at}.rules[${JSON.stringify(key)}].id`, rule.id] as const),
      ...Object.entries(valid.checkers ?? {}).map(([key, checker]) => [`${at}.checkers[${JSON.stringify(key)}].meta.id`, checker.meta.id] as const),
    ];
    for (const [path, id] of ruleIds) {
      if (!id.startsWith(`${namespace}/`)) problems.push({ message: `${path}: expected a rule id in the plugin's namespace ("${namespace}/…"), received ${JSON.stringify(id)}` });
    }
    const takenName = names.get(name);
    if (takenName) problems.push({ message: `${at}.meta.name: "${name}" is already loaded (${takenName})` });
    else names.set(name, at);
    const takenNamespace = namespaces.get(namespace);
    if (takenNamespace && takenNamespace !== name) problems.push({ message: `${at}.meta.namespace: "${namespace}" is already the namespace of ${takenNamespace}` });
    else namespaces.set(namespace, name);
  }
  return problems;
}
