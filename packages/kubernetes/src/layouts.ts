// Output layouts: plain YAML per workload with kustomizations (`files`), a Kustomize base with one
// overlay per namespace (`kustomize`), a Helm chart (`helm`), and the one-stream rendering for
// `--stdout`. Everything is sorted; the same plan always gives the same bytes.
import type { EmittedFile, PlannedObject, WorkloadOutput, WriteResult } from '@baton/core';
import { renderHelmChart } from './helm-chart.js';
import type { K8sObject } from './k8s-types.js';
import { renderManifest } from './render-manifest.js';

export type Layout = 'files' | 'kustomize' | 'helm';

export const MANIFESTS_DIR = 'manifests';
/** Manifests of workloads with an invalid object: written for a human, outside every apply set. */
export const HELD_BACK_DIR = 'held-back';
export const CHART_DIR = 'chart';
/** File of a namespace's shared objects (VIP Services of several workloads): the dot keeps it apart from `<workload>.yaml`. */
export const SHARED_FILE = 'shared.objects.yaml';
const KUSTOMIZATION = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' } as const;
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet']);

/** Where a workload with an invalid object is written instead of its layout path. */
export function heldBackFile(namespace: string, name: string): string {
  return `${HELD_BACK_DIR}/${namespace}/${manifestFileName(name)}`;
}

export const isHeldBack = (output: Pick<WorkloadOutput, 'file'>): boolean => output.file.startsWith(`${HELD_BACK_DIR}/`);

/** A workload's manifest file name in its namespace directory. */
function manifestFileName(name: string): string {
  // a workload named `kustomization` (e.g. `/prod/kustomization`) must not take the namespace's
  // kustomization.yaml: one would overwrite the other. The dot keeps it apart, as for SHARED_FILE.
  return name === 'kustomization' ? `${name}.workload.yaml` : `${name}.yaml`;
}

/** Path of a workload's manifest in a layout. */
export function workloadFile(layout: Layout, namespace: string, name: string): string {
  const file = manifestFileName(name);
  if (layout === 'kustomize') return `${MANIFESTS_DIR}/base/${namespace}/${file}`;
  if (layout === 'helm') return `${CHART_DIR}/templates/${namespace}/${file}`;
  return `${MANIFESTS_DIR}/${namespace}/${file}`;
}

export interface LayoutInput {
  readonly layout: Layout;
  readonly outputs: readonly WorkloadOutput[];
  readonly shared: readonly PlannedObject[];
  readonly chartName: string;
}

/** The manifest files of a layout (secrets.md and the DNS rewrite table are added by the writer). */
export function emitLayout(all: LayoutInput): EmittedFile[] {
  // held-back workloads stay out of kustomizations and charts: one invalid object fails a whole `apply -k`
  const heldBack = all.outputs.filter(isHeldBack);
  const input = heldBack.length === 0 ? all : { ...all, outputs: all.outputs.filter((output) => !isHeldBack(output)) };
  const held: EmittedFile[] = heldBack.map((output) => manifestFile(output.file, output.objects));
  return [...held, ...emitApplySet(input)];
}

function emitApplySet(input: LayoutInput): EmittedFile[] {
  const namespaces = input.shared.filter((object) => object.kind === 'Namespace');
  const sharedByNamespace = new Map<string, PlannedObject[]>();
  for (const object of input.shared) {
    if (object.kind === 'Namespace') continue;
    const namespace = object.metadata.namespace ?? '';
    const list = sharedByNamespace.get(namespace);
    if (list) list.push(object);
    else sharedByNamespace.set(namespace, [object]);
  }
  if (input.layout === 'helm') return renderHelmChart({ ...input, namespaces, sharedByNamespace });
  return input.layout === 'kustomize' ? kustomizeLayout(input, namespaces, sharedByNamespace) : filesLayout(input, namespaces, sharedByNamespace);
}

/**
 * A file whose YAML is rendered when its content is read: `writePlanDirectory` reads it once, writes
 * it and drops it. Rendered here, every manifest's text (~55 MB at 10,000 apps) lived from the
 * write stage to the end of the run, copied by the garbage collector on the way. The objects are
 * final when the writer returns (plan checks, DNS rewrites and waves are done), so every read
 * gives the same text.
 */
