import { GENERIC_TARGET, runPipeline, validatePlugin, type Plugin } from '@baton/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { findingKeys, makeModel, recordingContext, runWriter, type WorkloadInput } from './__fixtures__/builders.js';
import kubernetes, { KUBERNETES_RULES, KUBERNETES_VERSION } from './index.js';
import { writeKubernetes } from './write-kubernetes.js';

const estate: WorkloadInput[] = [
  { id: '/prod/web', dependencies: ['/prod/api'], containers: [{ ports: [{ index: 0, name: 'http', containerPort: 80, protocols: ['tcp'], labels: {}, pointer: '/container/portMappings/0' }] }] },
  { id: '/prod/api', secrets: [{ name: 'token', source: '/prod/api/token', pointer: '/secrets/token' }], containers: [{ env: [{ name: 'TOKEN', secret: 'token', pointer: '/env/TOKEN' }] }] },
  { id: '/staging/web' },
  { id: '/tool' },
];

describe('the plugin', () => {
  it('is a valid plugin whose rules are all declared under the kubernetes namespace', () => {
    const plugin = kubernetes();
    expect(validatePlugin(plugin)).toEqual([]);
    expect(plugin.meta).toEqual({ name: '@baton/kubernetes', version: KUBERNETES_VERSION, namespace: 'kubernetes' });
    expect(plugin.writers?.kubernetes?.target).toBe('kubernetes');
    for (const [id, rule] of Object.entries(KUBERNETES_RULES)) {
      expect(rule.id).toBe(id);
      expect(id).toMatch(/^kubernetes\/[a-z0-9-]+$/);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      expect(rule.docs.length).toBeGreaterThan(40);
    }
  });

  it('keeps its version equal to package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(KUBERNETES_VERSION).toBe(manifest.version);
  });

  it('rejects invalid options with every problem at once', async () => {
    expect(() => kubernetes({ namespaces: 'depth:0' as never, secrets: 'vault' as never })).toThrow(/namespaces.*secrets/);
    const { ctx } = recordingContext({ hostPorts: 'yes', namespace: 'Not Valid' });
    await expect(writeKubernetes(makeModel([{}]), ctx)).rejects.toThrow(/BATON4001.*hostPorts.*namespace|BATON4001.*namespace.*hostPorts/);
  });
});

