import type { JsonPointer, PluginContext, ReportInput, TargetProfile, Workload } from '@baton/core';
import type { WorkloadNames } from './metadata.js';
import type { ResolvedOptions } from './options.js';
import type { KubernetesRuleId, MessageIdOf } from './rules.js';

export interface ReportDetails {
  readonly pointer?: JsonPointer;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Records this disposition for `pointer` in the coverage ledger. */
  readonly disposition?: 'approximated' | 'unsupported';
  /** The disposition covers every leaf below `pointer`. */
  readonly subtree?: boolean;
}

export type Report = <R extends KubernetesRuleId>(rule: R, messageId: MessageIdOf<R>, details?: ReportDetails) => void;

/** What every mapper of one workload needs. */
export interface MapContext {
  readonly workload: Workload;
  readonly names: WorkloadNames;
  readonly options: ResolvedOptions;
  readonly target: TargetProfile;
  /** Kubernetes minor version of the target, e.g. 34 for 1.34. */
  readonly minor: number;
  readonly report: Report;
}

/** Binds `ctx.report` to a workload; a finding on the whole estate uses workload `*`. */
export function reporterFor(ctx: PluginContext<any>, workload: string): Report {
  return (rule, messageId, details = {}) => {
    const { pointer, data, disposition } = details;
    // A subtree claim on the definition root would swallow every other field's disposition.
    // Built key by key, not with spreads of small objects: the writer reports tens of thousands of findings.
    const input: { -readonly [K in keyof ReportInput]: ReportInput[K] } = { rule, messageId, workload };
    if (pointer !== undefined) input.pointer = pointer;
    if (data !== undefined) input.data = data;
    if (pointer !== undefined && pointer !== '') {
      if (disposition !== undefined) input.disposition = disposition;
      if (details.subtree) input.subtree = true;
    }
    ctx.report(input);
  };
}

export function kubernetesMinor(target: TargetProfile): number {
  const match = /^1\.(\d+)$/.exec(target.kubernetesVersion);
  return match ? Number(match[1]) : 34;
}
