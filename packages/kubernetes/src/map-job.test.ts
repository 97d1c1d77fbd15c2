import { describe, expect, it } from 'vitest';
import { runWriter } from './__fixtures__/builders.js';
import { validateObjects } from './validation/index.js';

const schedule = { id: 'nightly', cron: '0 3 * * *', concurrency: 'forbid', enabled: true, pointer: '/schedules/0' } as const;

describe('jobs', () => {
  it('writes a Job with retries and deadline from the job policy', async () => {
    const run = await runWriter([{ id: '/batch/report', kind: 'job', job: { retries: 0, activeDeadlineSeconds: 120, pointer: '/run/restart' } }]);
    const job = run.find('/batch/report', 'Job');
    expect(job.spec.backoffLimit).toBe(0);
    expect(job.spec.activeDeadlineSeconds).toBe(120);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(run.find('/batch/report', 'CronJob')).toBeUndefined();
  });

  it('leaves backoffLimit to Kubernetes when the policy says nothing', async () => {
    const run = await runWriter([{ id: '/batch/report', kind: 'job' }]);
    expect(run.find('/batch/report', 'Job').spec).not.toHaveProperty('backoffLimit');
  });

  it('wraps the Job in a CronJob when the workload has a schedule', async () => {
    const run = await runWriter([
      { id: '/batch/report', kind: 'job', job: { retries: 2, schedule: { ...schedule, timeZone: 'Europe/Berlin', startingDeadlineSeconds: 60 }, pointer: '' } },
    ]);
    const objects = run.objectsOf('/batch/report');
    expect(objects.map((o) => o.kind)).toEqual(['CronJob']);
    const cron = objects[0] as any;
    expect(cron.apiVersion).toBe('batch/v1');
    expect(cron.spec).toMatchObject({ schedule: '0 3 * * *', timeZone: 'Europe/Berlin', startingDeadlineSeconds: 60, concurrencyPolicy: 'Forbid' });
    expect(cron.spec).not.toHaveProperty('suspend');
    expect(cron.spec.jobTemplate.spec.backoffLimit).toBe(2);
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
    expect(validateObjects(objects, { kubernetesVersion: '1.34' })).toEqual([]);
  });

  it('suspends a disabled schedule and keeps CronJob names within 52 characters', async () => {
    const id = `/batch/${'a'.repeat(60)}`;
    const run = await runWriter([{ id, kind: 'job', job: { schedule: { ...schedule, concurrency: 'allow', enabled: false }, pointer: '' } }]);
    const cron = run.find(id, 'CronJob');
    expect(cron.spec.suspend).toBe(true);
    expect(cron.spec.concurrencyPolicy).toBe('Allow');
    expect(cron.metadata.name.length).toBeLessThanOrEqual(52);
    expect(validateObjects([cron], { kubernetesVersion: '1.29' })).toEqual([]);
  });
});

describe('per-workload hints', () => {
  it('puts a workload in the namespace of hints.namespace, keeping its name', async () => {
    const run = await runWriter([{ id: '/prod/payments/api', hints: { namespace: 'team-pay' } }, { id: '/prod/web' }]);
    const api = run.result.workloads.find((w) => w.workload === '/prod/payments/api')!;
    expect(api.namespace).toBe('team-pay');
    expect(api.name).toBe('payments-api');
    expect(run.result.workloads.find((w) => w.workload === '/prod/web')!.namespace).toBe('prod');
    expect(run.result.shared.map((o) => o.metadata.name).sort()).toEqual(['prod', 'team-pay']);
  });

  it('ignores a namespace hint that is not a namespace name', async () => {
    const run = await runWriter([{ id: '/prod/api', hints: { namespace: 'Not_Valid' } }]);
    expect(run.result.workloads[0]!.namespace).toBe('prod');
  });

  it.each([
    ['NodePort', { type: 'NodePort' }],
    ['LoadBalancer', { type: 'LoadBalancer' }],
    ['headless', { type: 'ClusterIP', clusterIP: 'None' }],
    [undefined, { type: 'ClusterIP' }],
  ])('writes the Service type of hints.serviceType %s', async (hint, expected) => {
    const port = { index: 0, name: 'http', containerPort: 8080, protocols: ['tcp' as const], labels: {}, pointer: '/portDefinitions/0' };
    const run = await runWriter([{ id: '/prod/api', hints: hint ? { serviceType: hint } : {}, containers: [{ ports: [port] }] }]);
    const service = run.find('/prod/api', 'Service');
    expect(service.spec).toMatchObject(expected);
    if (hint !== 'headless') expect(service.spec).not.toHaveProperty('clusterIP');
  });
});
