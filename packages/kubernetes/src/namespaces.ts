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
}

/**
 * Splits a workload id into namespace and name by the `namespaces` rule:
 * `top-group` = first group, `depth:N` = first N groups joined with `-`, `flat` = one namespace.
 * Apps at the root (and, with `depth:N`, apps shallower than N groups) keep every group they have.
 */
export function placeInNamespace(id: string, options: ResolvedOptions): NamespacePlacement {
  const segments = idSegments(id);
  const depth = options.namespaces.rule === 'flat' ? 0 : options.namespaces.rule === 'depth' ? options.namespaces.depth : 1;
  const groups = segments.slice(0, -1);
  const namespaceSegments = groups.slice(0, depth);
  if (namespaceSegments.length === 0) {
    return { namespace: { name: options.namespace, adjustments: [] }, group: '/', nameSegments: segments };
  }
  const group = `/${namespaceSegments.join('/')}`;
  return {
    namespace: toDnsLabel(namespaceSegments.join('-'), { prefix: 'ns', hashSource: group }),
    group,
    nameSegments: segments.slice(namespaceSegments.length),
  };
}

/**
 * A per-workload namespace (the model's `hints.namespace`, e.g. from a `baton.io/namespace` steering
 * label) replaces the one the rule chose; the object name stays the rule's. Unusable hints are ignored.
 */
export function withNamespaceHint(placement: NamespacePlacement, hint: unknown): NamespacePlacement {
  if (typeof hint !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(hint)) return placement;
  return { ...placement, namespace: { name: hint, adjustments: [] }, group: '/' };
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