export function lazyFile(path: string, render: () => string): EmittedFile {
  return {
    path,
    get content() {
      return render();
    },
  };
}

function manifestFile(path: string, objects: readonly unknown[]): EmittedFile {
  return lazyFile(path, () => renderManifest(objects));
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Files per namespace directory (workload files and the shared file), sorted. */
function namespaceFiles(outputs: readonly WorkloadOutput[], sharedByNamespace: ReadonlyMap<string, readonly PlannedObject[]>, dirOf: (namespace: string) => string): { files: EmittedFile[]; resources: Map<string, string[]> } {
  const files: EmittedFile[] = [];
  const resources = new Map<string, string[]>();
  // one list per namespace, appended to: copying it per file was quadratic (11,000 files in one namespace)
  const add = (namespace: string, file: string) => {
    const list = resources.get(namespace);
    if (list) list.push(fileName(file));
    else resources.set(namespace, [fileName(file)]);
  };
  for (const output of outputs) {
    files.push(manifestFile(output.file, output.objects));
    add(output.namespace, output.file);
  }
  for (const [namespace, objects] of sharedByNamespace) {
    const path = `${dirOf(namespace)}/${SHARED_FILE}`;
    files.push(manifestFile(path, sortObjects(objects)));
    add(namespace, path);
  }
  return { files, resources };
}

/** `manifests/<namespace>/<name>.yaml`, a kustomization per namespace and at the root: `kubectl apply -k manifests`. */
function filesLayout(input: LayoutInput, namespaces: readonly PlannedObject[], sharedByNamespace: ReadonlyMap<string, readonly PlannedObject[]>): EmittedFile[] {
  const { files, resources } = namespaceFiles(input.outputs, sharedByNamespace, (namespace) => `${MANIFESTS_DIR}/${namespace}`);
  for (const [namespace, list] of resources) {
    files.push({ path: `${MANIFESTS_DIR}/${namespace}/kustomization.yaml`, content: renderManifest([{ ...KUSTOMIZATION, resources: [...list].sort() }]) });
  }
  const rootResources: string[] = [];
  if (namespaces.length > 0) {
    files.push({ path: `${MANIFESTS_DIR}/namespaces.yaml`, content: renderManifest(namespaces) });
    rootResources.push('namespaces.yaml');
  }
  rootResources.push(...[...resources.keys()].sort());
  if (rootResources.length > 0) files.push({ path: `${MANIFESTS_DIR}/kustomization.yaml`, content: renderManifest([{ ...KUSTOMIZATION, resources: rootResources }]) });
  return files;
}

/**
 * `manifests/base/<namespace>/` holds the manifests and their kustomization;
 * `manifests/overlays/<namespace>/kustomization.yaml` builds on it with the namespace's replicas
 * and image tags as knobs to change per environment; `manifests/kustomization.yaml` applies the
 * Namespaces and every overlay.
 */
function kustomizeLayout(input: LayoutInput, namespaces: readonly PlannedObject[], sharedByNamespace: ReadonlyMap<string, readonly PlannedObject[]>): EmittedFile[] {
  const { files, resources } = namespaceFiles(input.outputs, sharedByNamespace, (namespace) => `${MANIFESTS_DIR}/base/${namespace}`);
  // outputs by namespace, once (filtering every output per namespace was namespaces × workloads)
  const outputsByNamespace = new Map<string, WorkloadOutput[]>();
  for (const output of input.outputs) {
    const list = outputsByNamespace.get(output.namespace);
    if (list) list.push(output);
    else outputsByNamespace.set(output.namespace, [output]);
  }
  for (const [namespace, list] of resources) {
    files.push({ path: `${MANIFESTS_DIR}/base/${namespace}/kustomization.yaml`, content: renderManifest([{ ...KUSTOMIZATION, resources: [...list].sort() }]) });
    const outputs = outputsByNamespace.get(namespace) ?? [];
    const overlay: Record<string, unknown> = { ...KUSTOMIZATION, resources: [`../../base/${namespace}`] };
    const replicas = outputs
      .flatMap((output) => output.objects.filter((object) => WORKLOAD_KINDS.has(object.kind)))
      .map((object) => ({ name: object.metadata.name, count: (object as unknown as { spec: { replicas: number } }).spec.replicas }))
      .sort((a, b) => compare(a.name, b.name));
    if (replicas.length > 0) overlay.replicas = replicas;
    const images = imageKnobs(outputs);
    if (images.length > 0) overlay.images = images;
    files.push({ path: `${MANIFESTS_DIR}/overlays/${namespace}/kustomization.yaml`, content: renderManifest([overlay]) });
  }
  const rootResources: string[] = [];
  if (namespaces.length > 0) {
    files.push({ path: `${MANIFESTS_DIR}/base/namespaces.yaml`, content: renderManifest(namespaces) });
    rootResources.push('base/namespaces.yaml');
  }
  rootResources.push(...[...resources.keys()].sort().map((namespace) => `overlays/${namespace}`));
  if (rootResources.length > 0) files.push({ path: `${MANIFESTS_DIR}/kustomization.yaml`, content: renderManifest([{ ...KUSTOMIZATION, resources: rootResources }]) });
  return files;
}

/** `images` entries of an overlay: one per image name used with a single tag (or digest) in the namespace. */
function imageKnobs(outputs: readonly WorkloadOutput[]): Record<string, string>[] {
  const byName = new Map<string, Set<string>>();
  for (const output of outputs) {
    for (const object of output.objects) {
      const spec = podSpecOf(object);
      for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
        const parsed = splitImage(container.image);
        if (!parsed) continue;
        const set = byName.get(parsed.name) ?? new Set<string>();
        set.add(parsed.reference);
        byName.set(parsed.name, set);
      }
    }
  }
  const knobs: Record<string, string>[] = [];
  for (const name of [...byName.keys()].sort()) {
    const references = [...byName.get(name)!];
    if (references.length !== 1) continue;
    const reference = references[0]!;
    knobs.push(reference.startsWith('@') ? { name, digest: reference.slice(1) } : { name, newTag: reference.slice(1) });
  }
  return knobs;
}

