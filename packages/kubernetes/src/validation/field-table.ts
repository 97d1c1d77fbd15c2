// The generated field table (generated/field-table.json) turned into linked lookup structures,
// once, on first use.
import raw from './generated/field-table.json';

export interface FieldSpec {
  /** Type of an object value, of each array item or of each map value; null for free-form leaves. */
  readonly type: TypeSpec | null;
  readonly shape: 'one' | 'array' | 'map';
  /** Bit i set = the field exists in minors[i]. */
  readonly mask: number;
}

export interface TypeSpec {
  /** Key in the generated table (`V1PodSpec`). */
  readonly key: string;
  /** For messages (`PodSpec`). */
  readonly name: string;
  readonly fields: Map<string, FieldSpec>;
}

export interface FieldTable {
  readonly minors: readonly number[];
  /** `apiVersion/kind` → root type. */
  readonly roots: ReadonlyMap<string, TypeSpec>;
  readonly featureGates: Readonly<Record<string, { readonly since: string; readonly gate: string }>>;
}

interface RawTable {
  readonly minors: number[];
  readonly roots: Record<string, string>;
  readonly types: Record<string, Record<string, string>>;
  readonly masks: Record<string, Record<string, number>>;
  readonly featureGates: Record<string, { since: string; gate: string }>;
}

/** `V1PodSpec` → `PodSpec`, `gateway.networking.k8s.io.v1.HTTPRouteRule` → `HTTPRouteRule`. */
function displayName(key: string): string {
  return key.includes('.') ? key.slice(key.lastIndexOf('.') + 1) : key.replace(/^[A-Z][a-z]*?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])|^V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}

let loaded: FieldTable | undefined;

export function fieldTable(): FieldTable {
  if (loaded) return loaded;
  const t = raw as unknown as RawTable;
  const all = (1 << t.minors.length) - 1;
  const specs = new Map<string, TypeSpec>();
  const spec = (key: string): TypeSpec => {
    let s = specs.get(key);
    if (!s) specs.set(key, (s = { key, name: displayName(key), fields: new Map() }));
    return s;
  };
  for (const [key, fields] of Object.entries(t.types)) {
    const s = spec(key);
    const masks = t.masks[key] ?? {};
    for (const [field, ref] of Object.entries(fields)) {
      const shape = ref.startsWith('[]') ? 'array' : ref.startsWith('{}') ? 'map' : 'one';
      const target = shape === 'one' ? ref : ref.slice(2);
      s.fields.set(field, { type: target ? spec(target) : null, shape, mask: masks[field] ?? all });
    }
  }
  loaded = {
    minors: t.minors,
    roots: new Map(Object.entries(t.roots).map(([gvk, key]) => [gvk, spec(key)])),
    featureGates: t.featureGates,
  };
  return loaded;
}
