import type { Disposition } from '@baton/core';
import type { MarathonRuleId } from '../marathon-rules.js';

export type FieldValueType = 'string' | 'number' | 'boolean' | 'number-or-unlimited';

/**
 * One row of the field table: what happens to a Marathon field. `path` is dotted, `[]` marks
 * array items, `*` any key, and `{n}` / `*` inside a key a digit run / any text
 * (`labels.HAPROXY_{n}_VHOST`). The same rows drive the coverage ledger and the conversion matrix.
 */
export interface FieldSpec {
  readonly path: string;
  /** What a present, valid, non-default value becomes. */
  readonly disposition: Disposition;
  /** The model field it feeds (for `mapped`), e.g. `containers[].image.ref`. */
  readonly to?: string;
  readonly type?: FieldValueType;
  /** Accepted spellings; matched leniently (case, `_`, `-`). */
  readonly enum?: readonly string[];
  /** Values equal to Marathon's default: recorded as `default` (nothing to carry over). */
  readonly defaults?: readonly unknown[];
  /** The claim covers everything below the field (status blocks, opaque maps). */
  readonly subtree?: boolean;
  /** Deprecated field Marathon translates (reported once per field as `marathon/legacy-field`). */
  readonly legacy?: { readonly root: string; readonly replacement: string };
  /** The finding for `approximated` / `unsupported` rows. */
  readonly finding?: { readonly rule: MarathonRuleId; readonly messageId: string };
  /** One line for the conversion matrix: what Baton does and why. */
  readonly note: string;
}

export interface FieldTable {
  /** Rows for an app definition (`App` / `AppInfo`). */
  readonly app: readonly FieldSpec[];
  /** Rows for a pod definition (`Pod`), relative to the pod. */
  readonly pod: readonly FieldSpec[];
  /** Rows for the status wrapper of a pod in `/v2/groups` (`PodStatus`); `spec` holds the pod. */
  readonly podStatus: readonly FieldSpec[];
}

type Options = Omit<FieldSpec, 'path' | 'disposition' | 'to' | 'note'>;

export const mapped = (path: string, to: string, note: string, options: Options = {}): FieldSpec => ({ path, disposition: 'mapped', to, note, ...options });

export const runtime = (path: string, note: string): FieldSpec => ({ path, disposition: 'runtime', subtree: true, note });

/** Recorded as `default` whatever the value: the field has no effect worth carrying. */
export const noEffect = (path: string, note: string, options: Options = {}): FieldSpec => ({ path, disposition: 'default', note, ...options });

export const unsupported = (path: string, note: string, options: Options = {}): FieldSpec => ({
  path,
  disposition: 'unsupported',
  finding: { rule: 'marathon/unsupported-field', messageId: 'unsupported' },
  note,
  ...options,
});

/** Prefixes every row's path (`under('container.docker', rows)`). */
export function under(prefix: string, specs: readonly FieldSpec[]): FieldSpec[] {
  return specs.map((spec) => ({ ...spec, path: `${prefix}.${spec.path}` }));
}

/** Marks rows as a deprecated field that Marathon translates to `replacement`. */
export function legacy(root: string, replacement: string, specs: readonly FieldSpec[]): FieldSpec[] {
  return specs.map((spec) => ({ ...spec, legacy: { root, replacement } }));
}
