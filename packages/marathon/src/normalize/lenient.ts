// Lenient value readers. Marathon <= 1.4 serialises many `null`s and people write `"cpus": "0.5"`:
// `null` is always "absent", numeric strings are numbers, enum spelling is forgiven. The coverage
// walk uses the same readers, so what the ledger calls "coerced" or "ignored" is what happened here.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function readObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function readArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function readString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lowered = value.trim().toLowerCase();
    if (lowered === 'true') return true;
    if (lowered === 'false') return false;
  }
  return undefined;
}

export function readStrings(value: unknown): string[] {
  return readArray(value).map(readString).filter((item): item is string => item !== undefined);
}

/** `{key: string}` maps (labels): non-string scalars become strings, anything else is dropped. */
export function readStringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isObject(value)) return result;
  for (const key of Object.keys(value)) {
    const text = readString(value[key]);
    if (text !== undefined) result[key] = text;
  }
  return result;
}

const enumKey = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');
const enumIndexes = new Map<string, Map<string, string>>();

/** Case- and separator-insensitive enum match: `Youngest_First` and `youngestFirst` read as `YOUNGEST_FIRST`. */
export function readEnum<const T extends string>(value: unknown, members: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  if ((members as readonly string[]).includes(value)) return value as T;
  // members are usually an inline literal: cache by content, not identity
  const cacheKey = members.join('|');
  let index = enumIndexes.get(cacheKey);
  if (!index) {
    index = new Map(members.map((member) => [enumKey(member), member]));
    enumIndexes.set(cacheKey, index);
  }
  return index.get(enumKey(value)) as T | undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/**
 * A reader of the named fields of JSON objects into objects of one shape (absent fields undefined).
 * Parsed JSON objects have as many shapes as there are key orders (722 among 10,000 apps cloned
 * from real definitions), and V8 answers a read of an absent field of such an object by name with
 * a slow lookup (~0.3 µs; an app is asked for ~40 fields); reads of views of one shape are cheap.
 */
export function fieldView<const K extends string>(names: readonly K[]): (value: JsonObject) => { readonly [P in K]?: unknown } {
  // built by fromEntries the template has fast properties, and every spread of it the same shape
  const template = Object.fromEntries(names.map((name) => [name, undefined]));
  const known: ReadonlySet<string> = new Set(names);
  return (value) => {
    const view: Record<string, unknown> = { ...template };
    const keys = Object.keys(value);
    const values = Object.values(value);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (known.has(key)) view[key] = values[index];
    }
    return view as { readonly [P in K]?: unknown };
  };
}

/** Sets `key` only when `value` is defined: optional fields stay absent, without spreading objects. */
export function setDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value as T[K];
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
