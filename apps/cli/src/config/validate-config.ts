import { validateOverrideRules } from '../overrides/validate-override-rules.js';
import { CONFIG_KEYS, IMAGES_KEYS, PLUGIN_ENTRY_KEYS, type BatonConfig } from './baton-config.js';
import { closestKey, describeValue, entryPath, indexPath, keyPath } from './config-path.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const SEVERITIES = ['error', 'warning', 'info', 'off'];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Checks a loaded config and returns every problem, each with the path of the bad key
 * (`storageClassMapping["rexray"]: expected a string`). Plugin objects in code configs are checked
 * later, with the plugins, by core's validatePlugin.
 */
export function validateConfig(value: unknown): { config: BatonConfig; problems: string[] } {
  if (!isObject(value)) return { config: {}, problems: [`(root): expected an object of settings, received ${describeValue(value)}`] };
  const problems: string[] = [];
  const push = (...items: string[]) => problems.push(...items);
  for (const key of Object.keys(value)) {
    if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
    const near = closestKey(key, CONFIG_KEYS);
    push(`${key}: unknown key${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  const config = value as Record<string, unknown>;
  if (config.$schema !== undefined && typeof config.$schema !== 'string') push(`$schema: expected a string, received ${describeValue(config.$schema)}`);
  if (config.plugins !== undefined) push(...validatePluginEntries(config.plugins));
  if (config.rules !== undefined) {
    push(
      ...stringMap(config.rules, 'rules', (severity, at) => (SEVERITIES.includes(severity) ? undefined : `${at}: expected "error", "warning", "info" or "off", received ${describeValue(severity)}`), (key, at) =>
        /^[a-z][a-z0-9-]*\/(\*|[a-z0-9][a-z0-9-]*)$/.test(key) ? undefined : `${at}: expected a rule id such as "csi/driver-missing" or a namespace such as "csi/*"`,
      ),
    );
  }
  if (config.namespaces !== undefined && !(typeof config.namespaces === 'string' && /^(top-group|flat|depth:[1-9]\d*)$/.test(config.namespaces))) {
    push(`namespaces: expected "top-group", "flat" or "depth:N" (N ≥ 1), received ${describeValue(config.namespaces)}`);
  }
  if (config.namespace !== undefined && !(typeof config.namespace === 'string' && DNS_LABEL.test(config.namespace))) {
    push(`namespace: expected a namespace name (lowercase letters, digits and "-", at most 63), received ${describeValue(config.namespace)}`);
  }
  if (config.baseImage !== undefined && !(typeof config.baseImage === 'string' && /^\S+$/.test(config.baseImage))) push(`baseImage: expected an image reference, received ${describeValue(config.baseImage)}`);
  if (config.images !== undefined) {
    if (!isObject(config.images)) push(`images: expected { overrides?, registries? }, received ${describeValue(config.images)}`);
    else {
      for (const key of Object.keys(config.images)) if (!(IMAGES_KEYS as readonly string[]).includes(key)) push(`${keyPath('images', key)}: unknown key; known: ${IMAGES_KEYS.join(', ')}`);
      const image = (item: string, at: string) => (/^\S+$/.test(item) ? undefined : `${at}: expected an image reference, received ${describeValue(item)}`);
      if (config.images.overrides !== undefined) push(...stringMap(config.images.overrides, 'images.overrides', image));
      if (config.images.registries !== undefined) push(...stringMap(config.images.registries, 'images.registries', image));
    }
  }
  for (const key of ['storageClassMapping', 'ingressClassMapping'] as const) {
    if (config[key] !== undefined) push(...stringMap(config[key], key, (name, at) => (/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) ? undefined : `${at}: expected a Kubernetes object name, received ${describeValue(name)}`)));
  }
  if (config.nodeLabelMapping !== undefined) {
    push(...stringMap(config.nodeLabelMapping, 'nodeLabelMapping', (label, at) => (/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(label) ? undefined : `${at}: expected a node label key, received ${describeValue(label)}`)));
  }
  if (config.overrides !== undefined) push(...validateOverrideRules(config.overrides));
  if (config.checkerTimeoutMs !== undefined && !(Number.isInteger(config.checkerTimeoutMs) && (config.checkerTimeoutMs as number) > 0)) {
    push(`checkerTimeoutMs: expected a whole number of milliseconds above 0, received ${describeValue(config.checkerTimeoutMs)}`);
  }
  return { config: value as BatonConfig, problems };
}

/** An object of strings; `check` looks at each value, `checkKey` at each key. */
function stringMap(value: unknown, path: string, check?: (item: string, path: string) => string | undefined, checkKey?: (key: string, path: string) => string | undefined): string[] {
  if (!isObject(value)) return [`${path}: expected an object of strings, received ${describeValue(value)}`];
  const problems: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const at = entryPath(path, key);
    const keyProblem = checkKey?.(key, at);
    if (keyProblem) problems.push(keyProblem);
    if (typeof item !== 'string') problems.push(`${at}: expected a string, received ${describeValue(item)}`);
    else {
      const problem = check?.(item, at);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function validatePluginEntries(value: unknown): string[] {
  if (!Array.isArray(value)) return [`plugins: expected a list of plugins, received ${describeValue(value)}`];
  const problems: string[] = [];
  value.forEach((entry, index) => {
    const at = indexPath('plugins', index);
    if (typeof entry === 'string') {
      if (entry.trim() === '') problems.push(`${at}: expected a package name or path, received ""`);
      return;
    }
    if (typeof entry === 'function') return;
    if (!isObject(entry)) {
      problems.push(`${at}: expected a package name, { package, options } or a plugin object, received ${describeValue(entry)}`);
      return;
    }
    // A plugin object (code configs): shape checked with the plugins.
    if ('apiVersion' in entry || 'meta' in entry) return;
    for (const key of Object.keys(entry)) if (!(PLUGIN_ENTRY_KEYS as readonly string[]).includes(key)) problems.push(`${keyPath(at, key)}: unknown key; known: ${PLUGIN_ENTRY_KEYS.join(', ')}`);
    if (typeof entry.package !== 'string' || entry.package.trim() === '') problems.push(`${keyPath(at, 'package')}: expected a package name or path, received ${describeValue(entry.package)}`);
    if (entry.options !== undefined && !isObject(entry.options)) problems.push(`${keyPath(at, 'options')}: expected an object, received ${describeValue(entry.options)}`);
  });
  return problems;
}
