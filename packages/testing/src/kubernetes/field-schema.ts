import generated from './field-schema.generated.json';

// Field names of the built-in kinds, from client-node's Kubernetes 1.34 models (see generate-field-schema.mjs).
const TYPES = (generated as { types: Record<string, Record<string, string>> }).types;

/**
 * Paths of fields the schema does not declare, written the way structured-merge-diff names them in
 * `field not declared in schema` errors: `.spec.template.spec.containers[name="web"].futureField`.
 */
export function undeclaredFields(model: string, value: unknown): string[] {
  const out: string[] = [];
  walk(model, value, '', out);
  return out;
}

function walk(type: string, value: unknown, path: string, out: string[]): void {
  if (type === '*' || value === null || value === undefined) return;
  if (type.startsWith('[')) {
    if (!Array.isArray(value)) return;
    const inner = type.slice(1, -1);
    value.forEach((item, index) => walk(inner, item, `${path}${elementName(item, index)}`, out));
    return;
  }
  if (type.startsWith('{')) {
    if (!isObject(value)) return;
    const inner = type.slice(1, -1);
    for (const [key, item] of Object.entries(value)) walk(inner, item, `${path}.${key}`, out);
    return;
  }
  const fields = TYPES[type];
  if (!fields || !isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const fieldType = fields[key];
    if (fieldType === undefined) out.push(`${path}.${key}`);
    else walk(fieldType, item, `${path}.${key}`, out);
  }
}

/** Associative lists are keyed by `name` for containers, env, ports, volumes...; others by position. */
function elementName(item: unknown, index: number): string {
  if (isObject(item) && typeof item.name === 'string') return `[name="${item.name}"]`;
  return `[${index}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
