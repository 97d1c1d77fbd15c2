import { describe, expect, it } from 'vitest';
import type { PlannedObject } from '@baton/core';
import { SUPPORTED_KUBERNETES_VERSIONS, validateObjects, type ManifestProblem } from './index.js';
import { fieldTable } from './field-table.js';
import { validators } from './generated/schema-validators.js';
import { deployment, everyKind, externalSecret, httpRoute, service } from './__fixtures__/realistic-objects.js';

const V = { kubernetesVersion: '1.34' } as const;

/** Deep copy with one change, so each test starts from a valid object. */
function mutate(object: PlannedObject, change: (o: any) => void): PlannedObject {
  const copy = structuredClone(object) as any;
  change(copy);
  return copy;
}

function summary(problems: ManifestProblem[]): Array<[ManifestProblem['problem'], string]> {
  return problems.map((p) => [p.problem, p.pointer]);
}

describe('validateObjects: valid objects', () => {
  it.each(SUPPORTED_KUBERNETES_VERSIONS)('accepts one realistic object of every kind in %s', (kubernetesVersion) => {
    expect(validateObjects(everyKind(), { kubernetesVersion })).toEqual([]);
  });

  it('covers every kind Baton emits', () => {
    const kinds = everyKind().map((o) => `${o.apiVersion}/${o.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'v1/Namespace', 'v1/Service', 'v1/ConfigMap', 'v1/Secret', 'v1/PersistentVolumeClaim', 'v1/PersistentVolume',
        'v1/ServiceAccount', 'apps/v1/Deployment', 'apps/v1/StatefulSet', 'apps/v1/DaemonSet', 'batch/v1/Job',
        'batch/v1/CronJob', 'networking.k8s.io/v1/Ingress', 'networking.k8s.io/v1/NetworkPolicy',
        'networking.k8s.io/v1/IngressClass', 'policy/v1/PodDisruptionBudget', 'gateway.networking.k8s.io/v1/HTTPRoute',
        'external-secrets.io/v1/ExternalSecret', 'k8s.cni.cncf.io/v1/NetworkAttachmentDefinition',
      ]),
    );
  });
});

describe('validateObjects: unknown fields', () => {
  it('reports a typo at any depth with its pointer', () => {
    const bad = mutate(deployment(), (o) => {
      o.spec.template.spec.containres = o.spec.template.spec.containers;
      o.spec.template.spec.containers[0].livenessProbe.httpGet.paht = '/x';
      o.spec.template.spec.containers[0].env[3].valeu = 'x';
      o.metadata.lables = {};
    });
    expect(summary(validateObjects([bad], V))).toEqual([
      ['unknown-field', '/metadata/lables'],
      ['unknown-field', '/spec/template/spec/containers/0/env/3/valeu'],
      ['unknown-field', '/spec/template/spec/containers/0/livenessProbe/httpGet/paht'],
      ['unknown-field', '/spec/template/spec/containres'],
    ]);
  });

  it('reports unknown fields in CRDs and escapes pointer tokens', () => {
    const route = mutate(httpRoute(), (o) => {
      o.spec.rules[0].backendRefs[0].weigth = 1;
    });
    const es = mutate(externalSecret(), (o) => {
      o.spec.target['a/b~c'] = true;
    });
    expect(summary(validateObjects([route, es], V))).toEqual([
      ['unknown-field', '/spec/rules/0/backendRefs/0/weigth'],
      ['unknown-field', '/spec/target/a~1b~0c'],
    ]);
  });

  it('does not flag free-form maps such as labels, annotations and ConfigMap data', () => {
    const o = mutate(deployment(), (d) => {
      d.metadata.labels['anything.example.com/at-all'] = 'x';
      d.spec.template.spec.nodeSelector = { 'whatever/key': 'v' };
    });
    expect(validateObjects([o], V)).toEqual([]);
  });
});

describe('validateObjects: schema', () => {
  const cases: Array<[string, (o: any) => void, string]> = [
    ['wrong type', (o) => (o.spec.replicas = '3'), '/spec/replicas'],
    ['wrong type (port)', (o) => (o.spec.template.spec.containers[0].ports[0].containerPort = '8080'), '/spec/template/spec/containers/0/ports/0/containerPort'],
    ['missing required', (o) => delete o.spec.template.spec.containers[0].name, '/spec/template/spec/containers/0/name'],
    ['missing selector', (o) => delete o.spec.selector, '/spec/selector'],
    ['bad enum protocol', (o) => (o.spec.template.spec.containers[0].ports[0].protocol = 'HTTP'), '/spec/template/spec/containers/0/ports/0/protocol'],
    ['bad enum imagePullPolicy', (o) => (o.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes'), '/spec/template/spec/containers/0/imagePullPolicy'],
    ['bad quantity', (o) => (o.spec.template.spec.containers[0].resources.limits.memory = '1GB'), '/spec/template/spec/containers/0/resources/limits/memory'],
    ['bad name', (o) => (o.metadata.name = 'My_App'), '/metadata/name'],
  ];
  it.each(cases)('%s', (_, change, pointer) => {
    const problems = validateObjects([mutate(deployment(), change)], V);
    expect(summary(problems)).toEqual([['schema', pointer]]);
  });

  it('checks CRD constraints from their schemas (HTTPRoute hostname pattern)', () => {
    const route = mutate(httpRoute(), (o) => (o.spec.hostnames = ['Bad_Host.example.com']));
    expect(summary(validateObjects([route], V))).toEqual([['schema', '/spec/hostnames/0']]);
  });

  it('checks Secret data is base64 and NetworkAttachmentDefinition config is a string', () => {
    const secret = everyKind().find((o) => o.kind === 'Secret')!;
    const nad = everyKind().find((o) => o.kind === 'NetworkAttachmentDefinition')!;
    const problems = validateObjects(
      [mutate(secret, (o) => (o.data.password = 'not base64!')), mutate(nad, (o) => (o.spec.config = { type: 'macvlan' }))],
      V,
    );
    expect(problems.map((p) => [p.index, p.problem, p.pointer])).toEqual([
      [0, 'schema', '/data/password'],
      [1, 'schema', '/spec/config'],
    ]);
  });

  it('identifies the object: index, apiVersion, kind, name', () => {
    const [p] = validateObjects([service(), mutate(service(7), (o) => (o.spec.ports[0].port = -1.5))], V);
    expect(p).toMatchObject({ index: 1, apiVersion: 'v1', kind: 'Service', name: 'app-7', pointer: '/spec/ports/0/port', problem: 'schema' });
  });
});

describe('validateObjects: what the minor serves', () => {
  it('reports APIs that are no longer served', () => {
    const cron = everyKind().find((o) => o.kind === 'CronJob')!;
    const pdb = everyKind().find((o) => o.kind === 'PodDisruptionBudget')!;
    const problems = validateObjects(
      [
        { ...cron, apiVersion: 'batch/v1beta1' },
        { ...pdb, apiVersion: 'policy/v1beta1' },
        { ...deployment(), apiVersion: 'extensions/v1beta1' },
        { ...deployment(), apiVersion: 'apps/v2' },
      ],
      V,
    );
    expect(problems.map((p) => [p.index, p.problem, p.pointer])).toEqual([
      [0, 'api-not-served', '/apiVersion'],
      [1, 'api-not-served', '/apiVersion'],
      [2, 'api-not-served', '/apiVersion'],
      [3, 'api-not-served', '/apiVersion'],
    ]);
  });

  it('answers per minor: an API removed inside the supported range', () => {
    const flow = { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', metadata: { name: 'x' } };
    expect(validateObjects([flow], { kubernetesVersion: '1.32' }).map((p) => p.problem)).toEqual(['api-not-served']);
    // still served by 1.31 (and not a kind the validator has a schema for)
    expect(validateObjects([flow], { kubernetesVersion: '1.31' }).map((p) => p.problem)).toEqual(['schema']);
  });

  it('rejects fields the target minor does not have, or has behind an off-by-default gate', () => {
    const svc = mutate(service(), (o) => (o.spec.trafficDistribution = 'PreferClose'));
    expect(summary(validateObjects([svc], { kubernetesVersion: '1.30' }))).toEqual([['unknown-field', '/spec/trafficDistribution']]);
    expect(validateObjects([svc], { kubernetesVersion: '1.31' })).toEqual([]);
    const d = mutate(deployment(), (o) => (o.spec.template.spec.securityContext = { appArmorProfile: { type: 'RuntimeDefault' } }));
    expect(summary(validateObjects([d], { kubernetesVersion: '1.29' }))).toEqual([['unknown-field', '/spec/template/spec/securityContext/appArmorProfile']]);
    expect(validateObjects([d], { kubernetesVersion: '1.30' })).toEqual([]);
  });

  it('reports kinds it has no schema for instead of passing them', () => {
    const problems = validateObjects([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }], V);
    expect(summary(problems)).toEqual([['schema', '/kind']]);
  });

  it('has a schema validator and a field table for the same kinds (generated data in sync)', () => {
    expect(Object.keys(validators).sort()).toEqual([...fieldTable().roots.keys()].sort());
  });

  it('reports objects that cannot be identified, and a missing name', () => {
    const problems = validateObjects(
      [null as never, { kind: 'Service', metadata: { name: 'a' } } as never, mutate(service(), (o) => delete o.metadata.name)],
      V,
    );
    expect(problems.map((p) => [p.index, p.problem, p.pointer])).toEqual([
      [0, 'schema', ''],
      [1, 'schema', '/apiVersion'],
      [2, 'schema', '/metadata/name'],
    ]);
  });

  it('refuses a minor it has no data for', () => {
    expect(() => validateObjects([], { kubernetesVersion: '1.20' })).toThrow(RangeError);
    expect(SUPPORTED_KUBERNETES_VERSIONS).toEqual(expect.arrayContaining(['1.29', '1.34', '1.35']));
  });
});

describe('validateObjects: pod specs', () => {
  it('rejects a pod template without containers, as the API server does', () => {
    const empty = mutate(deployment(), (o) => (o.spec.template.spec.containers = []));
    expect(summary(validateObjects([empty], V))).toEqual([['schema', '/spec/template/spec/containers']]);
    const cronJob = everyKind().find((o) => o.kind === 'CronJob')!;
    expect(summary(validateObjects([mutate(cronJob, (o) => (o.spec.jobTemplate.spec.template.spec.containers = []))], V))).toEqual([
      ['schema', '/spec/jobTemplate/spec/template/spec/containers'],
    ]);
  });
});
