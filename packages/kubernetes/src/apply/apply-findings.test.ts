import { describe, expect, it } from 'vitest';
import { findingsFromStatus, missingNamespaceOf, parseWarnings } from './apply-findings.js';

const ctx = { workload: '/prod/web', ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' }, resource: 'deployments', serverVersion: '1.34' };

// Messages as the API server words them for each layer (apiserver, quota, RBAC, webhooks, PSA, SMD).
describe('findingsFromStatus', () => {
  it.each([
    [{ code: 403, reason: 'Forbidden', message: 'pods "web-probe" is forbidden: exceeded quota: compute, requested: limits.cpu=2, used: limits.cpu=7, limited: limits.cpu=8' }, 'kubernetes/quota-exceeded'],
    [{ code: 403, reason: 'Forbidden', message: 'pods "web-probe" is forbidden: failed quota: compute: must specify limits.cpu for: main' }, 'kubernetes/quota-exceeded'],
    [{ code: 403, reason: 'Forbidden', message: 'deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments" in API group "apps" in the namespace "prod"' }, 'kubernetes/apply-forbidden'],
    [{ code: 400, message: 'admission webhook "validate.kyverno.svc-fail" denied the request: policy Deployment/prod/web for resource violation: require-team' }, 'kubernetes/admission-rejected'],
    [{ code: 403, reason: 'Forbidden', message: 'pods "web-probe" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false' }, 'kubernetes/pod-security-rejected'],
    [{ code: 403, reason: 'Forbidden', message: 'pods "web-probe" is forbidden: unable to validate against any security context constraint' }, 'kubernetes/admission-rejected'],
    [{ code: 500, message: 'failed to create typed patch object (prod/web; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema' }, 'kubernetes/field-unknown'],
    [{ code: 400, reason: 'BadRequest', message: 'failed to create typed patch object (prod/web; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema' }, 'kubernetes/field-unknown'],
    [{ code: 409, reason: 'Conflict', message: 'Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas' }, 'kubernetes/apply-conflict'],
    [{ code: 500, reason: 'InternalError', message: 'Internal error occurred: etcdserver: request timed out' }, 'kubernetes/apply-failed'],
  ])('classifies %j', (status, ruleId) => {
    const findings = findingsFromStatus(status, ctx);
    expect(findings.map((f) => [f.ruleId, f.workload])).toEqual([[ruleId, '/prod/web']]);
    expect(findings[0]!.message).toContain('Deployment prod/web');
  });

  it('gives one kubernetes/field-invalid finding per cause of a 422', () => {
    const findings = findingsFromStatus(
      {
        code: 422,
        reason: 'Invalid',
        message: 'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]',
        details: {
          name: 'web',
          group: 'apps',
          kind: 'Deployment',
          causes: [
            { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
            { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
          ],
        },
      },
      ctx,
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['kubernetes/field-invalid', 'kubernetes/field-invalid']);
    expect(findings[1]!.message).toContain('spec.template.spec.containers[0].image');
  });
});

describe('missingNamespaceOf', () => {
  it('reads the namespace of a NotFound for a missing namespace only', () => {
    expect(missingNamespaceOf({ code: 404, reason: 'NotFound', message: 'namespaces "prod" not found' })).toBe('prod');
    expect(missingNamespaceOf({ code: 404, reason: 'NotFound', message: 'deployments.apps "web" not found' })).toBeUndefined();
  });
});

describe('parseWarnings', () => {
  it('splits the Warning headers client-node joins with ", " without breaking on commas inside a warning', () => {
    expect(parseWarnings('299 - "would violate PodSecurity \\"restricted:latest\\": host namespaces (hostNetwork=true), hostPort (container \\"web\\" uses hostPort 80)", 299 - "autoscaling/v2beta2 is deprecated"')).toEqual([
      'would violate PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPort (container "web" uses hostPort 80)',
      'autoscaling/v2beta2 is deprecated',
    ]);
    expect(parseWarnings(undefined)).toEqual([]);
  });
});
