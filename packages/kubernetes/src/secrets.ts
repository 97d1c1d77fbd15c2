import type { MapContext } from './context.js';
import type { K8sObject } from './k8s-types.js';
import { ANNOTATION, objectMetadata } from './metadata.js';
import { childName, sanitizeDnsLabel, shortHash } from './names.js';

export const EXTERNAL_SECRET_API = 'external-secrets.io/v1';
const DOCKER_CONFIG_TYPE = 'kubernetes.io/dockerconfigjson';
const TLS_TYPE = 'kubernetes.io/tls';

export interface SecretRef {
  readonly secretName: string;
  readonly key: string;
}

export interface SecretChecklistEntry {
  readonly namespace: string;
  readonly secret: string;
  readonly key: string;
  readonly type: 'Opaque' | typeof DOCKER_CONFIG_TYPE | typeof TLS_TYPE;
  /** Path in the source secret store (or where else the value lives: a label, a certificate file on the load balancers). */
  readonly source: string;
  readonly workload: string;
  readonly usage: readonly string[];
  readonly via: 'skeleton' | 'external-secrets';
}

export interface SecretPlan {
  /** Declaration name → Kubernetes Secret and key. */
  readonly refs: ReadonlyMap<string, SecretRef>;
  /** Secret skeletons or ExternalSecrets, in declaration order. */
  readonly objects: readonly K8sObject[];
  readonly checklist: readonly SecretChecklistEntry[];
}

/**
 * One Kubernetes Secret per declared secret, named `<workload>-<declaration>`, with one key:
 * `value`, or `.dockerconfigjson` when it serves as an image pull secret. Never a value.
 */
export function planSecrets(ctx: MapContext, via: 'skeleton' | 'external-secrets'): SecretPlan {
  const { workload, names, options, report } = ctx;
  const usage = secretUsage(ctx);
  const refs = new Map<string, SecretRef>();
  const objects: K8sObject[] = [];
  const checklist: SecretChecklistEntry[] = [];
  const taken = new Set<string>();
  for (const declaration of workload.secrets) {
    let secretName = childName(names.name, sanitizeDnsLabel(declaration.name) || shortHash(declaration.name));
    if (taken.has(secretName)) secretName = childName(names.name, shortHash(declaration.name));
    taken.add(secretName);
    const uses = usage.get(declaration.name) ?? [];
    const pull = uses.includes('image pull secret');
    const key = pull ? '.dockerconfigjson' : 'value';
    const type = pull ? DOCKER_CONFIG_TYPE : 'Opaque';
    refs.set(declaration.name, { secretName, key });
    const annotations = { [ANNOTATION.secretSource]: declaration.source };
    // a value that was plain text in the definition is in no secret store: only a skeleton fits
    const secretVia = declaration.plaintext ? 'skeleton' : via;
    if (secretVia === 'external-secrets') {
      objects.push({
        apiVersion: EXTERNAL_SECRET_API,
        kind: 'ExternalSecret',
        metadata: objectMetadata(workload, names, secretName, { annotations }),
        spec: {
          refreshInterval: '1h',
          secretStoreRef: { name: options.secretStore.name, kind: options.secretStore.kind },
          target: { name: secretName, creationPolicy: 'Owner', ...(pull ? { template: { type } } : {}) },
          data: [{ secretKey: key, remoteRef: { key: declaration.source } }],
        },
      });
      report('kubernetes/external-secret-store', 'externalSecret', {
        pointer: declaration.pointer,
        data: { namespace: names.namespace, secret: secretName, source: declaration.source, store: options.secretStore.name, storeKind: options.secretStore.kind },
        disposition: 'approximated',
        subtree: true,
      });
    } else {
      // The API server rejects a docker-config Secret without its key: pull secrets are only listed.
      if (!pull) {
        objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: objectMetadata(workload, names, secretName, { annotations }), type });
      }
      report('kubernetes/secret-value-required', declaration.plaintext ? 'plaintext' : 'skeleton', {
        pointer: declaration.pointer,
        data: { namespace: names.namespace, secret: secretName, key, source: declaration.source, createKind: pull ? 'docker-registry' : 'generic' },
        disposition: 'approximated',
        subtree: true,
      });
    }
    checklist.push({ namespace: names.namespace, secret: secretName, key, type, source: declaration.source, workload: workload.id, usage: uses, via: secretVia });
  }
  return { refs, objects, checklist };
}

