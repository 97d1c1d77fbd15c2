import type { JsonPointer } from './model.js';

export type Severity = 'error' | 'warning' | 'info';
/** blocker: cannot migrate as is; degraded: approximated; review: a human must decide; info: for the record. */
export type Impact = 'blocker' | 'degraded' | 'review' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const IMPACTS: readonly Impact[] = ['blocker', 'degraded', 'review', 'info'];

/** A finding is data about the user's workloads, never a tool failure. */
export interface Finding {
  /** Namespaced stable id, e.g. `csi/access-mode-unsupported`. */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly impact: Impact;
  /** Source id of the workload, or `*` for the whole estate. */
  readonly workload: string;
  /** JSON pointer into the workload's source definition. */
  readonly pointer: JsonPointer;
  readonly message: string;
  readonly hint: string;
  readonly docsUrl: string;
  /** Name of the plugin that reported it. */
  readonly plugin: string;
}

/** The documentation of a rule, shaped like an ESLint rule's meta. */
export interface RuleMeta<MessageId extends string = string> {
  /** Namespaced id: `<plugin namespace>/<kebab-name>`. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly impact: Impact;
  /** Message templates with `{{placeholders}}`, keyed by message id. */
  readonly messages: Readonly<Record<MessageId, string>>;
  /** What to do, with `{{placeholders}}`. */
  readonly hint: string;
  /** Longer page for `migrate explain` and `docs/rules/` (markdown). */
  readonly docs: string;
  readonly docsUrl?: string;
}

export const DOCS_BASE_URL = 'https://baton.dev/docs';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/rules/${ruleId}`;
}

// A template split once into [text, key, placeholder, text, key, placeholder, …, text]: findings
// render the same few rule templates tens of thousands of times.
const compiledTemplates = new Map<string, readonly string[]>();
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

function compileTemplate(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (parts) return parts;
  const split: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    split.push(template.slice(last, match.index), match[1]!, match[0]);
    last = match.index + match[0].length;
  }
  split.push(template.slice(last));
  parts = split;
  if (compiledTemplates.size >= 5000) compiledTemplates.clear();
  compiledTemplates.set(template, parts);
  return parts;
}

/** Fills `{{name}}` placeholders; unknown placeholders stay visible so the gap is noticed. */
export function renderTemplate(template: string, data: Readonly<Record<string, unknown>> = {}): string {
  const parts = compileTemplate(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let index = 1; index < parts.length; index += 3) {
    const value = data[parts[index]!];
    out += (value === undefined ? parts[index + 1]! : String(value)) + parts[index + 2]!;
  }
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Stable order for output: workload, pointer, rule id, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.workload, b.workload) || cmp(a.pointer, b.pointer) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message)
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
