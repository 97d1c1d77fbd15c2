import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PLAN_VERSION, type Finding, type PlanDocument, type PlanWorkload } from '@baton/core';
import { stringify } from 'yaml';

// Plan directories shaped like `migrate plan --out` writes them (plan.json + manifests/<ns>/<name>.yaml),
// so apply is tested on the files it reads in production.

type Obj = Record<string, any>;

export interface FixtureWorkload {
  readonly id: string;
  readonly name: string;
  readonly namespace?: string;
  readonly wave: number;
  readonly kind?: PlanWorkload['kind'];
  readonly status?: PlanWorkload['status'];
  readonly objects: readonly Obj[];
  readonly findings?: readonly Omit<Finding, 'workload'>[];
}

export interface FixturePlan {
  readonly workloads: readonly FixtureWorkload[];
  /** Shared objects (Namespaces first); default: one Namespace per workload namespace. */
  readonly shared?: readonly Obj[];
}

export async function writePlanFixture(fixture: FixturePlan, dir?: string): Promise<string> {
  const planDir = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'baton-plan-')));
  const namespaces = [...new Set(fixture.workloads.map((w) => w.namespace ?? 'prod'))].sort();
  const shared = fixture.shared ?? namespaces.map((name) => namespace(name));
  const files = new Map<string, Obj[]>();
  const add = (file: string, object: Obj) => files.set(file, [...(files.get(file) ?? []), object]);
  for (const object of shared) add(`manifests/${object.metadata.namespace ?? object.metadata.name}/_shared.yaml`, object);
  const workloads: PlanWorkload[] = [...fixture.workloads]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((w) => {
      const ns = w.namespace ?? 'prod';
      const file = `manifests/${ns}/${w.name}.yaml`;
      for (const object of w.objects) add(file, object);
      return {
        id: w.id,
        sourceKind: 'app',
        kind: w.kind ?? 'service',
        origin: 'fixture.json',
        namespace: ns,
        name: w.name,
        status: w.status ?? 'ready',
        wave: w.wave,
        dependencies: [],
        file,
        objects: w.objects.map(refOf),
        findings: w.findings ?? [],
        coverage: [],
      };
    });
  const waves = [...new Set(workloads.map((w) => w.wave))].sort((a, b) => a - b).map((wave) => ({ wave, workloads: workloads.filter((w) => w.wave === wave).map((w) => w.id) }));
  const plan: PlanDocument = {
    planVersion: PLAN_VERSION,
    tool: { name: 'migrate', version: '0.0.0-test' },
    source: { reader: 'fixture', location: 'fixture.json' } as PlanDocument['source'],
    target: { id: 'generic', title: 'Generic', kubernetesVersion: '1.34' },
    summary: { workloads: workloads.length, ready: 0, degraded: 0, blocked: 0, objects: 0, findings: { error: 0, warning: 0, info: 0 }, coverage: {} },
    waves,
    workloads,
    findings: [],
    sharedObjects: shared.map(refOf),
  };
  await mkdir(planDir, { recursive: true });
  await writeFile(path.join(planDir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
  for (const [file, objects] of files) {
    await mkdir(path.dirname(path.join(planDir, file)), { recursive: true });
    await writeFile(path.join(planDir, file), objects.map((o) => stringify(o)).join('---\n'));
  }
  return planDir;
}

function refOf(object: Obj): PlanWorkload['objects'][number] {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) };
}

export function namespace(name: string, labels: Record<string, string> = {}): Obj {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'baton', ...labels } } };
}

export function deployment(name: string, options: { namespace?: string; replicas?: number; podSpec?: Obj; container?: Obj } = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: options.namespace ?? 'prod', labels: { app: name } },
    spec: {
      replicas: options.replicas ?? 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: `registry.example.com/${name}:1.0`, ...options.container }], ...options.podSpec },
      },
    },
  };
}

export function service(name: string, port = 8080, ns = 'prod'): Obj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: { app: name }, ports: [{ name: 'http', port, targetPort: port }] } };
}

export function configMap(name: string, data: Record<string, string>, ns = 'prod'): Obj {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data };
}

/** The writer's skeleton: a Secret without values. */
export function secretSkeleton(name: string, ns = 'prod'): Obj {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns, annotations: { 'baton.dev/secret-source': `/${name}` } }, type: 'Opaque' };
}

/** A Deployment reading `value` from Secret `secret` in env, as the writer maps Marathon secrets. */
export function deploymentWithSecret(name: string, secret: string, ns = 'prod'): Obj {
  return deployment(name, { namespace: ns, container: { env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: secret, key: 'value' } } }] } });
}

export function statefulSet(name: string, options: { replicas?: number; ns?: string } = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: options.ns ?? 'prod', labels: { app: name } },
    spec: {
      replicas: options.replicas ?? 2,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: `postgres:16`, volumeMounts: [{ name: 'pgdata', mountPath: '/mnt/mesos/sandbox/pgdata' }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'pgdata' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '512Mi' } } } }],
    },
  };
}

export const DATA_MIGRATION_FINDING: Omit<Finding, 'workload'> = {
  ruleId: 'kubernetes/persistent-data-migration',
  severity: 'error',
  impact: 'blocker',
  pointer: '/container/volumes/0',
  message: 'Persistent volume `pgdata` is a new, empty claim.',
  hint: 'Copy the data.',
  docsUrl: 'https://baton.dev/docs/rules/kubernetes/persistent-data-migration',
  plugin: '@baton/kubernetes',
};
