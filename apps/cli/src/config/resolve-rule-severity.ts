import type { RuleMeta, Severity } from '@baton/core';
import { closestKey, entryPath } from './config-path.js';

/**
 * The pipeline's `ruleSeverity` from the config's `rules`: exact ids, and `<namespace>/*` for every
 * rule of a namespace (an exact id wins over its namespace). A key naming no rule of the loaded
 * plugins is a problem: a typo would otherwise silently keep the default severity.
 */
export function resolveRuleSeverity(rules: Readonly<Record<string, Severity | 'off'>> | undefined, known: readonly RuleMeta[]): { ruleSeverity: Record<string, Severity | 'off'>; problems: string[] } {
  const ruleSeverity: Record<string, Severity | 'off'> = {};
  const problems: string[] = [];
  if (!rules) return { ruleSeverity, problems };
  const ids = known.map((rule) => rule.id);
  const entries = Object.entries(rules);
  for (const [key, severity] of entries.filter(([key]) => key.endsWith('/*'))) {
    const namespace = key.slice(0, -1);
    const matching = ids.filter((id) => id.startsWith(namespace));
    if (matching.length === 0) {
      const namespaces = [...new Set(ids.map((id) => id.split('/')[0]!))].sort();
      problems.push(`${entryPath('rules', key)}: no loaded plugin reports rules in the namespace "${key.slice(0, -2)}" (namespaces: ${namespaces.join(', ')})`);
    }
    for (const id of matching) ruleSeverity[id] = severity;
  }
  for (const [key, severity] of entries.filter(([key]) => !key.endsWith('/*'))) {
    if (!ids.includes(key)) {
      const near = closestKey(key, ids);
      problems.push(`${entryPath('rules', key)}: no loaded plugin reports this rule${near ? ` (did you mean "${near}"?)` : ''}; \`migrate explain --list\` lists them`);
    }
    ruleSeverity[key] = severity;
  }
  return { ruleSeverity, problems };
}
