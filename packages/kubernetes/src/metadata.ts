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
  /** Apply wave of the workload the object belongs to (also in plan.json). */
  applyWave: 'baton.dev/apply-wave',
  /** The DC/OS VIP (`/name:port` or `ip:port`) a Service stands for. */
  dcosVip: 'baton.dev/dcos-vip',
  /** Where a marathon-lb or Admin Router exposure came from (label names). */
  exposureSource: 'baton.dev/exposure-source',
} as const;

/** Prefix of the annotations that keep raw HAProxy template overrides: `baton.dev/haproxy-<n>-<template>`. */
export const HAPROXY_TEMPLATE_ANNOTATION_PREFIX = 'baton.dev/haproxy-';

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
const DOTTED_RESERVED_PREFIXES = RESERVED_LABEL_PREFIXES.map((prefix) => `.${prefix}`);
/** Labels other systems interpreted (marathon-lb, Admin Router): Services, Ingresses and routes express them. */
const INTERPRETED_LABEL = /^(HAPROXY_|DCOS_SERVICE_)/;
/** Labels that hold credentials (`HAPROXY_{n}_AUTH` carries a password hash): never copied into a manifest. */
const CREDENTIAL_LABEL = /^HAPROXY_(\d+_)?AUTH$/;
export const REDACTED = '<redacted>';

/**
 * Splits source labels the way Kubernetes allows them: a valid key with a valid value (≤ 63
 * characters) becomes a label; a valid key with any other value an annotation of the same key;
 * everything else (invalid keys, reserved prefixes, labels marathon-lb or Admin Router
 * interpreted) goes into one sorted JSON annotation, so nothing is lost. Credentials are redacted.
 */
export function splitSourceLabels(source: Readonly<Record<string, string>>): { labels: StringMap; annotations: StringMap } {
  const labels: StringMap = {};
  const annotations: StringMap = {};
  const rest: StringMap = {};
  for (const key of Object.keys(source).sort()) {
    const value = source[key] ?? '';
    if (CREDENTIAL_LABEL.test(key)) {
      rest[key] = REDACTED;
      continue;
    }
    const reserved = key.includes('/') && isReservedKey(key);
    if (reserved || INTERPRETED_LABEL.test(key) || !isValidLabelKey(key)) rest[key] = value;
    else if (isValidLabelValue(value)) labels[key] = value;
    else annotations[key] = value;
  }
  if (Object.keys(rest).length > 0) annotations[ANNOTATION.sourceLabels] = JSON.stringify(rest);
  return { labels, annotations: sortedRecord(annotations) };
}

function isReservedKey(key: string): boolean {
  for (let index = 0; index < RESERVED_LABEL_PREFIXES.length; index++) {
    if (key.startsWith(RESERVED_LABEL_PREFIXES[index]!) || key.includes(DOTTED_RESERVED_PREFIXES[index]!)) return true;
  }
  return false;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,8})$/;

/**
 * `JSON.stringify(sortedRecord(Object.fromEntries(entries)))` (keys distinct), written from the
 * pairs: an object per workload keyed by its own port or container names gave V8 a new shape for
 * every name, most of the time of the functions that built these annotations.
 */
export function sortedJsonRecord(entries: readonly (readonly [string, unknown])[]): string {
  // array-index keys come first in an object, in numeric order: leave those to the object
  if (entries.some(([key]) => ARRAY_INDEX.test(key))) return JSON.stringify(sortedRecord(Object.fromEntries(entries)));
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let out = '{';
  for (const [key, value] of sorted) {
    if (value === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `${out}}`;
}

/** Object keys sorted, for maps whose order carries no meaning. */
export function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as T;
  return sorted;
}
