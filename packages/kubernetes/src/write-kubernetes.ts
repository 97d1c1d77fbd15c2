import type { EmittedFile, MigrationModel, PlannedObject, PluginContext, WorkloadOutput, WriteResult, Writer } from '@baton/core';
import { PLUGIN_API_VERSION } from '@baton/core';
import { assignNames } from './assign-names.js';
import { buildWorkload, type BuiltWorkload } from './build-workload.js';
import { kubernetesMinor, reporterFor, type MapContext } from './context.js';
import { DNS_REWRITES_JSON, DNS_REWRITES_MD, renderDnsRewritesJson, renderDnsRewritesMarkdown, rewriteServiceDiscovery } from './dns-rewrites.js';
import type { K8sObject } from './k8s-types.js';
import { emitLayout, heldBackFile, lazyFile, workloadFile } from './layouts.js';
import { GATEWAY_API } from './map-exposure.js';
import { planVips } from './map-vips.js';
import { ANNOTATION } from './metadata.js';
import { buildNamespace, SYSTEM_NAMESPACES } from './namespaces.js';
import { resolveOptions, type KubernetesWriterOptions, type ResolvedOptions } from './options.js';
import { checkPlan } from './plan-checks.js';
import { EXTERNAL_SECRET_API, renderSecretsChecklist, type SecretChecklistEntry } from './secrets.js';
import { computeWaves } from './waves.js';

export { MANIFESTS_DIR } from './layouts.js';

/** The `kubernetes` writer: model → manifests (plain files, Kustomize or Helm), secrets checklist, DNS rewrite table. */
export function kubernetesWriter(factoryOptions: KubernetesWriterOptions = {}): Writer<any> {
  return {
    apiVersion: PLUGIN_API_VERSION,
    target: 'kubernetes',
    description: 'Kubernetes manifests (Deployments, StatefulSets, Services, Ingresses or HTTPRoutes, Secrets skeletons, PVCs) as files, Kustomize or a Helm chart',
    write: async (model, ctx) => writeKubernetes(model, ctx, factoryOptions),
  };
}

