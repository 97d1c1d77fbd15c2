import { pathToFileURL } from 'node:url';
import { BatonError, CORE_VERSION, PLUGIN_API_VERSION, type Plugin } from '@baton/core';
import { checkPlugins, type PluginProblem } from './check-plugins.js';
import { resolvePluginEntry } from './resolve-plugin-entry.js';
import { validateBuiltInOptions } from './validate-built-in-options.js';

/** One plugin named by the config (`plugins[1]`) or the command line (`--plugin x`). */
export interface PluginRequest {
  /** Where it was named, the start of every problem's path. */
  readonly at: string;
  /** A package name or path, `{ package, options }`, or (code configs) a plugin object or factory. */
  readonly entry: unknown;
  /** Package names and relative paths resolve from here: the config's directory, or cwd for `--plugin`. */
  readonly fromDirectory: string;
}

export interface LoadedPlugin {
  readonly plugin: Plugin<any>;
  /** Where it came from, for `migrate plugins`: the config path or `--plugin`. */
  readonly via: string;
  /** The file imported, when it was named by package or path. */
  readonly file?: string;
}

export interface PluginLoad {
  /** The extra plugins, in the order they were named. */
  readonly loaded: readonly LoadedPlugin[];
  /** Options for built-in plugins named in the config, keyed by plugin name (their `ctx.options`). */
  readonly builtInOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Imports, builds and checks the plugins the user named, and reports every problem of every plugin
 * at once: BATON4002 when the only problems are plugin API versions, BATON4001 otherwise.
 * Nothing is loaded that was not named.
 */
export async function loadPlugins(requests: readonly PluginRequest[], builtIns: readonly Plugin<any>[]): Promise<PluginLoad> {
  const builtInNames = new Set(builtIns.map((plugin) => plugin.meta.name));
  const problems: PluginProblem[] = [];
  const candidates: { at: string; plugin: unknown; file?: string }[] = [];
  const builtInOptions: Record<string, Record<string, unknown>> = {};

  for (const { at, entry, fromDirectory } of requests) {
    const spec = typeof entry === 'string' ? entry : isObject(entry) && typeof entry.package === 'string' ? entry.package : undefined;
    const options = isObject(entry) && isObject(entry.options) ? entry.options : undefined;
    if (spec !== undefined && builtInNames.has(spec)) {
      if (options) {
        problems.push(...(await validateBuiltInOptions(spec, options, at)).map((message) => ({ message })));
        builtInOptions[spec] = { ...builtInOptions[spec], ...options };
      }
      continue;
    }
    let value: unknown = entry;
    let file: string | undefined;
    if (spec !== undefined) {
      const resolved = resolvePluginEntry(spec, fromDirectory);
      if ('reason' in resolved) {
        problems.push({ message: `${at}: cannot find the plugin "${spec}": ${resolved.reason}` });
        continue;
      }
      file = resolved.file;
      try {
        value = unwrapDefault(await import(pathToFileURL(file).href));
      } catch (error) {
        problems.push({ message: `${at}: importing ${file} failed: ${reason(error)}` });
        continue;
      }
    }
    if (typeof value === 'function') {
      try {
        value = await (value as (options?: unknown) => unknown)(options ?? {});
      } catch (error) {
        problems.push({ message: `${at}: the plugin factory threw: ${reason(error)}` });
        continue;
      }
    } else if (options !== undefined) {
      problems.push({ message: `${at}.options: the module exports a plugin object, not a factory, so it takes no options` });
      continue;
    }
    candidates.push({ at, plugin: value, ...(file ? { file } : {}) });
  }

  problems.push(...checkPlugins(candidates, builtIns));
  if (problems.length > 0) throw pluginLoadError(requests.map((request) => request.at), problems);
  return {
    loaded: candidates.map(({ at, plugin, file }) => ({ plugin: plugin as Plugin<any>, via: at, ...(file ? { file } : {}) })),
    builtInOptions,
  };
}

/** `export default factory`, the CJS form `module.exports = { default: factory }`, or the module itself. */
function unwrapDefault(module: Record<string, unknown>): unknown {
  let value: unknown = 'default' in module ? module.default : module;
  if (isObject(value) && 'default' in value && !('apiVersion' in value)) value = value.default;
  return value;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pluginLoadError(names: readonly string[], problems: readonly PluginProblem[]): BatonError {
  const list = problems.map((problem) => `\n  - ${problem.message}`).join('');
  if (problems.every((problem) => problem.apiVersion !== undefined)) {
    return new BatonError('BATON4002', {
      plugin: problems.map((problem) => problem.label).join(', '),
      apiVersion: [...new Set(problems.map((problem) => JSON.stringify(problem.apiVersion)))].join(', '),
      supported: String(PLUGIN_API_VERSION),
      coreVersion: CORE_VERSION,
    });
  }
  return new BatonError('BATON4001', { plugin: names.join(', '), reason: `${problems.length} problem(s):${list}` });
}
