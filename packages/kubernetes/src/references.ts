// Reference integrity of a plan: every object one object refers to must exist in the plan (or be
// a declared prerequisite such as the Gateway or a Secret listed in secrets.md).
import type { PlannedObject } from '@baton/core';

export interface DanglingReference {
  /** Position of the referring object in the list given. */
  readonly index: number;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** JSON pointer of the reference in the referring object. */
  readonly pointer: string;
  /** What is missing, e.g. `Service prod/web port 80`. */
  readonly target: string;
}

export interface ReferencePrerequisites {
  /** Secrets created outside the manifests (secrets.md), as `namespace/name`. */
  readonly secrets?: Iterable<string>;
  /** The Gateway HTTPRoutes may attach to, as `namespace/name` (namespace: the route's when absent). */
  readonly gateway?: { readonly name: string; readonly namespace?: string };
}

type Json = Record<string, any>;

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
/** The kinds looked up in `keys` (by `key`): a key string per object (26,000 at 10,000 apps) was a third of the first pass. */
const KEYED_KINDS = new Set(['Gateway', 'PersistentVolume', 'PersistentVolumeClaim', 'ConfigMap']);

/** The pod template of a workload object (CronJobs through their job template). */
export function podTemplateOf(object: PlannedObject): { template: Json; pointer: string } | undefined {
  const o = object as Json;
  if (WORKLOAD_KINDS.has(object.kind) && o.spec?.template) return { template: o.spec.template, pointer: '/spec/template' };
  if (object.kind === 'CronJob' && o.spec?.jobTemplate?.spec?.template) return { template: o.spec.jobTemplate.spec.template, pointer: '/spec/jobTemplate/spec/template' };
  return undefined;
}

/**
 * Every reference of `objects` that resolves to nothing: Service selectors (a pod template with
 * those labels, and the named target ports), Ingress backends and TLS Secrets, HTTPRoute parents
 * and backends, Secret/ConfigMap/claim references of pods, StatefulSet service names,
 * PVC volume names and ingress-nginx auth Secrets.
 */
