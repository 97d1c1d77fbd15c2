/** One RFC 6902 operation. */
export type JsonPatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string };

/**
 * An override rule of the config: the objects written for the workloads `match` selects (by source
 * id glob and/or label, all given conditions must hold; a list means any of its items) are changed
 * by a JSON merge patch (RFC 7386) or a JSON patch (RFC 6902).
 */
export interface OverrideRule {
  /** Shown in findings; defaults to `overrides[<index>]`. */
  readonly name?: string;
  readonly match: {
    /** Source id globs: `*` within one id segment, `**` across segments (`/prod/**`). */
    readonly id?: string | readonly string[];
    /** Label selectors on the source labels: `key`, `key=value`, `key!=value`. */
    readonly label?: string | readonly string[];
  };
  /** Which of the workload's objects; default: its controller (Deployment, StatefulSet, Job or CronJob). */
  readonly target?: { readonly kind?: string; readonly name?: string; readonly apiVersion?: string };
  readonly patch?: Readonly<Record<string, unknown>>;
  readonly jsonPatch?: readonly JsonPatchOperation[];
}

export const OVERRIDE_RULE_KEYS = ['name', 'match', 'target', 'patch', 'jsonPatch'] as const;
export const OVERRIDE_MATCH_KEYS = ['id', 'label'] as const;
export const OVERRIDE_TARGET_KEYS = ['kind', 'name', 'apiVersion'] as const;
export const JSON_PATCH_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;

/** Kinds an override without `target` changes: the workload's controller. */
export const CONTROLLER_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'Job', 'CronJob', 'DaemonSet']);
