import type { PlannedObject } from '@baton/core';
import { GENERIC_TARGET } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { findingKeys, makeWorkload, runWriter } from './__fixtures__/builders.js';
import type { ReportDetails } from './context.js';
import { checkPlan, validationVersion } from './plan-checks.js';

describe('plan-time validation', () => {
  it('turns a value Kubernetes rejects into a blocker pointing at the source field it came from', async () => {
    // A run deadline of 2.5 s: Kubernetes wants whole seconds (an integer).
    const { findings } = await runWriter([{ id: '/batch/report', kind: 'job', sourceKind: 'job', job: { activeDeadlineSeconds: 2.5, pointer: '/run' } }]);
    const invalid = findings.filter((finding) => finding.rule === 'kubernetes/invalid-object');
    expect(invalid.map((finding) => [finding.messageId, finding.pointer, finding.data?.kind, finding.data?.objectPointer, finding.data?.problem])).toEqual([
      ['source', '/run', 'Job', '/spec/activeDeadlineSeconds', 'schema'],
    ]);
    expect(invalid[0]!.data).toMatchObject({ name: 'report', source: '/run' });
  });

  it('calls a problem no source value explains a Baton bug, and checks references', () => {
    const reports: [string, string, ReportDetails | undefined][] = [];
    const report = ((rule: string, messageId: string, details?: ReportDetails) => reports.push([rule, messageId, details])) as never;
    const workload = makeWorkload({ id: '/prod/web' });
    const bad = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { replicas: 'many' } } as unknown as PlannedObject;
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'prod' }, spec: { selector: { app: 'nobody' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } } as PlannedObject;
    const result = checkPlan([{ id: '/prod/web', workload, objects: [bad, service], report }], '1.34', {}, report);
    expect(result).toMatchObject({ validatedFor: '1.34', dangling: 1 });
    expect(reports.map(([rule, messageId]) => `${rule}#${messageId}`)).toEqual([
      ...Array(result.invalid).fill('kubernetes/invalid-object#writer'),
      'kubernetes/reference-missing#missing',
    ]);
    expect(reports.at(-1)![2]!.data).toMatchObject({ kind: 'Service', name: 'prod/web', objectPointer: '/spec/selector' });
  });

  it('validates for the nearest supported minor outside the validator\'s range', async () => {
    expect(validationVersion('1.34')).toBe('1.34');
    expect(validationVersion('1.20')).toBe('1.29');
    expect(validationVersion('1.40')).toBe('1.36');
    const { findings } = await runWriter([{ id: '/prod/web' }], {}, { ...GENERIC_TARGET, kubernetesVersion: '1.40' });
    expect(findingKeys(findings)).toEqual(['kubernetes/validation-version#nearest@']);
  });
});