/** What each declared secret is used for, in a stable order. */
function secretUsage(ctx: MapContext): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  const add = (secret: string, use: string) => {
    const list = usage.get(secret) ?? [];
    if (!list.includes(use)) list.push(use);
    usage.set(secret, list);
  };
  for (const container of [...(ctx.workload.initContainers ?? []), ...ctx.workload.containers]) {
    if (container.image?.pullSecret) add(container.image.pullSecret, 'image pull secret');
    for (const variable of container.env) if ('secret' in variable) add(variable.secret, `env ${variable.name} (${container.name})`);
    for (const artifact of container.artifacts) if (artifact.uriSecret !== undefined) add(artifact.uriSecret, `artifact URI (${container.name})`);
  }
  for (const volume of ctx.workload.volumes) {
    if (volume.kind !== 'secret') continue;
    const paths = ctx.workload.containers.flatMap((c) => c.mounts.filter((m) => m.volume === volume.name).map((m) => m.path));
    add(volume.secret, paths.length > 0 ? `file ${paths.join(', ')}` : 'file');
  }
  return usage;
}

/** `secrets.md`: every Secret to create, grouped by source path, with the command that creates it. */
export function renderSecretsChecklist(entries: readonly SecretChecklistEntry[]): string {
  const sorted = [...entries].sort((a, b) => compare(a.source, b.source) || compare(a.namespace, b.namespace) || compare(a.secret, b.secret));
  const lines = [
    '# Secrets to create',
    '',
    'Baton never reads or writes secret values. Every Secret below must hold its value before the',
    'workloads that use it can start. The source is the path in the DC/OS secret store, or',
    '`<app id>#<pointer>` for a value the definition held in plain text (Baton did not copy it).',
    '',
    '| Source | Namespace | Secret | Key | Created by | Used as | Workload |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const entry of sorted) {
    const via = entry.via === 'external-secrets' ? 'ExternalSecret' : 'you (skeleton)';
    lines.push(`| \`${cell(entry.source)}\` | ${entry.namespace} | ${entry.secret} | \`${entry.key}\` | ${via} | ${cell(entry.usage.join('; ') || 'declared, unused')} | \`${cell(entry.workload)}\` |`);
  }
  const manual = sorted.filter((entry) => entry.via === 'skeleton');
  if (manual.length > 0) {
    // `patch` keeps the value out of kubectl's last-applied annotation, so re-applying the
    // manifests (whose skeletons have no data) never removes it; `create … | kubectl apply` would.
    lines.push(
      '',
      '## Commands',
      '',
      'After `kubectl apply -k manifests`, fill each skeleton (replace `<…>` with the value from the source path).',
      'Registry credentials and TLS certificates are not in the manifests (an empty docker-config or TLS Secret is invalid): create them.',
      '',
      '```sh',
    );
    for (const entry of manual) {
      lines.push(
        entry.type === DOCKER_CONFIG_TYPE
          ? `kubectl -n ${entry.namespace} create secret docker-registry ${entry.secret} --from-file=.dockerconfigjson=<docker config.json from ${shellWord(entry.source)}>`
          : entry.type === TLS_TYPE
            ? `kubectl -n ${entry.namespace} create secret tls ${entry.secret} --cert=<certificate from ${shellWord(entry.source)}> --key=<key from ${shellWord(entry.source)}>`
            : `kubectl -n ${entry.namespace} patch secret ${entry.secret} --type merge -p '{"stringData":{"${entry.key}":"<value of ${shellWord(entry.source)}>"}}'`,
      );
    }
    lines.push('```');
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function shellWord(text: string): string {
  return text.replace(/[^A-Za-z0-9/_.:#-]/g, '_');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
