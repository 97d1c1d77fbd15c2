// Reference integrity: every object an object refers to (Service selectors, Ingress backends,
// HTTPRoute parents and backends, Secret and ConfigMap references) exists in the plan, for every
// golden case; and the check itself catches each kind of dangling reference.
import type { PlannedObject, TargetProfile } from '@baton/core';
import { GENERIC_TARGET } from '@baton/core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWriter, type WorkloadInput } from './__fixtures__/builders.js';
import { findDanglingReferences } from './references.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'model.json'))).sort();

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === null ? undefined : withoutNulls(item)]));
  return value;
}

describe('reference integrity of every golden plan', () => {
  for (const name of cases) {
    it(name, async () => {
      const input = withoutNulls(JSON.parse(readFileSync(join(fixtures, name, 'model.json'), 'utf8'))) as { workloads: WorkloadInput[]; options?: Record<string, unknown>; target?: Partial<TargetProfile>; groups?: never[] };
      const target = { ...GENERIC_TARGET, ...input.target, admission: { ...GENERIC_TARGET.admission, ...input.target?.admission } } as TargetProfile;
      const run = await runWriter(input.workloads, input.options ?? {}, target, input.groups ?? []);
      const objects = [...run.result.shared, ...run.result.workloads.flatMap((output) => output.objects)];
      // Prerequisites are only what the plan declares outside its manifests: secrets.md and the Gateway option.
      const checklist = run.result.files.find((file) => file.path === 'secrets.md')?.content ?? '';
      const secrets = [...checklist.matchAll(/^\| `[^`]*` \| ([a-z0-9-]+) \| ([a-z0-9.-]+) \|/gm)].map((match) => `${match[1]}/${match[2]}`);
      const gateway = input.options?.gateway as { name: string; namespace?: string } | undefined;
      expect(findDanglingReferences(objects, { secrets, ...(gateway ? { gateway } : {}) })).toEqual([]);
      // Without the prerequisites, only Secrets listed in secrets.md and the declared Gateway are missing.
      const outside = findDanglingReferences(objects, {}).map((reference) => reference.target);
      expect(outside.filter((target) => !secrets.some((secret) => target === `Secret ${secret}`) && !(gateway && target.startsWith(`Gateway `)))).toEqual([]);
    });
  }
});

const o = (value: Record<string, unknown>) => value as unknown as PlannedObject;
const deployment = (labels: Record<string, string>, spec: Record<string, unknown> = {}) =>
  o({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 80 }] }], ...spec } } } });
const service = (selector: Record<string, string>, targetPort: string | number = 'http') =>
  o({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'prod' }, spec: { selector, ports: [{ name: 'http', port: 80, targetPort }] } });

describe('findDanglingReferences', () => {
  it('accepts a complete plan', () => {
    expect(findDanglingReferences([deployment({ app: 'web' }), service({ app: 'web' })])).toEqual([]);
  });

  it('finds a selector without pods and a target port no selected pod has', () => {
    expect(findDanglingReferences([deployment({ app: 'web' }), service({ app: 'other' })]).map((reference) => reference.pointer)).toEqual(['/spec/selector']);
    expect(findDanglingReferences([deployment({ app: 'web' }), service({ app: 'web' }, 'grpc')]).map((reference) => reference.target)).toEqual(['a container port named grpc in the selected pods']);
  });

  it('finds Ingress backends, TLS and auth Secrets that do not exist', () => {
    const ingress = o({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'prod', annotations: { 'nginx.ingress.kubernetes.io/auth-secret': 'web-auth' } },
      spec: { tls: [{ secretName: 'web-tls' }], rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] } }] },
    });
    expect(findDanglingReferences([deployment({ app: 'web' }), service({ app: 'web' }), ingress]).map((reference) => reference.target)).toEqual([
      'port 8080 of Service prod/web',
      'Secret prod/web-tls',
      'Secret prod/web-auth',
    ]);
    expect(findDanglingReferences([deployment({ app: 'web' }), service({ app: 'web' }), ingress], { secrets: ['prod/web-tls', 'prod/web-auth'] }).map((reference) => reference.target)).toEqual([
      'port 8080 of Service prod/web',
    ]);
  });

  it('finds HTTPRoute parents other than the declared Gateway and missing backends', () => {
    const route = o({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web', namespace: 'prod' },
      spec: { parentRefs: [{ name: 'public', namespace: 'gw' }], rules: [{ backendRefs: [{ name: 'api', port: 80 }] }] },
    });
    expect(findDanglingReferences([route], { gateway: { name: 'public', namespace: 'gw' } }).map((reference) => reference.target)).toEqual(['Service prod/api']);
    expect(findDanglingReferences([route], { gateway: { name: 'public' } }).map((reference) => reference.target)).toEqual(['Gateway gw/public', 'Service prod/api']);
  });

  it('finds Secret, ConfigMap and claim references of pods, and StatefulSet service names', () => {
    const pod = deployment(
      { app: 'web' },
      {
        imagePullSecrets: [{ name: 'pull' }],
        volumes: [{ name: 'a', secret: { secretName: 'files' } }, { name: 'b', configMap: { name: 'conf' } }, { name: 'c', persistentVolumeClaim: { claimName: 'data' } }],
        containers: [
          {
            name: 'web',
            env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'env', key: 'value' } } }, { name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'b' } } }],
            envFrom: [{ secretRef: { name: 'bulk' } }],
          },
        ],
      },
    );
    const statefulSet = o({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'prod' }, spec: { serviceName: 'db-headless', template: { metadata: { labels: {} }, spec: { containers: [] } } } });
    expect(findDanglingReferences([pod, statefulSet]).map((reference) => reference.target)).toEqual([
      'Secret prod/pull',
      'Secret prod/files',
      'ConfigMap prod/conf',
      'PersistentVolumeClaim prod/data',
      'Secret prod/env',
      'ConfigMap prod/settings',
      'Secret prod/bulk',
      'Service prod/db-headless',
    ]);
  });
});
