import type { Workload } from '@baton/core';
import type { OverrideRule } from './override-rule.js';

/** `*` within one segment, `**` across segments, `?` one character; the whole id must match. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      // `/**` at the end also matches the folder itself: `/prod/**` matches `/prod`.
      if (glob[index + 2] === undefined && source.endsWith('/')) source = `${source.slice(0, -1)}(?:/.*)?`;
      else source += '.*';
      index++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const SELECTOR = /^([A-Za-z0-9_./-]+)\s*(?:(!=|==|=)\s*(.*))?$/;

/** Whether a label selector (`key`, `key=value`, `key==value`, `key!=value`) is well formed. */
export function isLabelSelector(selector: string): boolean {
  return SELECTOR.test(selector.trim());
}

export function matchesLabel(labels: Readonly<Record<string, string>>, selector: string): boolean {
  const match = SELECTOR.exec(selector.trim());
  if (!match) return false;
  const [, key, operator, value] = match;
  const actual = labels[key!];
  if (operator === undefined) return actual !== undefined;
  if (operator === '!=') return actual !== value;
  return actual === value;
}

const list = (value: string | readonly string[] | undefined): readonly string[] | undefined => (value === undefined ? undefined : typeof value === 'string' ? [value] : value);

/** A compiled `match`: every condition given must hold; within a list, any item. */
export function workloadMatcher(match: OverrideRule['match']): (workload: Pick<Workload, 'id' | 'labels'>) => boolean {
  const ids = list(match.id)?.map(globToRegExp);
  const labels = list(match.label);
  return (workload) =>
    (ids === undefined || ids.some((pattern) => pattern.test(workload.id))) &&
    (labels === undefined || labels.some((selector) => matchesLabel(workload.labels, selector)));
}