describe('output layout', () => {
  it('writes one manifest per workload, kustomizations and namespaces, in apply order', async () => {
    const { result } = await runWriter(estate, {}, { ...GENERIC_TARGET, admission: { podSecurity: 'restricted' } });
    expect(result.files.map((file) => file.path)).toEqual([
      'dns-rewrites.json',
      'dns-rewrites.md',
      'manifests/default/kustomization.yaml',
      'manifests/default/tool.yaml',
      'manifests/kustomization.yaml',
      'manifests/namespaces.yaml',
      'manifests/prod/api.yaml',
      'manifests/prod/kustomization.yaml',
      'manifests/prod/web.yaml',
      'manifests/staging/kustomization.yaml',
      'manifests/staging/web.yaml',
      'secrets.md',
    ]);
    const file = (path: string) => result.files.find((candidate) => candidate.path === path)!.content;
    expect(parseAllDocuments(file('manifests/kustomization.yaml'))[0]!.toJSON()).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['namespaces.yaml', 'default', 'prod', 'staging'],
    });
    expect(parseAllDocuments(file('manifests/prod/kustomization.yaml'))[0]!.toJSON().resources).toEqual(['api.yaml', 'web.yaml']);
    // `default` exists in every cluster and is not written.
    const namespaces = parseAllDocuments(file('manifests/namespaces.yaml')).map((document) => document.toJSON());
    expect(namespaces.map((namespace) => namespace.metadata.name)).toEqual(['prod', 'staging']);
    expect(namespaces[0].metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(result.shared.map((object) => object.metadata.name)).toEqual(['prod', 'staging']);

    const api = result.workloads.find((output) => output.workload === '/prod/api')!;
    expect(api).toMatchObject({ namespace: 'prod', name: 'api', file: 'manifests/prod/api.yaml', wave: 0 });
    expect(api.objects.map((object) => object.kind)).toEqual(['Secret', 'Deployment']);
    const web = result.workloads.find((output) => output.workload === '/prod/web')!;
    expect(web.wave).toBe(1);
    expect(web.objects.map((object) => object.kind)).toEqual(['Service', 'Deployment']);
    expect(parseAllDocuments(file('manifests/prod/web.yaml')).map((document) => document.toJSON())).toEqual(web.objects);
  });

  it('keeps the labels of the group a namespace stands for', async () => {
    const { ctx } = recordingContext();
    const model = { ...makeModel([{ id: '/prod/web' }]), groups: [{ id: '/prod', dependencies: [], labels: { env: 'production', 'cost center': '42' } }] };
    const result = await writeKubernetes(model, ctx);
    expect(result.shared[0]!.metadata).toEqual({
      name: 'prod',
      labels: { env: 'production', 'app.kubernetes.io/managed-by': 'baton' },
      annotations: { 'baton.dev/source-id': '/prod', 'baton.dev/source-kind': 'group', 'baton.dev/source-labels': '{"cost center":"42"}' },
    });
  });

  it('labels and annotates every object with its provenance', async () => {
    const { result } = await runWriter([{ ...estate[1]!, version: '2021-03-04T05:06:07.000Z' }]);
    for (const object of result.workloads[0]!.objects) {
      expect(object.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/part-of': 'prod', 'app.kubernetes.io/managed-by': 'baton' });
      expect(object.metadata.annotations).toMatchObject({
        'baton.dev/source-id': '/prod/api',
        'baton.dev/source-kind': 'app',
        'baton.dev/source-version': '2021-03-04T05:06:07.000Z',
      });
    }
  });

  it('is deterministic: the same model gives byte-identical files', async () => {
    const first = await runWriter(estate);
    const second = await runWriter(estate);
    expect(second.result.files).toEqual(first.result.files);
    expect(findingKeys(second.findings)).toEqual(findingKeys(first.findings));
  });

  it('never writes a secret value and lists every secret to create', async () => {
    const { result, findings } = await runWriter(estate);
    const secret = result.workloads.find((output) => output.workload === '/prod/api')!.objects[0]!;
    expect(secret).toMatchObject({ kind: 'Secret', type: 'Opaque', metadata: { name: 'api-token', annotations: { 'baton.dev/secret-source': '/prod/api/token' } } });
    expect(secret).not.toHaveProperty('data');
    expect(secret).not.toHaveProperty('stringData');
    const checklist = result.files.find((file) => file.path === 'secrets.md')!.content;
    expect(checklist).toContain('/prod/api/token');
    expect(checklist).toContain(`kubectl -n prod patch secret api-token --type merge -p '{"stringData":{"value":"<value of /prod/api/token>"}}'`);
    expect(findingKeys(findings, '/prod/api')).toEqual(['kubernetes/secret-value-required#skeleton@/secrets/token']);
  });

  it('writes ExternalSecrets on request, and skeletons when the target does not serve them', async () => {
    const external = await runWriter([estate[1]!], { secrets: 'external-secrets' });
    expect(external.result.workloads[0]!.objects[0]).toMatchObject({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      spec: { secretStoreRef: { name: 'dcos-secrets', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'value', remoteRef: { key: '/prod/api/token' } }] },
    });
    const fallback = await runWriter([estate[1]!], { secrets: 'external-secrets' }, { ...GENERIC_TARGET, servedApis: ['apps/v1/Deployment', 'v1/Secret'] });
    expect(fallback.result.workloads[0]!.objects[0]!.kind).toBe('Secret');
    expect(findingKeys(fallback.findings, '*')).toEqual(['kubernetes/api-not-served#externalSecret@']);
  });

  it('reports objects of different workloads that end up with the same name', async () => {
    const { findings } = await runWriter([
      { id: '/prod/db', kind: 'stateful-service' },
      { id: '/prod/db-headless', containers: [{ ports: [{ index: 0, containerPort: 80, protocols: ['tcp'], labels: {}, pointer: '/container/portMappings/0' }] }] },
    ]);
    expect(findingKeys(findings)).toEqual(['kubernetes/name-collision#object@']);
  });

  it('orders dependencies in waves and reports cycles and unknown dependencies', async () => {
    const { result, findings } = await runWriter([
      { id: '/a', dependencies: ['/b'] },
      { id: '/b', dependencies: ['/a', '/gone'] },
      { id: '/c', dependencies: ['/a'] },
    ]);
    expect(result.workloads.map((output) => [output.workload, output.wave])).toEqual([
      ['/a', 0],
      ['/b', 0],
      ['/c', 1],
    ]);
    expect(findingKeys(findings)).toEqual(['kubernetes/dependency-cycle#cycle@', 'kubernetes/dependency-cycle#cycle@', 'kubernetes/dependency-unknown#unknown@']);
  });

  it('keeps suspended workloads, Jobs and fixed host ports as documented', async () => {
    const hostPort = { index: 0, containerPort: 8080, hostPort: 31080, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/0' };
    const { find, findings, podSpec } = await runWriter([
      { id: '/idle', replicas: 0 },
      { id: '/once', kind: 'job', sourceKind: 'job' },
      { id: '/edge', containers: [{ ports: [hostPort] }] },
    ]);
    expect(find('/idle', 'Deployment').spec.replicas).toBe(0);
    expect(find('/once', 'Job').spec.template.spec.restartPolicy).toBe('Never');
    expect(podSpec('/edge').containers[0].ports[0]).toEqual({ name: 'port0', containerPort: 8080, protocol: 'TCP' });
    expect(findingKeys(findings)).toEqual(['kubernetes/host-port#notMapped@/container/portMappings/0/hostPort', 'kubernetes/replicas-zero#suspended@']);

    const optedIn = await runWriter([{ id: '/edge', containers: [{ ports: [hostPort] }] }], { hostPorts: true });
    expect(optedIn.podSpec('/edge').containers[0].ports[0].hostPort).toBe(31080);
  });
});

