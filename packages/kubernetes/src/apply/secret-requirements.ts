import { podTemplateOf, type KubeObject, type ObjectRef, refOf } from './kube-object.js';

type Obj = Record<string, any>;

/** A Secret some object needs, and the keys it reads from it. */
export interface SecretRequirement {
  readonly namespace: string;
  readonly secret: string;
  /** Keys read explicitly (secretKeyRef, volume items); empty when the whole Secret is used. */
  readonly keys: readonly string[];
  /** Every reference is `optional: true`: the pod starts without it. */
  readonly optional: boolean;
  /** The first object that needs it. */
  readonly usedBy: ObjectRef;
}

/**
 * The Secrets `objects` reference (env, envFrom, volumes, projected volumes, image pull secrets, Ingress
 * TLS) plus the Secret objects of the plan itself, which apply never writes: they carry no values.
 */
export function secretRequirements(objects: readonly KubeObject[]): SecretRequirement[] {
  const found = new Map<string, { namespace: string; secret: string; keys: Set<string>; optional: boolean; usedBy: ObjectRef }>();
  const need = (object: KubeObject, secret: unknown, keys: readonly string[], optional: boolean) => {
    if (typeof secret !== 'string' || !secret) return;
    const namespace = object.metadata.namespace ?? '';
    const id = `${namespace}/${secret}`;
    const entry = found.get(id) ?? { namespace, secret, keys: new Set<string>(), optional: true, usedBy: refOf(object) };
    for (const key of keys) entry.keys.add(key);
    entry.optional &&= optional;
    found.set(id, entry);
  };
  for (const object of objects) {
    if (object.kind === 'Secret') need(object, object.metadata.name, [], false);
    if (object.kind === 'Ingress') for (const tls of ((object.spec as Obj)?.tls ?? []) as Obj[]) need(object, tls.secretName, [], false);
    const spec = podTemplateOf(object)?.spec;
    if (!spec) continue;
    for (const pull of (spec.imagePullSecrets ?? []) as Obj[]) need(object, pull.name, [], false);
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as Obj[]) {
      for (const env of (container.env ?? []) as Obj[]) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref) need(object, ref.name, ref.key ? [ref.key] : [], ref.optional === true);
      }
      for (const from of (container.envFrom ?? []) as Obj[]) if (from.secretRef) need(object, from.secretRef.name, [], from.secretRef.optional === true);
    }
    for (const volume of (spec.volumes ?? []) as Obj[]) {
      if (volume.secret) need(object, volume.secret.secretName, ((volume.secret.items ?? []) as Obj[]).map((i) => i.key), volume.secret.optional === true);
      for (const source of (volume.projected?.sources ?? []) as Obj[]) {
        if (source.secret) need(object, source.secret.name, ((source.secret.items ?? []) as Obj[]).map((i) => i.key), source.secret.optional === true);
      }
    }
  }
  return [...found.values()]
    .map((entry) => ({ ...entry, keys: [...entry.keys].sort() }))
    .sort((a, b) => (a.namespace + '/' + a.secret < b.namespace + '/' + b.secret ? -1 : 1));
}

/** `namespace/name` of the Secrets the plan's ExternalSecrets make (spec.target.name, default the ExternalSecret's name). */
export function externalSecretTargets(objects: Iterable<KubeObject>): Set<string> {
  const out = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'ExternalSecret') continue;
    const target = ((object.spec as Obj)?.target?.name as string | undefined) ?? object.metadata.name;
    out.add(`${object.metadata.namespace ?? ''}/${target}`);
  }
  return out;
}
