import { canonicalId, isWithin } from '../input/path-id.js';
import { matchesLabelSelector, parseLabelSelector, type LabelSelector } from './label-selector.js';

/** Which workloads to plan: the `--only`, `--exclude` and `--label` options. */
export interface SelectionOptions {
  /** Ids or group prefixes to keep (repeatable); `/prod` keeps `/prod/web/api`. */
  readonly only?: string | readonly string[];
  /** Ids or group prefixes to drop, applied after `only`. */
  readonly exclude?: string | readonly string[];
  /** Marathon label selectors; several are combined with AND. */
  readonly label?: string | readonly string[];
}

export interface WorkloadSelection {
  readonly only: readonly string[];
  readonly exclude: readonly string[];
  readonly label: readonly LabelSelector[];
}

const list = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]);

/** Parses selection options once (throws BATON1001 on a bad label selector); undefined selects everything. */
export function createSelection(options: SelectionOptions): WorkloadSelection | undefined {
  const only = list(options.only).map((id) => canonicalId(id));
  const exclude = list(options.exclude).map((id) => canonicalId(id));
  const label = list(options.label).flatMap((text) => parseLabelSelector(text));
  if (only.length === 0 && exclude.length === 0 && label.length === 0) return undefined;
  return { only, exclude, label };
}

export function selects(selection: WorkloadSelection, id: string, labels: Readonly<Record<string, string>>): boolean {
  if (selection.only.length > 0 && !selection.only.some((prefix) => isWithin(id, prefix))) return false;
  if (selection.exclude.some((prefix) => isWithin(id, prefix))) return false;
  return selection.label.length === 0 || matchesLabelSelector(selection.label, labels);
}

/** Filters any list of workloads (or model) by the same rules, for tools that read first and select later. */
export function selectWorkloads<W extends { readonly id: string; readonly labels: Readonly<Record<string, string>> }>(
  workloads: readonly W[],
  options: SelectionOptions,
): W[] {
  const selection = createSelection(options);
  return selection ? workloads.filter((workload) => selects(selection, workload.id, workload.labels)) : [...workloads];
}
