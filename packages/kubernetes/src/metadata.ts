import type { Workload } from '@baton/core';
import type { K8sMetadata, StringMap } from './k8s-types.js';
import { isValidLabelKey, isValidLabelValue } from './names.js';

export const MANAGED_BY = 'baton';

export const LABEL = {
  name: 'app.kubernetes.io/name',
  partOf: 'app.kubernetes.io/part-of',
  managedBy: 'app.kubernetes.io/managed-by',
} as const;

export const ANNOTATION = {
  sourceId: 'baton.dev/source-id',
  sourceKind: 'baton.dev/source-kind',
  sourceVersion: 'baton.dev/source-version',
  /** Source labels that are not valid Kubernetes labels, as sorted JSON. */
  sourceLabels: 'baton.dev/source-labels',
  containerLabels: 'baton.dev/container-labels',
  secretSource: 'baton.dev/secret-source',
  servicePorts: 'baton.dev/marathon-service-ports',
  portLabels: 'baton.dev/port-labels',
  externalVolume: 'baton.dev/external-volume',
} as const;

/** Names a workload's objects share. */
export interface WorkloadNames {
  readonly namespace: string;
  /** Name of the main object and its Service (a DNS-1035 label). */
  readonly name: string;
  /** Label value of the enclosing group, absent at the root. */
  readonly partOf?: string;
}

/** The selector labels: the workload name alone is unique within its namespace. */
export function selectorLabels(names: WorkloadNames): StringMap {
  return { [LABEL.name]: names.name };
}

export function standardLabels(names: WorkloadNames): StringMap {
  const labels: StringMap = { [LABEL.name]: names.name };
  if (names.partOf) labels[LABEL.partOf] = names.partOf;
  labels[LABEL.managedBy] = MANAGED_BY;
  return labels;
}

export function provenanceAnnotations(workload: Workload): StringMap {
  const annotations: StringMap = { [ANNOTATION.sourceId]: workload.id, [ANNOTATION.sourceKind]: workload.sourceKind };
  if (workload.version !== undefined) annotations[ANNOTATION.sourceVersion] = workload.version;
  return annotations;
}

/** Metadata every object of a workload carries: standard labels and provenance annotations. */
export function objectMetadata(workload: Workload, names: WorkloadNames, name: string, extra: { labels?: StringMap; annotations?: StringMap } = {}): K8sMetadata {
  return {
    name,
    namespace: names.namespace,
    labels: { ...standardLabels(names), ...extra.labels },
    annotations: { ...provenanceAnnotations(workload), ...extra.annotations },
  };
}

const RESERVED_LABEL_PREFIXES = ['kubernetes.io/', 'k8s.io/', 'app.kubernetes.io/', 'baton.dev/'];

/**
 * Splits source labels into valid Kubernetes labels (sorted by key) and the rest, which is kept
 * as one JSON annotation so nothing is lost. Keys in reserved prefixes always go to the annotation.
 */
export function splitSourceLabels(source: Readonly<Record<string, string>>): { labels: StringMap; annotations: StringMap } {
  const labels: StringMap = {};
  const rest: StringMap = {};
  for (const key of Object.keys(source).sort()) {
    const value = source[key] ?? '';
    const reserved = RESERVED_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix) || key.includes(`.${prefix}`));
    if (!reserved && isValidLabelKey(key) && isValidLabelValue(value)) labels[key] = value;
    else rest[key] = value;
  }
  const annotations: StringMap = {};
  if (Object.keys(rest).length > 0) annotations[ANNOTATION.sourceLabels] = JSON.stringify(rest);
  return { labels, annotations };
}

/** Object keys sorted, for maps whose order carries no meaning. */
export function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as T;
  return sorted;
}
