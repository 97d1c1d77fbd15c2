import type { TargetProfile } from '@baton/core';
import type { K8sObject } from './k8s-types.js';
import { idSegments, toDnsLabel, type DerivedName } from './names.js';
import type { ResolvedOptions } from './options.js';
import { ANNOTATION, LABEL, MANAGED_BY, splitSourceLabels } from './metadata.js';

/** Namespaces that exist in every cluster: never written as objects. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export interface NamespacePlacement {
  /** Valid namespace name. */
  readonly namespace: DerivedName;
  /** Group id the namespace stands for (`/prod`), `/` when none. */
  readonly group: string;
  /** Id segments left for the object name (`payments`, `api`). */
  readonly nameSegments: readonly string[];
  /** How the namespace was chosen: by the rule, by `namespaceMap`, by a hint, or the fallback for ids the map does not cover. */
  readonly via: 'rule' | 'map' | 'hint' | 'unmapped';
}

/**
 * Splits a workload id into namespace and name by the `namespaces` rule:
 * `top-group` = first group, `depth:N` = first N groups joined with `-`, `flat` = one namespace,
 * `map` = the namespace of the longest `namespaceMap` prefix that contains the id (the segments
 * below the prefix name the object; ids no prefix covers go to `namespace`).
 * Apps at the root (and, with `depth:N`, apps shallower than N groups) keep every group they have.
 */
export function placeInNamespace(id: string, options: ResolvedOptions): NamespacePlacement {
  const segments = idSegments(id);
  const rule = options.namespaces;
  if (rule.rule === 'map') {
    const groups = segments.slice(0, -1);
    const entry = rule.entries.find((candidate) => candidate.segments.length <= groups.length && candidate.segments.every((segment, index) => groups[index] === segment));
    if (!entry) return { namespace: { name: options.namespace, adjustments: [] }, group: '/', nameSegments: segments, via: 'unmapped' };
    return { namespace: { name: entry.namespace, adjustments: [] }, group: entry.prefix, nameSegments: segments.slice(entry.segments.length), via: 'map' };
  }
  const depth = rule.rule === 'flat' ? 0 : rule.rule === 'depth' ? rule.depth : 1;
  const groups = segments.slice(0, -1);
  const namespaceSegments = groups.slice(0, depth);
  if (namespaceSegments.length === 0) {
    return { namespace: { name: options.namespace, adjustments: [] }, group: '/', nameSegments: segments, via: 'rule' };
  }
  const group = `/${namespaceSegments.join('/')}`;
  return {
    namespace: toDnsLabel(namespaceSegments.join('-'), { prefix: 'ns', hashSource: group }),
    group,
    nameSegments: segments.slice(namespaceSegments.length),
    via: 'rule',
  };
}

/**
 * A per-workload namespace (the model's `hints.namespace`, e.g. from a `baton.io/namespace` steering
 * label) replaces the one the rule chose; the object name stays the rule's. Unusable hints are ignored.
 */
export function withNamespaceHint(placement: NamespacePlacement, hint: unknown): NamespacePlacement {
  if (typeof hint !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(hint)) return placement;
  return { ...placement, namespace: { name: hint, adjustments: [] }, group: '/', via: 'hint' };
}

/**
 * A Namespace object, labelled with the target's Pod Security level unless it is `privileged`.
 * The labels of the group it stands for are kept (valid ones as labels, the rest as an annotation).
 */
export function buildNamespace(name: string, group: string, target: TargetProfile, groupLabels: Readonly<Record<string, string>> = {}): K8sObject {
  const source = splitSourceLabels(groupLabels);
  const labels: Record<string, string> = { ...source.labels, [LABEL.managedBy]: MANAGED_BY };
  const level = target.admission.podSecurity;
  if (level !== 'privileged') labels['pod-security.kubernetes.io/enforce'] = level;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels,
      annotations: { [ANNOTATION.sourceId]: group, [ANNOTATION.sourceKind]: 'group', ...source.annotations },
    },
  };
}
