import type { Workload } from '@baton/core';
import type { Report } from './context.js';
import type { WorkloadNames } from './metadata.js';
import { MAX_LABEL_LENGTH, sanitizeDnsLabel, shortHash, toDnsLabel, toLabelValue, type DerivedName } from './names.js';
import { placeInNamespace, withNamespaceHint, type NamespacePlacement } from './namespaces.js';
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
  const placements = workloads.map((workload) => withNamespaceHint(placeInNamespace(workload.id, options), workload.hints.namespace));
  const renamed = namespaceCollisions(placements, reportFor('*'));
  workloads.forEach((workload, position) => {
    let placement = placements[position]!;
    const collisionName = placement.via === 'rule' ? renamed.get(placement.group) : undefined;
    if (placement.namespace.adjustments.length > 0 && !reportedNamespaces.has(placement.group)) {
      reportedNamespaces.add(placement.group);
      reportAdjustment(reportFor('*'), placement.namespace, 'namespace', placement.group);
    }
    if (collisionName) placement = { ...placement, namespace: { name: collisionName, adjustments: placement.namespace.adjustments } };
    if (placement.via === 'unmapped') reportFor(workload.id)('kubernetes/namespace-unmapped', 'unmapped', { data: { id: workload.id, namespace: placement.namespace.name } });
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
    const sameKey = byKey.get(key);
    if (sameKey) sameKey.push(workload.id);
    else byKey.set(key, [workload.id]);
  });

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

/**
 * Different groups whose namespace names coincide after sanitizing (`/a.b` and `/a-b`, or with
 * `depth:2` `/a-b/c` and `/a/b-c`): the smallest group keeps the name, the others get a hash of
 * their group path. Namespaces chosen on purpose (`namespaceMap`, hints, `flat`) never collide.
 */
function namespaceCollisions(placements: readonly NamespacePlacement[], report: Report): Map<string, string> {
  const groupsByName = new Map<string, Set<string>>();
  const taken = new Set<string>();
  for (const placement of placements) {
    taken.add(placement.namespace.name);
    if (placement.via !== 'rule' || placement.group === '/') continue;
    const groups = groupsByName.get(placement.namespace.name) ?? new Set<string>();
    groups.add(placement.group);
    groupsByName.set(placement.namespace.name, groups);
  }
  const renamed = new Map<string, string>();
  for (const name of [...groupsByName.keys()].sort()) {
    const [keeper, ...others] = [...groupsByName.get(name)!].sort();
    for (const group of others) {
      let candidate = '';
      for (let attempt = 0; candidate === '' || taken.has(candidate); attempt++) {
        const hash = shortHash(attempt === 0 ? group : `${group}#${attempt}`);
        candidate = `${name.slice(0, MAX_LABEL_LENGTH - hash.length - 1).replace(/-+$/, '')}-${hash}`;
      }
      taken.add(candidate);
      renamed.set(group, candidate);
      report('kubernetes/name-collision', 'namespace', { data: { group, wanted: name, other: keeper!, name: candidate } });
    }
  }
  return renamed;
}

function reportAdjustment(report: Report, derived: DerivedName, what: string, source: string): void {
  const messageId = derived.adjustments.includes('truncated') ? 'truncated' : derived.adjustments.includes('prefixed') ? 'prefixed' : 'sanitized';
  report('kubernetes/name-adjusted', messageId, { data: { what, source, name: derived.name, max: MAX_LABEL_LENGTH } });
}
