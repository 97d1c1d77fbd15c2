// Regenerates field-schema.generated.json from the models of @kubernetes/client-node (generated from the
// Kubernetes OpenAPI of the minor its README names: 1.34 for 1.4.0), so the fake API server knows the real
// field names of the kinds it serves. Run: node src/kubernetes/generate-field-schema.mjs (in packages/testing).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const k8s = await import('@kubernetes/client-node');

// Root models of the built-in kinds the fake server validates strictly.
const ROOTS = [
  'V1Namespace', 'V1ConfigMap', 'V1Secret', 'V1ServiceAccount', 'V1Service', 'V1PersistentVolumeClaim',
  'V1PersistentVolume', 'V1Pod', 'V1Node', 'V1Endpoints', 'V1LimitRange', 'V1ResourceQuota', 'V1Deployment',
  'V1StatefulSet', 'V1DaemonSet', 'V1ReplicaSet', 'V1Job', 'V1CronJob', 'V1Ingress', 'V1IngressClass',
  'V1NetworkPolicy', 'V1PodDisruptionBudget', 'V2HorizontalPodAutoscaler', 'V1Role', 'V1RoleBinding',
  'V1ClusterRole', 'V1ClusterRoleBinding', 'V1StorageClass', 'V1CSIDriver', 'V1CSINode', 'V1PriorityClass',
];

const types = {};
const pending = [...ROOTS];
while (pending.length > 0) {
  const name = pending.pop();
  if (types[name]) continue;
  const model = k8s[name];
  if (!model?.getAttributeTypeMap) throw new Error(`no model ${name}`);
  const fields = {};
  for (const attr of model.getAttributeTypeMap()) {
    fields[attr.baseName] = encode(attr.type);
    const ref = referenced(attr.type);
    if (ref && !types[ref]) pending.push(ref);
  }
  types[name] = fields;
}

/** `T` model, `[T]` list of T, `{T}` map of T, `*` anything (primitives, IntOrString, free-form objects). */
function encode(type) {
  const list = /^Array<(.+)>$/.exec(type);
  if (list) return `[${encode(list[1])}]`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return `{${encode(map[1])}}`;
  return k8s[type]?.getAttributeTypeMap ? type : '*';
}

function referenced(type) {
  const inner = /^Array<(.+)>$/.exec(type)?.[1] ?? /^\{ \[key: string\]: (.+); \}$/.exec(type)?.[1] ?? type;
  if (inner !== type) return referenced(inner);
  return k8s[type]?.getAttributeTypeMap ? type : undefined;
}

const sorted = Object.fromEntries(Object.keys(types).sort().map((key) => [key, types[key]]));
const out = fileURLToPath(new URL('./field-schema.generated.json', import.meta.url));
await writeFile(out, `${JSON.stringify({ source: '@kubernetes/client-node@1.4.0 (Kubernetes 1.34 models)', types: sorted })}\n`);
console.log(`${Object.keys(sorted).length} types -> ${out}`);