export function findDanglingReferences(objects: readonly PlannedObject[], prerequisites: ReferencePrerequisites = {}): DanglingReference[] {
  const keys = new Set<string>();
  const secrets = new Set<string>(prerequisites.secrets ?? []);
  const services = new Map<string, Json>();
  // Pod templates by namespace, label and value, so a selector looks at a few candidates, not all.
  const templates = new Map<string, Map<string, Map<string, Json[]>>>();
  const key = (kind: string, namespace: string, name: unknown) => `${kind}|${namespace}|${String(name)}`;
  for (const object of objects) {
    const namespace = object.metadata.namespace ?? '';
    if (KEYED_KINDS.has(object.kind)) keys.add(key(object.kind, namespace, object.metadata.name));
    if (object.kind === 'Secret') secrets.add(`${namespace}/${object.metadata.name}`);
    if (object.kind === 'ExternalSecret') secrets.add(`${namespace}/${(object as Json).spec?.target?.name ?? object.metadata.name}`);
    if (object.kind === 'Service') services.set(`${namespace}/${object.metadata.name}`, object as Json);
    const pod = podTemplateOf(object);
    if (pod) {
      const labels: Record<string, string> = pod.template.metadata?.labels ?? {};
      let byKey = templates.get(namespace);
      if (!byKey) templates.set(namespace, (byKey = new Map()));
      for (const key in labels) {
        let byValue = byKey.get(key);
        if (!byValue) byKey.set(key, (byValue = new Map()));
        const list = byValue.get(labels[key]!);
        if (list) list.push(pod.template);
        else byValue.set(labels[key]!, [pod.template]);
      }
    }
  }

  const dangling: DanglingReference[] = [];
  objects.forEach((object, index) => {
    const namespace = object.metadata.namespace ?? '';
    const o = object as Json;
    const missing = (pointer: string, target: string) => dangling.push({ index, kind: object.kind, namespace, name: object.metadata.name, pointer, target });
    const needSecret = (pointer: string, name: unknown) => {
      if (typeof name === 'string' && !secrets.has(`${namespace}/${name}`)) missing(pointer, `Secret ${namespace}/${name}`);
    };
    const needService = (pointer: string, name: unknown, port: { number?: number; name?: string }) => {
      const service = services.get(`${namespace}/${String(name)}`);
      if (!service) return missing(pointer, `Service ${namespace}/${String(name)}`);
      const ports: Json[] = service.spec?.ports ?? [];
      const found = ports.some((candidate) => (port.number !== undefined ? candidate.port === port.number : candidate.name === port.name));
      if (!found) missing(pointer, `port ${port.number ?? port.name} of Service ${namespace}/${String(name)}`);
    };

    if (object.kind === 'Service') {
      const selector: Record<string, string> | undefined = o.spec?.selector;
      if (selector && Object.keys(selector).length > 0) {
        let candidates: Json[] | undefined;
        const byKey = templates.get(namespace);
        for (const key in selector) {
          const list = byKey?.get(key)?.get(selector[key]!) ?? [];
          if (candidates === undefined || list.length < candidates.length) candidates = list;
        }
        const selected = (candidates ?? []).filter((template) => matches(template.metadata?.labels ?? {}, selector)).map((template) => ({ template }));
        if (selected.length === 0) missing('/spec/selector', `a pod template in ${namespace} with labels ${JSON.stringify(selector)}`);
        (o.spec?.ports ?? []).forEach((port: Json, position: number) => {
          if (typeof port.targetPort !== 'string' || selected.length === 0) return;
          const served = selected.some(({ template }) =>
            [...(template.spec?.containers ?? [])].some((container: Json) => (container.ports ?? []).some((candidate: Json) => candidate.name === port.targetPort)),
          );
          if (!served) missing(`/spec/ports/${position}/targetPort`, `a container port named ${port.targetPort} in the selected pods`);
        });
      }
    }

    if (object.kind === 'Ingress') {
      const backend = (pointer: string, value: Json | undefined) => {
        if (!value?.service) return;
        needService(`${pointer}/service`, value.service.name, value.service.port ?? {});
      };
      backend('/spec/defaultBackend', o.spec?.defaultBackend);
      (o.spec?.rules ?? []).forEach((rule: Json, r: number) =>
        (rule.http?.paths ?? []).forEach((path: Json, p: number) => backend(`/spec/rules/${r}/http/paths/${p}/backend`, path.backend)),
      );
      (o.spec?.tls ?? []).forEach((tls: Json, t: number) => needSecret(`/spec/tls/${t}/secretName`, tls.secretName));
      const authSecret = (object.metadata.annotations as Record<string, string> | undefined)?.['nginx.ingress.kubernetes.io/auth-secret'];
      if (authSecret !== undefined) needSecret('/metadata/annotations/nginx.ingress.kubernetes.io~1auth-secret', authSecret);
    }

    if (object.kind === 'HTTPRoute') {
      (o.spec?.parentRefs ?? []).forEach((parent: Json, p: number) => {
        const wanted = prerequisites.gateway;
        const parentNamespace = parent.namespace ?? namespace;
        const isGateway = (parent.kind ?? 'Gateway') === 'Gateway' && (parent.group ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io';
        const inPlan = keys.has(key('Gateway', parentNamespace, parent.name));
        const declared = wanted !== undefined && isGateway && wanted.name === parent.name && (wanted.namespace ?? namespace) === parentNamespace;
        if (!inPlan && !declared) missing(`/spec/parentRefs/${p}`, `Gateway ${parentNamespace}/${parent.name}`);
      });
      (o.spec?.rules ?? []).forEach((rule: Json, r: number) =>
        (rule.backendRefs ?? []).forEach((ref: Json, b: number) => {
          if ((ref.kind ?? 'Service') !== 'Service' || (ref.namespace ?? namespace) !== namespace) return missing(`/spec/rules/${r}/backendRefs/${b}`, `${ref.kind ?? 'Service'} ${ref.namespace}/${ref.name}`);
          needService(`/spec/rules/${r}/backendRefs/${b}`, ref.name, { number: ref.port });
        }),
      );
    }

    if (object.kind === 'StatefulSet' && typeof o.spec?.serviceName === 'string' && !services.has(`${namespace}/${o.spec.serviceName}`)) {
      missing('/spec/serviceName', `Service ${namespace}/${o.spec.serviceName}`);
    }
    if (object.kind === 'PersistentVolumeClaim' && typeof o.spec?.volumeName === 'string' && !keys.has(key('PersistentVolume', '', o.spec.volumeName))) {
      missing('/spec/volumeName', `PersistentVolume ${o.spec.volumeName}`);
    }

    const pod = podTemplateOf(object);
    if (pod) {
      const spec: Json = pod.template.spec ?? {};
      const at = `${pod.pointer}/spec`;
      (spec.imagePullSecrets ?? []).forEach((ref: Json, i: number) => needSecret(`${at}/imagePullSecrets/${i}/name`, ref.name));
      (spec.volumes ?? []).forEach((volume: Json, v: number) => {
        if (volume.secret && volume.secret.optional !== true) needSecret(`${at}/volumes/${v}/secret/secretName`, volume.secret.secretName);
        if (volume.configMap && volume.configMap.optional !== true && !keys.has(key('ConfigMap', namespace, volume.configMap.name))) {
          missing(`${at}/volumes/${v}/configMap/name`, `ConfigMap ${namespace}/${volume.configMap.name}`);
        }
        if (volume.persistentVolumeClaim && !keys.has(key('PersistentVolumeClaim', namespace, volume.persistentVolumeClaim.claimName))) {
          missing(`${at}/volumes/${v}/persistentVolumeClaim/claimName`, `PersistentVolumeClaim ${namespace}/${volume.persistentVolumeClaim.claimName}`);
        }
      });
      for (const list of ['initContainers', 'containers'] as const) {
        (spec[list] ?? []).forEach((container: Json, c: number) => {
          const base = `${at}/${list}/${c}`;
          (container.env ?? []).forEach((variable: Json, e: number) => {
            const secretRef = variable.valueFrom?.secretKeyRef;
            if (secretRef && secretRef.optional !== true) needSecret(`${base}/env/${e}/valueFrom/secretKeyRef/name`, secretRef.name);
            const configRef = variable.valueFrom?.configMapKeyRef;
            if (configRef && configRef.optional !== true && !keys.has(key('ConfigMap', namespace, configRef.name))) {
              missing(`${base}/env/${e}/valueFrom/configMapKeyRef/name`, `ConfigMap ${namespace}/${configRef.name}`);
            }
          });
          (container.envFrom ?? []).forEach((source: Json, e: number) => {
            if (source.secretRef && source.secretRef.optional !== true) needSecret(`${base}/envFrom/${e}/secretRef/name`, source.secretRef.name);
            if (source.configMapRef && source.configMapRef.optional !== true && !keys.has(key('ConfigMap', namespace, source.configMapRef.name))) {
              missing(`${base}/envFrom/${e}/configMapRef/name`, `ConfigMap ${namespace}/${source.configMapRef.name}`);
            }
          });
        });
      }
    }
  });
  return dangling;
}

function matches(labels: Record<string, string>, selector: Record<string, string>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}