describe('in the pipeline', () => {
  it('runs as the selected writer and records dispositions in the coverage ledger', async () => {
    const model = makeModel([
      {
        id: '/prod/api',
        containers: [{ runtimeParameters: [{ key: 'ulimit', value: 'nofile=1', pointer: '/container/docker/parameters/0' }] }],
        placement: { constraints: [{ field: 'rack', operator: 'LIKE', value: 'r[0-9]', pointer: '/constraints/0' }] },
      },
    ]);
    const definition = {
      id: '/prod/api',
      container: { docker: { image: 'nginx:1.27', parameters: [{ key: 'ulimit', value: 'nofile=1' }] } },
      constraints: [['rack', 'LIKE', 'r[0-9]']],
    };
    const source: Plugin = {
      apiVersion: 1,
      meta: { name: 'test-source', version: '0.0.0', namespace: 'test' },
      readers: {
        memory: {
          apiVersion: 1,
          description: 'in-memory model',
          detect: () => true,
          read: async (_input, ctx) => {
            ctx.ledger.claim('/prod/api', '', { disposition: 'mapped', subtree: true });
            return { model, definitions: new Map([['/prod/api', definition]]) };
          },
        },
      },
    };
    const result = await runPipeline({ plugins: [source, kubernetes()], input: { kind: 'file', location: 'memory' } });
    expect(result.output.workloads.map((output) => output.file)).toEqual(['manifests/prod/api.yaml']);
    const coverage = Object.fromEntries(result.ledger.get('/prod/api')!.map((entry) => [entry.pointer, [entry.disposition, entry.ruleId]]));
    expect(coverage['/container/docker/parameters/0/value']).toEqual(['unsupported', 'kubernetes/runtime-parameter-unsupported']);
    expect(coverage['/constraints/0/2']).toEqual(['unsupported', 'kubernetes/constraint-unsupported']);
    expect(coverage['/id']).toEqual(['mapped', undefined]);
    expect(result.status.get('/prod/api')).toBe('degraded');
  });
});

describe('the README', () => {
  it('documents every rule with its default severity and impact', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const rule of Object.values(KUBERNETES_RULES)) {
      expect(readme).toContain(`| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.impact} |`);
    }
  });
});
