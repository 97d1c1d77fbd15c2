// Error bodies shaped like the API server's `metav1.Status` (k8s.io/apimachinery/pkg/api/errors):
// `kind: Status`, `apiVersion: v1`, `status: Failure`, a machine `reason`, the HTTP `code` and `details`.

export interface StatusCause {
  readonly reason?: string;
  readonly message?: string;
  readonly field?: string;
}

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly StatusCause[];
}

export interface KubernetesStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Failure';
  readonly message: string;
  readonly reason?: string;
  readonly details?: StatusDetails;
  readonly code: number;
}

export function statusOf(code: number, message: string, reason?: string, details?: StatusDetails): KubernetesStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
    code,
  };
}

/** `deployments.apps` / `namespaces`: the qualified resource the server names in messages. */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export function notFound(plural: string, group: string, name: string): KubernetesStatus {
  return statusOf(404, `${qualifiedResource(plural, group)} "${name}" not found`, 'NotFound', {
    name,
    ...(group ? { group } : {}),
    kind: plural,
  });
}

/** 422 from validation: `Kind.group "name" is invalid: field: Invalid value: ...` with one cause per field. */
export function invalid(kind: string, group: string, name: string, causes: readonly Required<StatusCause>[]): KubernetesStatus {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const summary = causes.map((cause) => `${cause.field}: ${cause.message}`);
  const message = `${qualifiedKind} "${name}" is invalid: ${summary.length === 1 ? summary[0] : `[${summary.join(', ')}]`}`;
  return statusOf(422, message, 'Invalid', { name, ...(group ? { group } : {}), kind, causes });
}

export function forbidden(plural: string, group: string, name: string, why: string): KubernetesStatus {
  const subject = name ? `${qualifiedResource(plural, group)} "${name}"` : qualifiedResource(plural, group);
  return statusOf(403, `${subject} is forbidden: ${why}`, 'Forbidden', {
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    kind: plural,
  });
}

export function badRequest(message: string): KubernetesStatus {
  return statusOf(400, message, 'BadRequest');
}

export function unauthorized(): KubernetesStatus {
  return statusOf(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotAllowed(): KubernetesStatus {
  return statusOf(405, 'the server does not allow this method on the requested resource', 'MethodNotAllowed');
}

/** SSA conflicts: `Apply failed with N conflict(s): conflict with "mgr" using apps/v1: .spec.replicas`. */
export function applyConflict(conflicts: readonly { manager: string; apiVersion: string; field: string }[]): KubernetesStatus {
  const lines = conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`);
  const head = `Apply failed with ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}:`;
  const message = conflicts.length === 1 ? `${head} ${lines[0]}` : `${head}\n${lines.map((l) => `- ${l}`).join('\n')}`;
  return statusOf(409, message, 'Conflict', {
    causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: c.field })),
  });
}

/** A plain error from the server (no reason), e.g. SSA's typed-conversion failure, see field-schema.ts. */
export function internalError(message: string): KubernetesStatus {
  return statusOf(500, message);
}
