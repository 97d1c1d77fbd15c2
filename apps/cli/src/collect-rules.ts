import { CORE_RULES, type Plugin, type RuleMeta } from '@baton/core';

/** Every rule the loaded plugins can report, with the plugin that owns it, sorted by id. */
export function collectRules(plugins: readonly Plugin<any>[]): Array<RuleMeta & { plugin: string }> {
  const rules = new Map<string, RuleMeta & { plugin: string }>();
  for (const rule of Object.values(CORE_RULES)) rules.set(rule.id, { ...rule, plugin: '@baton/core' });
  for (const plugin of plugins) {
    for (const rule of Object.values(plugin.rules ?? {})) rules.set(rule.id, { ...rule, plugin: plugin.meta.name });
    for (const checker of Object.values(plugin.checkers ?? {})) rules.set(checker.meta.id, { ...checker.meta, plugin: plugin.meta.name });
  }
  return [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
