import type { Plugin, Severity } from '@baton/core';
import type { OverrideRule } from '../overrides/override-rule.js';

/** A plugin to load: a package name or path, optionally with the options its factory is called with. */
export type PluginSpec = string | { readonly package: string; readonly options?: Readonly<Record<string, unknown>> };

/**
 * `baton.config.{ts,mjs,js,json,yaml}`. JSON and YAML configs name plugins by package; code configs
 * may also put plugin objects (or factories) in `plugins`. The JSON Schema is
 * `@baton/cli/schema/baton.config.schema.json`.
 */
export interface BatonConfig {
  readonly $schema?: string;
  /** Extra plugins, asked before the built-in ones; an entry naming a built-in plugin only sets its options. */
  readonly plugins?: readonly (PluginSpec | Plugin<any> | ((options?: any) => Plugin<any> | Promise<Plugin<any>>))[];
  /** Severity per rule id, or per namespace with `<namespace>/*`; `off` drops the rule's findings. */
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
  /** Namespace rule: `top-group` (default), `flat` or `depth:N`. */
  readonly namespaces?: string;
  /** Namespace for `flat` and for apps at the root. */
  readonly namespace?: string;
  /** Image for command-only apps. */
  readonly baseImage?: string;
  readonly images?: {
    /** Exact image reference (`nginx:1.19`) or repository (`acme/api`, any tag) → replacement. */
    readonly overrides?: Readonly<Record<string, string>>;
    /** Registry host (`registry.dcos.example:5000`, `docker.io`) → new registry or registry/prefix. */
    readonly registries?: Readonly<Record<string, string>>;
  };
  /** DVDI driver, CSI plugin, persistent volume profile or type (or `*`) → StorageClass. */
  readonly storageClassMapping?: Readonly<Record<string, string>>;
  /** marathon-lb group or exposure kind → IngressClass (for writers that emit Ingress objects). */
  readonly ingressClassMapping?: Readonly<Record<string, string>>;
  /** Mesos agent attribute → node label key. */
  readonly nodeLabelMapping?: Readonly<Record<string, string>>;
  /** Patches applied to the written objects of matching workloads, in order. */
  readonly overrides?: readonly OverrideRule[];
  /** A checker running longer than this (ms) becomes a `core/plugin-failed` finding. */
  readonly checkerTimeoutMs?: number;
}

export const CONFIG_KEYS = [
  '$schema', 'plugins', 'rules', 'namespaces', 'namespace', 'baseImage', 'images', 'storageClassMapping',
  'ingressClassMapping', 'nodeLabelMapping', 'overrides', 'checkerTimeoutMs',
] as const;
export const IMAGES_KEYS = ['overrides', 'registries'] as const;
export const PLUGIN_ENTRY_KEYS = ['package', 'options'] as const;

/** Adds types only, for code configs: `export default defineConfig({ ... })`. */
export function defineConfig<const C extends BatonConfig>(config: C): C {
  return config;
}