/** `registry:5000/team/app:1.2` → name `registry:5000/team/app`, reference `:1.2`; `app@sha256:…` → `@sha256:…`. Untagged images have no knob. */
export function splitImage(image: string): { name: string; reference: string } | undefined {
  const at = image.indexOf('@');
  if (at > 0) return { name: image.slice(0, at), reference: image.slice(at) };
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash && colon > 0) return { name: image.slice(0, colon), reference: image.slice(colon) };
  return undefined;
}

interface PodSpecLike {
  initContainers?: { name: string; image: string }[];
  containers?: { name: string; image: string }[];
}

export function podSpecOf(object: PlannedObject): PodSpecLike | undefined {
  const o = object as { kind: string; spec?: { template?: { spec?: PodSpecLike }; jobTemplate?: { spec?: { template?: { spec?: PodSpecLike } } } } };
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

function sortObjects(objects: readonly PlannedObject[]): PlannedObject[] {
  return [...objects].sort((a, b) => compare(a.kind, b.kind) || compare(a.metadata.name, b.metadata.name));
}

/**
 * The whole plan as one multi-document YAML stream in apply order (for `--stdout`): Namespaces,
 * shared objects, then the workloads by wave, namespace and name, each in its own object order.
 * Held-back workloads (an invalid object) are left out, as from the kustomizations.
 */
export function renderManifestStream(output: Pick<WriteResult, 'workloads' | 'shared'>): string {
  const namespaces = output.shared.filter((object) => object.kind === 'Namespace');
  const shared = sortObjects(output.shared.filter((object) => object.kind !== 'Namespace')).sort((a, b) => compare(a.metadata.namespace ?? '', b.metadata.namespace ?? ''));
  const workloads = output.workloads.filter((workload) => !isHeldBack(workload)).sort((a, b) => a.wave - b.wave || compare(a.namespace, b.namespace) || compare(a.name, b.name) || compare(a.workload, b.workload));
  const objects: K8sObject[] = [...namespaces, ...shared, ...workloads.flatMap((workload) => workload.objects)] as K8sObject[];
  return objects.length > 0 ? renderManifest(objects) : '';
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
