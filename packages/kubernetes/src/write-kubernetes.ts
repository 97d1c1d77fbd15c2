import type { EmittedFile, MigrationModel, PlannedObject, PluginContext, WorkloadOutput, WriteResult, Writer } from '@baton/core';
import { PLUGIN_API_VERSION } from '@baton/core';
import { assignNames } from './assign-names.js';
import { buildWorkload } from './build-workload.js';
import { kubernetesMinor, reporterFor, type MapContext } from './context.js';
import type { K8sObject } from './k8s-types.js';
import { buildNamespace, SYSTEM_NAMESPACES } from './namespaces.js';
import { resolveOptions, type KubernetesWriterOptions, type ResolvedOptions } from './options.js';
import { renderManifest } from './render-manifest.js';
import { EXTERNAL_SECRET_API, renderSecretsChecklist, type SecretChecklistEntry } from './secrets.js';
import { computeWaves } from './waves.js';

export const MANIFESTS_DIR = 'manifests';
const KUSTOMIZATION = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' } as const;

/** The `kubernetes` writer: model → manifests, one file per workload, kustomizations, secrets checklist. */
export function kubernetesWriter(factoryOptions: KubernetesWriterOptions = {}): Writer<any> {
  return {
    apiVersion: PLUGIN_API_VERSION,
    target: 'kubernetes',
    description: 'Kubernetes manifests (Deployments, StatefulSets, Services, Secrets skeletons, PVCs) with kustomizations',
    write: async (model, ctx) => writeKubernetes(model, ctx, factoryOptions),
  };
}

export async function writeKubernetes(model: MigrationModel, ctx: PluginContext<any>, factoryOptions: KubernetesWriterOptions = {}): Promise<WriteResult> {
  const { options, problems } = resolveOptions(factoryOptions as Record<string, unknown>, ctx.options as Record<string, unknown> | undefined);
  if (problems.length > 0) ctx.fail('BATON4001', { plugin: '@baton/kubernetes', reason: `invalid options: ${problems.join('; ')}` });
  const minor = kubernetesMinor(ctx.target);
  const secretsVia = secretsMode(ctx, options);

  const names = assignNames(model.workloads, options, (workload) => reporterFor(ctx, workload));
  const wavePlan = computeWaves(model.workloads);
  reportWaves(ctx, wavePlan);

  const outputs: WorkloadOutput[] = [];
  const checklist: SecretChecklistEntry[] = [];
  const namespaces = new Map<string, string>();
  model.workloads.forEach((workload, position) => {
    if (position % 256 === 0) ctx.signal.throwIfAborted();
    const named = names.get(workload.id)!;
    const mapContext: MapContext = { workload, names: named, options, target: ctx.target, minor, report: reporterFor(ctx, workload.id) };
    const built = buildWorkload(mapContext, secretsVia);
    checklist.push(...built.checklist);
    if (!namespaces.has(named.namespace)) namespaces.set(named.namespace, named.namespaceGroup);
    outputs.push({
      workload: workload.id,
      namespace: named.namespace,
      name: named.name,
      objects: built.objects as PlannedObject[],
      file: `${MANIFESTS_DIR}/${named.namespace}/${named.name}.yaml`,
      wave: wavePlan.waves.get(workload.id) ?? 0,
    });
  });
  reportDuplicateObjects(ctx, outputs);

  const groupLabels = new Map(model.groups.map((group) => [group.id, group.labels]));
  const shared: K8sObject[] = [...namespaces]
    .filter(([name]) => !SYSTEM_NAMESPACES.has(name))
    .sort(([a], [b]) => compare(a, b))
    .map(([name, group]) => buildNamespace(name, group, ctx.target, groupLabels.get(group)));
  const files = emitFiles(outputs, shared, checklist);
  ctx.logger.debug(`wrote ${outputs.length} workloads in ${namespaces.size} namespaces, ${files.length} files`);
  return { workloads: outputs, shared: shared as PlannedObject[], files };
}

/** `external-secrets` falls back to skeletons when the target is known not to serve ExternalSecret. */
function secretsMode(ctx: PluginContext<any>, options: ResolvedOptions): 'skeleton' | 'external-secrets' {
  if (options.secrets !== 'external-secrets') return 'skeleton';
  const served = ctx.target.servedApis;
  if (served && !served.includes(`${EXTERNAL_SECRET_API}/ExternalSecret`)) {
    reporterFor(ctx, '*')('kubernetes/api-not-served', 'externalSecret');
    return 'skeleton';
  }
  return 'external-secrets';
}

function reportWaves(ctx: PluginContext<any>, plan: ReturnType<typeof computeWaves>): void {
  for (const cycle of plan.cycles) {
    for (const id of cycle) {
      const others = cycle.filter((other) => other !== id).map((other) => `\`${other}\``).join(', ');
      reporterFor(ctx, id)('kubernetes/dependency-cycle', 'cycle', { data: { id, others, wave: plan.waves.get(id) ?? 0 } });
    }
  }
  for (const [id, dependencies] of [...plan.unknown].sort(([a], [b]) => compare(a, b))) {
    for (const dependency of dependencies) reporterFor(ctx, id)('kubernetes/dependency-unknown', 'unknown', { data: { id, dependency } });
  }
}

function reportDuplicateObjects(ctx: PluginContext<any>, outputs: readonly WorkloadOutput[]): void {
  const owners = new Map<string, string>();
  for (const output of outputs) {
    for (const object of output.objects) {
      const key = `${object.apiVersion}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, output.workload);
      else if (owner !== output.workload) {
        reporterFor(ctx, output.workload)('kubernetes/name-collision', 'object', {
          data: { kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name, id: output.workload, other: owner },
        });
      }
    }
  }
}

/**
 * One manifest per workload under `manifests/<namespace>/`, a kustomization per namespace listing
 * its files, `manifests/namespaces.yaml`, and a root kustomization, so that
 * `kubectl apply -k <out>/manifests` applies everything. `secrets.md` lists the Secrets to fill.
 */
function emitFiles(outputs: readonly WorkloadOutput[], namespaces: readonly K8sObject[], checklist: readonly SecretChecklistEntry[]): EmittedFile[] {
  const files: EmittedFile[] = [];
  const byNamespace = new Map<string, string[]>();
  for (const output of outputs) {
    files.push({ path: output.file, content: renderManifest(output.objects) });
    byNamespace.set(output.namespace, [...(byNamespace.get(output.namespace) ?? []), output.file.slice(output.file.lastIndexOf('/') + 1)]);
  }
  for (const [namespace, resources] of byNamespace) {
    files.push({ path: `${MANIFESTS_DIR}/${namespace}/kustomization.yaml`, content: renderManifest([{ ...KUSTOMIZATION, resources: [...resources].sort() }]) });
  }
  const rootResources: string[] = [];
  if (namespaces.length > 0) {
    files.push({ path: `${MANIFESTS_DIR}/namespaces.yaml`, content: renderManifest(namespaces) });
    rootResources.push('namespaces.yaml');
  }
  rootResources.push(...[...byNamespace.keys()].sort());
  if (outputs.length > 0 || namespaces.length > 0) {
    files.push({ path: `${MANIFESTS_DIR}/kustomization.yaml`, content: renderManifest([{ ...KUSTOMIZATION, resources: rootResources }]) });
  }
  if (checklist.length > 0) files.push({ path: 'secrets.md', content: renderSecretsChecklist(checklist) });
  return files.sort((a, b) => compare(a.path, b.path));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
