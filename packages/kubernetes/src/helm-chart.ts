// The `helm` layout: a chart whose values.yaml holds, per workload, what people change between
// environments (images, replicas, resources, hosts); the templates are the planned manifests with
// `{{ index .Values.workloads "<namespace>/<name>" … }}` for those fields and literal text for the rest.
import type { EmittedFile, PlannedObject, WorkloadOutput } from '@baton/core';
import { renderManifest } from './render-manifest.js';

export interface HelmInput {
  readonly outputs: readonly WorkloadOutput[];
  readonly namespaces: readonly PlannedObject[];
  readonly sharedByNamespace: ReadonlyMap<string, readonly PlannedObject[]>;
  readonly chartName: string;
}

export const CHART_VERSION = '0.1.0';

/** Values of one workload: the knobs of its templates. */
export interface WorkloadValues {
  replicas?: number;
  containers?: Record<string, { image: string; resources?: unknown }>;
  hosts?: string[];
}

type Json = Record<string, any>;

const PLACEHOLDER = /"?__BATON_HELM_(\d+)__"?/g;

export function renderHelmChart(input: HelmInput): EmittedFile[] {
  const files: EmittedFile[] = [];
  const values: Record<string, WorkloadValues> = {};
  for (const output of [...input.outputs].sort((a, b) => compare(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`))) {
    const key = `${output.namespace}/${output.name}`;
    const { text, values: workloadValues } = templateFor(key, output.objects);
    if (Object.keys(workloadValues).length > 0) values[key] = workloadValues;
    files.push({ path: output.file, content: text });
  }
  if (input.namespaces.length > 0) files.push({ path: 'chart/templates/namespaces.yaml', content: escapeTemplate(renderManifest(input.namespaces)) });
  for (const namespace of [...input.sharedByNamespace.keys()].sort()) {
    const objects = [...input.sharedByNamespace.get(namespace)!].sort((a, b) => compare(a.kind, b.kind) || compare(a.metadata.name, b.metadata.name));
    files.push({ path: `chart/templates/${namespace}/shared.objects.yaml`, content: escapeTemplate(renderManifest(objects)) });
  }
  files.push({
    path: 'chart/Chart.yaml',
    content: renderManifest([
      { apiVersion: 'v2', name: input.chartName, description: 'Kubernetes manifests migrated from Marathon by Baton', type: 'application', version: CHART_VERSION },
    ]),
  });
  files.push({
    path: 'chart/values.yaml',
    content: `# Per workload ("<namespace>/<name>"): replicas, container images and resources, and the hosts of its Ingresses or routes.\n${renderManifest([{ workloads: values }])}`,
  });
  return files;
}

/** `{{` in literal text would start a template action: written as `{{ "{{" }}`. */
export function escapeTemplate(text: string): string {
  return text.includes('{{') ? text.replace(/\{\{/g, '{{ "{{" }}') : text;
}

interface Substitution {
  readonly expression: string;
  /** A mapping rendered with `toYaml | nindent`, rather than a scalar. */
  readonly block: boolean;
}

/** The template text of one workload's objects and the values it reads. */
function templateFor(key: string, objects: readonly PlannedObject[]): { text: string; values: WorkloadValues } {
  const values: WorkloadValues = {};
  const substitutions: Substitution[] = [];
  const root = `index .Values.workloads ${JSON.stringify(key)}`;
  const placeholder = (expression: string, block = false) => {
    substitutions.push({ expression, block });
    return `__BATON_HELM_${substitutions.length - 1}__`;
  };
  const hostIndex = (host: string) => {
    values.hosts ??= [];
    let index = values.hosts.indexOf(host);
    if (index === -1) index = values.hosts.push(host) - 1;
    return placeholder(`${root} "hosts" ${index} | quote`);
  };

  const copies = objects.map((object) => structuredClone(object) as Json);
  for (const object of copies) {
    if ((object.kind === 'Deployment' || object.kind === 'StatefulSet') && typeof object.spec?.replicas === 'number') {
      values.replicas = object.spec.replicas;
      object.spec.replicas = placeholder(`${root} "replicas"`);
    }
    const spec: Json | undefined = object.kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template?.spec : object.spec?.template?.spec;
    if (spec && ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(object.kind)) {
      for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as Json[]) {
        values.containers ??= {};
        const entry: { image: string; resources?: unknown } = { image: container.image };
        const path = `${root} "containers" ${JSON.stringify(container.name)}`;
        container.image = placeholder(`${path} "image" | quote`);
        if (container.resources !== undefined) {
          entry.resources = container.resources;
          container.resources = placeholder(`${path} "resources" | toYaml`, true);
        }
        values.containers[container.name] = entry;
      }
    }
    if (object.kind === 'Ingress') {
      for (const rule of object.spec?.rules ?? []) if (typeof rule.host === 'string') rule.host = hostIndex(rule.host);
      for (const tls of object.spec?.tls ?? []) if (Array.isArray(tls.hosts)) tls.hosts = tls.hosts.map(hostIndex);
    }
    if (object.kind === 'HTTPRoute' && Array.isArray(object.spec?.hostnames)) object.spec.hostnames = object.spec.hostnames.map(hostIndex);
  }

  const text = escapeTemplate(renderManifest(copies))
    .split('\n')
    .map((line) => {
      if (!line.includes('__BATON_HELM_')) return line;
      return line.replace(PLACEHOLDER, (_match, id: string, offset: number) => {
        const substitution = substitutions[Number(id)]!;
        if (!substitution.block) return `{{ ${substitution.expression} }}`;
        // `key: {{- … | toYaml | nindent N }}`: the mapping goes on the next lines, two deeper than the key.
        const before = line.slice(0, offset);
        const keyColumn = before.search(/[^\s-]/);
        return `{{- ${substitution.expression} | nindent ${keyColumn + 2} }}`;
      });
    })
    .join('\n');
  return { text, values };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
