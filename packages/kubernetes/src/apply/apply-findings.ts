import { renderTemplate, ruleDocsUrl, type Finding } from '@baton/core';
import type { ApiStatus } from '../cluster/kube-session.js';
import { APPLY_RULES, type ApplyRuleId } from './apply-rules.js';
import { displayName, type ObjectRef } from './kube-object.js';

const PLUGIN = '@baton/kubernetes';

/** A finding of one of the apply rules, rendered from its message and hint templates. */
export function applyFinding(ruleId: ApplyRuleId, messageId: string, workload: string, data: Readonly<Record<string, unknown>>): Finding {
  const rule: { defaultSeverity: Finding['severity']; impact: Finding['impact']; messages: Record<string, string>; hint: string } = APPLY_RULES[ruleId];
  return {
    ruleId,
    severity: rule.defaultSeverity,
    impact: rule.impact,
    workload,
    pointer: '',
    message: renderTemplate(rule.messages[messageId] ?? messageId, data),
    hint: renderTemplate(rule.hint, data),
    docsUrl: ruleDocsUrl(ruleId),
    plugin: PLUGIN,
  };
}

export interface StatusContext {
  readonly workload: string;
  readonly ref: ObjectRef;
  /** Plural resource, for RBAC hints. */
  readonly resource: string;
  /** The Kubernetes minor the cluster serves, for hints. */
  readonly serverVersion: string;
}

/**
 * Turns a refusal of the API server (a `Status`) into findings against the workload owning the object.
 * Classified by HTTP code, `reason` and the server's message, as the server words each admission layer.
 */
export function findingsFromStatus(status: ApiStatus, ctx: StatusContext): Finding[] {
  const object = displayName(ctx.ref);
  const base = { object, namespace: ctx.ref.namespace ?? '', name: ctx.ref.name, resource: ctx.resource, version: ctx.serverVersion };
  const message = status.message;
  // Structured-merge-diff's typed conversion (500, or 400 on fixed servers) and strict decoding (400).
  if (/field not declared in schema|strict decoding error|unknown field/.test(message)) {
    return [applyFinding('kubernetes/field-unknown', 'unknown', ctx.workload, { ...base, detail: message })];
  }
  if (status.code === 422 || status.reason === 'Invalid') {
    const causes = status.details?.causes?.filter((cause) => cause.field) ?? [];
    if (causes.length === 0) return [applyFinding('kubernetes/field-invalid', 'invalid', ctx.workload, { ...base, field: '(object)', detail: message })];
    return causes.map((cause) => applyFinding('kubernetes/field-invalid', 'invalid', ctx.workload, { ...base, field: cause.field, detail: cause.message ?? message }));
  }
  if (status.code === 409 || status.reason === 'Conflict') {
    return [applyFinding('kubernetes/apply-conflict', 'conflict', ctx.workload, { ...base, detail: message })];
  }
  if (/violates PodSecurity/.test(message)) return [applyFinding('kubernetes/pod-security-rejected', 'rejected', ctx.workload, { ...base, detail: message })];
  if (/exceeded quota|must specify limits|must specify requests/.test(message)) {
    return [applyFinding('kubernetes/quota-exceeded', 'exceeded', ctx.workload, { ...base, detail: message })];
  }
  if (/admission webhook ".*" denied the request|denied request|ValidatingAdmissionPolicy/.test(message)) {
    return [applyFinding('kubernetes/admission-rejected', 'rejected', ctx.workload, { ...base, detail: message })];
  }
  if (status.code === 403 && /cannot \w+ resource/.test(message)) {
    return [applyFinding('kubernetes/apply-forbidden', 'forbidden', ctx.workload, { ...base, detail: message })];
  }
  if (status.code === 403) return [applyFinding('kubernetes/admission-rejected', 'rejected', ctx.workload, { ...base, detail: message })];
  return [applyFinding('kubernetes/apply-failed', 'failed', ctx.workload, { ...base, code: status.code, detail: message })];
}

/** `namespaces "prod" not found`: the namespace of the object does not exist. */
export function missingNamespaceOf(status: ApiStatus): string | undefined {
  if (status.code !== 404) return undefined;
  return /^namespaces "([^"]+)" not found/.exec(status.message)?.[1];
}

/** The texts of `Warning: 299 - "..."` headers (client-node joins repeated headers with `, `). */
export function parseWarnings(header: string | undefined): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const match of header.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)) out.push(match[1]!.replace(/\\(.)/g, '$1'));
  return out;
}