export async function writeKubernetes(model: MigrationModel, ctx: PluginContext<any>, factoryOptions: KubernetesWriterOptions = {}): Promise<WriteResult> {
  const resolved = resolveOptions(factoryOptions as Record<string, unknown>, ctx.options as Record<string, unknown> | undefined);
  if (resolved.problems.length > 0) ctx.fail('BATON4001', { plugin: '@baton/kubernetes', reason: `invalid options: ${resolved.problems.join('; ')}` });
  const options = routeMode(ctx, resolved.options);
  const minor = kubernetesMinor(ctx.target);
  const secretsVia = secretsMode(ctx, options);

  const names = assignNames(model.workloads, options, (workload) => reporterFor(ctx, workload));
  const wavePlan = computeWaves(model.workloads);
  reportWaves(ctx, wavePlan);

  const built: { workload: (typeof model.workloads)[number]; built: BuiltWorkload; report: ReturnType<typeof reporterFor> }[] = [];
  const checklist: SecretChecklistEntry[] = [];
  const namespaces = new Map<string, string>();
  model.workloads.forEach((workload, position) => {
    if (position % 256 === 0) ctx.signal.throwIfAborted();
    const named = names.get(workload.id)!;
    const report = reporterFor(ctx, workload.id);
    const mapContext: MapContext = { workload, names: named, options, target: ctx.target, minor, report };
    const result = buildWorkload(mapContext, secretsVia);
    checklist.push(...result.checklist);
    if (!namespaces.has(named.namespace)) namespaces.set(named.namespace, named.namespaceGroup);
    built.push({ workload, built: result, report });
  });

  // Estate-wide passes: VIPs (shared by workloads), then the service-discovery rewrite table.
  const estate = built.map(({ workload, built: result, report }) => ({ workload, names: names.get(workload.id)!, built: result, report }));
  const vips = planVips(estate);
  const dns = rewriteServiceDiscovery(estate, vips.services, options.clusterDomain);

  const outputs: WorkloadOutput[] = estate.map(({ workload, names: named, built: result }) => {
    const wave = wavePlan.waves.get(workload.id) ?? 0;
    // in place: every object's annotations are its own (objectMetadata), and a copy each was 26,000 objects at 10,000 apps
    const value = String(wave);
    for (const object of result.objects) (object.metadata.annotations ??= {})[ANNOTATION.applyWave] = value;
    return {
      workload: workload.id,
      namespace: named.namespace,
      name: named.name,
      objects: result.objects as PlannedObject[],
      file: workloadFile(options.layout, named.namespace, named.name),
      wave,
    };
  });
  reportDuplicateObjects(ctx, outputs);

  const groupLabels = new Map(model.groups.map((group) => [group.id, group.labels]));
  for (const service of vips.shared) {
    const namespace = service.metadata.namespace!;
    if (!namespaces.has(namespace)) namespaces.set(namespace, '/');
  }
  const namespaceObjects: K8sObject[] = [...namespaces]
    .filter(([name]) => !SYSTEM_NAMESPACES.has(name))
    .sort(([a], [b]) => compare(a, b))
    .map(([name, group]) => buildNamespace(name, group, ctx.target, groupLabels.get(group)));
  const shared = [...namespaceObjects, ...vips.shared] as PlannedObject[];

  const started = performance.now();
  const checked = checkPlan(
    [
      { id: '*', objects: shared, report: reporterFor(ctx, '*') },
      ...estate.map(({ workload, built: result, report }) => ({ id: workload.id, workload, objects: result.objects as PlannedObject[], report })),
    ],
    ctx.target.kubernetesVersion,
    { secrets: checklist.map((entry) => `${entry.namespace}/${entry.secret}`), ...(options.gateway ? { gateway: options.gateway } : {}) },
    reporterFor(ctx, '*'),
  );
  ctx.logger.debug(
    `validated ${outputs.reduce((sum, output) => sum + output.objects.length, shared.length)} objects for ${checked.validatedFor} in ${Math.round(performance.now() - started)} ms: ${checked.invalid} problems, ${checked.dangling} dangling references`,
  );

  // a workload with an invalid object is written apart, so the rest still applies (kubernetes/invalid-object)
  const placed = checked.invalidOwners.size === 0 ? outputs : outputs.map((output) => (checked.invalidOwners.has(output.workload) ? { ...output, file: heldBackFile(output.namespace, output.name) } : output));
  const files: EmittedFile[] = emitLayout({ layout: options.layout, outputs: placed, shared, chartName: options.chartName });
  // Rendered when written, as the manifests: the table's entries take a third of its two texts' memory
  // (dns-rewrites.md is 8 MB on disk, 15 MB as a two-byte string; dns-rewrites.json 10 MB at 10,000 apps).
  if (checklist.length > 0) files.push(lazyFile('secrets.md', () => renderSecretsChecklist(checklist)));
  if (dns.entries.length > 0) {
    files.push(lazyFile(DNS_REWRITES_MD, () => renderDnsRewritesMarkdown(dns)));
    files.push(lazyFile(DNS_REWRITES_JSON, () => renderDnsRewritesJson(dns)));
  }
  files.sort((a, b) => compare(a.path, b.path));
  ctx.logger.debug(`wrote ${outputs.length} workloads in ${namespaces.size} namespaces, ${files.length} files`);
  return { workloads: placed, shared, files };
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

/** `ingress: gateway` falls back to Ingresses when the target is known not to serve HTTPRoute. */
function routeMode(ctx: PluginContext<any>, options: ResolvedOptions): ResolvedOptions {
  if (options.ingress !== 'gateway') return options;
  const served = ctx.target.servedApis;
  if (served && !served.includes(`${GATEWAY_API}/HTTPRoute`)) {
    reporterFor(ctx, '*')('kubernetes/api-not-served', 'httpRoute');
    return { ...options, ingress: 'ingress' };
  }
  return options;
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
