// Run: pnpm --filter @baton/kubernetes exec vitest bench --run src/plan-checks.bench.ts
// A large estate (10,000 apps: ports, marathon-lb virtual hosts, VIPs, secrets, env using old names):
// the whole writer, and the plan-time checks (validation + references) alone on its objects.
import type { PlannedObject } from '@baton/core';
import { bench, describe } from 'vitest';
import { makeModel, recordingContext, type WorkloadInput } from './__fixtures__/builders.js';
import { checkPlan } from './plan-checks.js';
import { writeKubernetes } from './write-kubernetes.js';

export function largeEstate(count: number): WorkloadInput[] {
  return Array.from({ length: count }, (_, i) => {
    const group = `team-${i % 50}`;
    const labels: Record<string, string> = { team: group, tier: i % 3 === 0 ? 'web' : 'backend' };
    if (i % 4 === 0) Object.assign(labels, { HAPROXY_GROUP: 'external', HAPROXY_0_VHOST: `app-${i}.example.com`, HAPROXY_0_PATH: '/' });
    return {
      id: `/${group}/app-${i}`,
      replicas: 1 + (i % 3),
      labels,
      exposure: [
        ...(i % 4 === 0 ? [{ kind: 'vhost' as const, portIndex: 0, hosts: [`app-${i}.example.com`], paths: ['/'], group: 'external', options: {}, pointer: '/labels/HAPROXY_0_VHOST' }] : []),
        ...(i % 5 === 0 ? [{ kind: 'vip' as const, portIndex: 0, vip: `/svc-${i}:80`, options: {}, pointer: '/container/portMappings/0/labels/VIP_0' }] : []),
      ],
      secrets: i % 10 === 0 ? [{ name: 'db', source: `/${group}/db`, pointer: '/secrets/db' }] : [],
      containers: [
        {
          name: `app-${i}`,
          image: { ref: `registry.example.com/${group}/app-${i}:1.${i % 20}`, forcePull: false, runtime: 'docker', pointer: '/container/docker/image' },
          env: [
            { name: 'UPSTREAM', value: `http://app-${(i + 1) % count}-team-${(i + 1) % 50}.marathon.mesos:8080`, pointer: '/env/UPSTREAM' },
            ...(i % 10 === 0 ? [{ name: 'DB_PASSWORD', secret: 'db', pointer: '/env/DB_PASSWORD' }] : []),
          ],
          ports: [{ index: 0, name: 'http', containerPort: 8080, servicePort: 10_000 + (i % 10_000), protocols: ['tcp'], labels: {}, pointer: '/container/portMappings/0' }],
        },
      ],
    };
  });
}

const estate = makeModel(largeEstate(10_000));
const planned = await writeKubernetes(estate, recordingContext().ctx);
const owners = [
  { id: '*', objects: planned.shared, report: () => {} },
  ...planned.workloads.map((output) => ({ id: output.workload, objects: output.objects as PlannedObject[], report: () => {} })),
];

describe(`10,000 apps (${planned.workloads.reduce((sum, output) => sum + output.objects.length, planned.shared.length)} objects)`, () => {
  bench('writeKubernetes (build, VIPs, DNS rewrites, plan-time checks, files)', async () => {
    await writeKubernetes(estate, recordingContext().ctx);
  }, { iterations: 5, warmupIterations: 1 });

  bench('plan-time checks alone (validateObjects + references)', () => {
    checkPlan(owners, '1.34', {}, () => {});
  }, { iterations: 5, warmupIterations: 1 });
});
