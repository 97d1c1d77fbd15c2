import { definePlugin, type Checker } from '@baton/core';
import { assertCniOptions, type CniOptions } from './cni-options.js';
import { cniRules, type CniRuleId } from './rules/cni-rules.js';
import { CNI_VERSION } from './version.js';

/**
 * The CNI checker plugin. `options` are defaults; options the pipeline passes for this plugin
 * (from the config file) win over them, key by key.
 */
export function cni(options: CniOptions = {}) {
  assertCniOptions(options);
  return definePlugin({
    apiVersion: 1,
    meta: { name: '@baton/cni', version: CNI_VERSION, namespace: 'cni' },
    compatibility: { core: '^0.1.0' },
    checkers: withDefaults(cniRules, options),
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

export type { CniRuleId };
