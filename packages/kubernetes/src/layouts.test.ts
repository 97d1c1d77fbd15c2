import type { PlannedObject } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runWriter, type WorkloadInput } from './__fixtures__/builders.js';
import { escapeTemplate } from './helm-chart.js';
import { renderManifestStream, splitImage } from './layouts.js';
import { validateObjects } from './validation/index.js';

const port = (index: number, name: string, containerPort: number) => ({ index, name, containerPort, protocols: ['tcp' as const], labels: {}, pointer: `/container/portMappings/${index}` });
const estate: WorkloadInput[] = [
  {
    id: '/prod/web',
    replicas: 3,
    dependencies: ['/prod/api'],
    exposure: [{ kind: 'vhost', portIndex: 0, hosts: ['www.example.com', 'example.com'], group: 'external', options: {}, pointer: '/labels/HAPROXY_0_VHOST' }],
    containers: [
      {
        name: 'web',
        image: { ref: 'registry.example.com:5000/web/frontend:2.4.1', forcePull: false, runtime: 'docker', pointer: '/container/docker/image' },
        ports: [port(0, 'http', 8080)],
        // Literal `{{` must survive Helm: it is escaped in the templates.
        env: [{ name: 'GREETING', value: 'Hello {{ .Name }}', pointer: '/env/GREETING' }],
      },
    ],
  },
  { id: '/prod/api', containers: [{ name: 'api', ports: [port(0, 'http', 9000)], resources: { cpus: 0.5, memMiB: 300, diskMiB: 0, gpus: 0 } }] },
  { id: '/staging/web', containers: [{ name: 'web', image: { ref: 'nginx@sha256:abc', forcePull: false, runtime: 'docker', pointer: '/container/docker/image' } }] },
  { id: '/prod/report', kind: 'job', sourceKind: 'job', containers: [{ name: 'report' }] },
];

/**
 * A tiny Go-template renderer for what the chart uses: `{{ index .Values.workloads "k" "a" 0 }}`,
 * `| quote`, `| toYaml`, `| nindent N`, `{{-` trimming and `{{ "{{" }}`. Anything else throws, so
 * a template using more than Baton documents fails here.
 */
