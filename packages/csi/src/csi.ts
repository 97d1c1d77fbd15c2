import { definePlugin, type Checker } from '@baton/core';
import { assertCsiOptions, type CsiOptions } from './csi-options.js';
import { csiRules, type CsiRuleId } from './rules/csi-rules.js';
import { CSI_VERSION } from './version.js';

/**
 * The CSI checker plugin. `options` are defaults; options the pipeline passes for this plugin
 * (from the config file) win over them, key by key.
 */
export function csi(options: CsiOptions = {}) {
  assertCsiOptions(options);
  return definePlugin({
    apiVersion: 1,
    meta: { name: '@baton/csi', version: CSI_VERSION, namespace: 'csi' },
    compatibility: { core: '^0.1.0' },
    checkers: withDefaults(csiRules, options),
  });
}

/** Binds default options into each checker's context, without changing the rule objects. */
export function withDefaults<Rules extends Readonly<Record<string, Checker<any>>>>(rules: Rules, defaults: object): Rules {
  if (Object.keys(defaults).length === 0) return rules;
  const bound: Record<string, Checker<any>> = {};
  for (const [id, rule] of Object.entries(rules)) {
    bound[id] = { ...rule, check: (ctx) => rule.check({ ...ctx, options: { ...defaults, ...ctx.options } }) };
  }
  return bound as Rules;
}

export type { CsiRuleId };
