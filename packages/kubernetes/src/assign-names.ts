import type { Workload } from '@baton/core';
import type { Report } from './context.js';
import type { WorkloadNames } from './metadata.js';
import { MAX_LABEL_LENGTH, sanitizeDnsLabel, shortHash, toDnsLabel, toLabelValue, type DerivedName } from './names.js';
import { placeInNamespace, withNamespaceHint } from './namespaces.js';
import type { ResolvedOptions } from './options.js';

export interface NamedWorkload extends WorkloadNames {
  /** Group id the namespace stands for (`/` when none). */
  readonly namespaceGroup: string;
}

/**
 * Namespace and name for every workload. Names are DNS-1035 labels (Services need a leading
 * letter, and one name is shared by all of a workload's objects). Colliding names are resolved
 * deterministically: ids sorted, the first keeps the name, the others get a hash of their id.
 */
export function assignNames(workloads: readonly Workload[], options: ResolvedOptions, reportFor: (workload: string) => Report): Map<string, NamedWorkload> {
  const assigned = new Map<string, NamedWorkload>();
  const reportedNamespaces = new Set<string>();
  const byKey = new Map<string, string[]>();
  for (const workload of workloads) {
    const placement = withNamespaceHint(placeInNamespace(workload.id, options), workload.hints.namespace);
    if (placement.namespace.adjustments.length > 0 && !reportedNamespaces.has(placement.group)) {
      reportedNamespaces.add(placement.group);
      reportAdjustment(reportFor('*'), placement.namespace, 'namespace', placement.group);
    }
    const prefix = sanitizeDnsLabel(workload.sourceKind) || 'w';
    const derived = toDnsLabel(placement.nameSegments.join('-'), { startWithLetter: true, prefix, hashSource: workload.id });
    if (derived.adjustments.length > 0) reportAdjustment(reportFor(workload.id), derived, 'name', workload.id);
    const groups = workload.id.split('/').filter(Boolean).slice(0, -1);
    const partOf = groups.length > 0 ? toLabelValue(groups.join('-')) : undefined;
    assigned.set(workload.id, {
      namespace: placement.namespace.name,
      name: derived.name,
      namespaceGroup: placement.group,
      ...(partOf ? { partOf } : {}),
    });
    const key = `${placement.namespace.name}/${derived.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), workload.id]);
  }

  const taken = new Set(byKey.keys());
  for (const key of [...byKey.keys()].sort()) {
    const ids = byKey.get(key)!.sort();
    if (ids.length < 2) continue;
    const [keeper, ...others] = ids;
    for (const id of others) {
      const named = assigned.get(id)!;
      let name = '';
      for (let attempt = 0; name === '' || taken.has(`${named.namespace}/${name}`); attempt++) {
        const hash = shortHash(attempt === 0 ? id : `${id}#${attempt}`);
        name = `${named.name.slice(0, MAX_LABEL_LENGTH - hash.length - 1).replace(/-+$/, '')}-${hash}`;
      }
      taken.add(`${named.namespace}/${name}`);
      assigned.set(id, { ...named, name });
      reportFor(id)('kubernetes/name-collision', 'collision', { data: { id, namespace: named.namespace, wanted: named.name, other: keeper!, name } });
    }
  }
  return assigned;
}

function reportAdjustment(report: Report, derived: DerivedName, what: string, source: string): void {
  const messageId = derived.adjustments.includes('truncated') ? 'truncated' : derived.adjustments.includes('prefixed') ? 'prefixed' : 'sanitized';
  report('kubernetes/name-adjusted', messageId, { data: { what, source, name: derived.name, max: MAX_LABEL_LENGTH } });
}