function renderTemplate(text: string, values: Record<string, unknown>): string {
  return text.replace(/(\s*)\{\{(-?)\s*(.*?)\s*(-?)\}\}/g, (_match, space: string, trimLeft: string, action: string) => {
    const pipeline = action.split('|').map((part) => part.trim());
    const head = pipeline.shift()!;
    let value: unknown;
    const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(head);
    if (literal) value = JSON.parse(`"${literal[1]}"`);
    else {
      const index = /^index \.Values\.workloads((?: (?:"[^"]*"|\d+))+)$/.exec(head);
      if (!index) throw new Error(`unsupported action: ${action}`);
      value = (values as { workloads: Record<string, unknown> }).workloads;
      for (const key of index[1]!.trim().match(/"[^"]*"|\d+/g)!) {
        const k = key.startsWith('"') ? (JSON.parse(key) as string) : Number(key);
        value = (value as Record<string | number, unknown>)[k];
        if (value === undefined) throw new Error(`no value at ${action}`);
      }
    }
    let out = typeof value === 'string' ? value : JSON.stringify(value);
    for (const fn of pipeline) {
      if (fn === 'quote') out = JSON.stringify(String(value));
      else if (fn === 'toYaml') out = JSON.stringify(value);
      else if (/^nindent \d+$/.test(fn)) out = `\n${' '.repeat(Number(fn.slice(8)))}${out}`;
      else throw new Error(`unsupported function: ${fn}`);
    }
    return `${trimLeft ? '' : space}${out}`;
  });
}

describe('layouts', () => {
  it('files: one manifest per workload and kustomizations applying everything', async () => {
    const { result } = await runWriter(estate);
    expect(result.files.map((file) => file.path).filter((path) => path.startsWith('manifests/'))).toEqual([
      'manifests/kustomization.yaml',
      'manifests/namespaces.yaml',
      'manifests/prod/api.yaml',
      'manifests/prod/kustomization.yaml',
      'manifests/prod/report.yaml',
      'manifests/prod/web.yaml',
      'manifests/staging/kustomization.yaml',
      'manifests/staging/web.yaml',
    ]);
    expect(result.workloads.map((output) => output.file)).toEqual(['manifests/prod/web.yaml', 'manifests/prod/api.yaml', 'manifests/staging/web.yaml', 'manifests/prod/report.yaml']);
  });

  it('keeps a workload named kustomization apart from the namespace kustomization.yaml, in every layout', async () => {
    for (const layout of ['files', 'kustomize', 'helm']) {
      const { result } = await runWriter([{ id: '/prod/kustomization' }, { id: '/prod/web' }], { layout });
      const paths = result.files.map((file) => file.path);
      expect(new Set(paths).size, layout).toBe(paths.length);
      const own = result.workloads.find((output) => output.workload === '/prod/kustomization')!;
      expect(own.file, layout).toMatch(/\/prod\/kustomization\.workload\.yaml$/);
      expect(parseAllDocuments(result.files.find((file) => file.path === own.file)!.content).map((document) => document.toJS().kind), layout).toContain('Deployment');
    }
  });

  it('kustomize: a base per namespace and an overlay with replicas and single-tag images as knobs', async () => {
    const { result } = await runWriter(estate, { layout: 'kustomize' });
    const file = (path: string) => parse(result.files.find((candidate) => candidate.path === path)!.content);
    expect(result.workloads.map((output) => output.file)).toContain('manifests/base/prod/web.yaml');
    expect(file('manifests/kustomization.yaml').resources).toEqual(['base/namespaces.yaml', 'overlays/prod', 'overlays/staging']);
    expect(file('manifests/base/prod/kustomization.yaml').resources).toEqual(['api.yaml', 'report.yaml', 'web.yaml']);
    expect(file('manifests/overlays/prod/kustomization.yaml')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base/prod'],
      replicas: [
        { name: 'api', count: 1 },
        { name: 'web', count: 3 },
      ],
      images: [
        { name: 'nginx', newTag: '1.27' },
        { name: 'registry.example.com:5000/web/frontend', newTag: '2.4.1' },
      ],
    });
    expect(file('manifests/overlays/staging/kustomization.yaml').images).toEqual([{ name: 'nginx', digest: 'sha256:abc' }]);
  });

  it('splits image references into a name and a tag or digest', () => {
    expect(splitImage('registry:5000/team/app:1.2')).toEqual({ name: 'registry:5000/team/app', reference: ':1.2' });
    expect(splitImage('app@sha256:ff')).toEqual({ name: 'app', reference: '@sha256:ff' });
    expect(splitImage('registry:5000/team/app')).toBeUndefined();
  });

  it('helm: values with images, replicas, resources and hosts; templates that render to the planned objects', async () => {
    const { result } = await runWriter(estate, { layout: 'helm', chartName: 'shop' }, { ...(await import('@baton/core')).GENERIC_TARGET, kubernetesVersion: '1.29' });
    const paths = result.files.map((file) => file.path);
    expect(paths.filter((path) => path.startsWith('chart/'))).toEqual([
      'chart/Chart.yaml',
      'chart/templates/namespaces.yaml',
      'chart/templates/prod/api.yaml',
      'chart/templates/prod/report.yaml',
      'chart/templates/prod/web.yaml',
      'chart/templates/staging/web.yaml',
      'chart/values.yaml',
    ]);
    expect(paths.some((path) => path.startsWith('manifests/'))).toBe(false);
    const content = (path: string) => result.files.find((file) => file.path === path)!.content;
    expect(parse(content('chart/Chart.yaml'))).toMatchObject({ apiVersion: 'v2', name: 'shop', version: '0.1.0', type: 'application' });
    const values = parse(content('chart/values.yaml'));
    expect(values.workloads['prod/web']).toEqual({
      replicas: 3,
      containers: { web: { image: 'registry.example.com:5000/web/frontend:2.4.1', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '100m', memory: '128Mi' } } } },
      hosts: ['www.example.com', 'example.com'],
    });
    expect(values.workloads['prod/report']).not.toHaveProperty('replicas');

    const web = content('chart/templates/prod/web.yaml');
    expect(web).toContain('replicas: {{ index .Values.workloads "prod/web" "replicas" }}');
    expect(web).toContain('image: {{ index .Values.workloads "prod/web" "containers" "web" "image" | quote }}');
    expect(web).toMatch(/resources: \{\{- index \.Values\.workloads "prod\/web" "containers" "web" "resources" \| toYaml \| nindent \d+ \}\}/);
    expect(web).toContain('- host: {{ index .Values.workloads "prod/web" "hosts" 0 | quote }}');
    expect(web).toContain('Hello {{ "{{" }} .Name }}');

    // Rendered with the default values, every template gives back exactly the planned objects.
    const rendered: PlannedObject[] = [];
    for (const file of result.files.filter((candidate) => candidate.path.startsWith('chart/templates/'))) {
      const documents = parseAllDocuments(renderTemplate(file.content, values));
      expect(documents.flatMap((document) => document.errors), file.path).toEqual([]);
      rendered.push(...documents.map((document) => document.toJSON() as PlannedObject));
    }
    const planned = [...result.shared, ...result.workloads.flatMap((output) => output.objects)];
    const key = (object: PlannedObject) => `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    expect(rendered.map(key).sort()).toEqual(planned.map(key).sort());
    for (const object of rendered) expect(object).toEqual(planned.find((candidate) => key(candidate) === key(object)));
    expect(validateObjects(rendered, { kubernetesVersion: '1.29' })).toEqual([]);
  });

  it('escapes literal template actions', () => {
    expect(escapeTemplate('a {{ b }} c')).toBe('a {{ "{{" }} b }} c');
    expect(escapeTemplate('plain')).toBe('plain');
  });

  it('renders the whole plan as one stream in apply order: namespaces, shared objects, workloads by wave', async () => {
    const shared = { index: 0, name: 'http', containerPort: 8080, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/0' };
    const vip = { kind: 'vip' as const, portIndex: 0, vip: '/both:80', options: {}, pointer: '/container/portMappings/0/labels/VIP_0' };
    const { result } = await runWriter([...estate, { id: '/prod/a', exposure: [vip], containers: [{ ports: [shared] }] }, { id: '/prod/b', exposure: [vip], containers: [{ ports: [shared] }] }]);
    const stream = renderManifestStream(result);
    const documents = parseAllDocuments(stream).map((document) => document.toJSON() as PlannedObject);
    const order = documents.map((object) => `${object.kind}/${object.metadata.name}`);
    expect(order.slice(0, 3)).toEqual(['Namespace/prod', 'Namespace/staging', 'Service/both']);
    // /prod/web depends on /prod/api: it comes last, after every wave-0 workload.
    expect(order.indexOf('Deployment/api')).toBeLessThan(order.indexOf('Deployment/web'));
    expect(order.slice(-3)).toEqual(['Service/web', 'Deployment/web', 'Ingress/web']);
    expect(documents).toHaveLength(result.shared.length + result.workloads.reduce((sum, output) => sum + output.objects.length, 0));
    expect(renderManifestStream({ workloads: [], shared: [] })).toBe('');
  });
});

describe('held-back workloads', () => {
  it('writes a workload with an invalid object to held-back/, outside every kustomization and --stdout', async () => {
    const { runWriter } = await import('./__fixtures__/builders.js');
    const { renderManifestStream } = await import('./layouts.js');
    const { result, findings } = await runWriter([{ id: '/prod/ok' }, { id: '/prod/empty', sourceKind: 'pod', containers: [] }]);
    expect(findings.filter((finding) => finding.rule === 'kubernetes/invalid-object').map((finding) => finding.workload)).toEqual(['/prod/empty']);
    expect(result.workloads.map((output) => [output.workload, output.file]).sort()).toEqual([
      ['/prod/empty', 'held-back/prod/empty.yaml'],
      ['/prod/ok', 'manifests/prod/ok.yaml'],
    ]);
    const paths = result.files.map((file) => file.path);
    expect(paths).toContain('held-back/prod/empty.yaml');
    expect(paths).not.toContain('manifests/prod/empty.yaml');
    const kustomization = String(result.files.find((file) => file.path === 'manifests/prod/kustomization.yaml')!.content);
    expect(kustomization).toContain('ok.yaml');
    expect(kustomization).not.toContain('empty');
    expect(renderManifestStream(result)).not.toContain('name: empty');
    for (const layout of ['kustomize', 'helm']) {
      const other = await runWriter([{ id: '/prod/ok' }, { id: '/prod/empty', sourceKind: 'pod', containers: [] }], { layout });
      const held = other.result.files.filter((file) => String(file.content).includes('name: empty')).map((file) => file.path);
      expect([layout, held]).toEqual([layout, ['held-back/prod/empty.yaml']]);
    }
  });
});
