// Unknown fields: typos, plugin fields, fields of a newer Marathon, and keys that trip JavaScript
// (`__proto__`, `constructor`). They are placed only inside objects whose keys Marathon fixes
// (not inside free-form maps such as labels or env, where any key is legal).

/** Keys that are no Marathon field at any position (checked against the catalog). */
export const UNKNOWN_KEYS: readonly string[] = [
  'protcol',
  'containres',
  'portdefinitions',
  'futureField',
  'x-vendor-extension',
  'Cmd',
  'ID',
  'ünknown',
  '日本',
  'a/b',
  'a~b',
  '~1',
  '',
  ' ',
  'key: value',
  '#comment',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/**
 * Objects with fixed keys, as JSON pointer patterns relative to the definition; `*` is any array
 * index or map key.
 */
export const APP_OBJECTS: readonly string[] = [
  '',
  '/container',
  '/container/docker',
  '/container/docker/parameters/*',
  '/container/docker/pullConfig',
  '/container/docker/portMappings/*',
  '/container/portMappings/*',
  '/container/volumes/*',
  '/container/volumes/*/persistent',
  '/container/volumes/*/external',
  '/container/linuxInfo',
  '/container/linuxInfo/seccomp',
  '/container/linuxInfo/ipcInfo',
  '/healthChecks/*',
  '/healthChecks/*/command',
  '/readinessChecks/*',
  '/check',
  '/check/http',
  '/portDefinitions/*',
  '/networks/*',
  '/upgradeStrategy',
  '/unreachableStrategy',
  '/fetch/*',
  '/resourceLimits',
  '/residency',
  '/ipAddress',
  '/ipAddress/discovery',
  '/executorResources',
  '/secrets/*',
];

export const POD_OBJECTS: readonly string[] = [
  '',
  '/containers/*',
  '/containers/*/resources',
  '/containers/*/exec',
  '/containers/*/exec/command',
  '/containers/*/endpoints/*',
  '/containers/*/image',
  '/containers/*/healthCheck',
  '/containers/*/healthCheck/http',
  '/containers/*/volumeMounts/*',
  '/containers/*/lifecycle',
  '/containers/*/artifacts/*',
  '/volumes/*',
  '/volumes/*/persistent',
  '/networks/*',
  '/scaling',
  '/scheduling',
  '/scheduling/backoff',
  '/scheduling/upgrade',
  '/scheduling/placement',
  '/scheduling/placement/constraints/*',
  '/executorResources',
  '/secrets/*',
];

export interface Injection {
  readonly slot: number;
  readonly key: string;
  readonly value: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every object of `root` matching one of the patterns, with its pointer. */
function candidates(root: unknown, patterns: readonly string[]): { pointer: string; object: Record<string, unknown> }[] {
  const found: { pointer: string; object: Record<string, unknown> }[] = [];
  for (const pattern of patterns) {
    const tokens = pattern === '' ? [] : pattern.slice(1).split('/');
    const walk = (value: unknown, index: number, pointer: string) => {
      if (index === tokens.length) {
        if (isPlainObject(value)) found.push({ pointer, object: value });
        return;
      }
      const token = tokens[index]!;
      if (token === '*') {
        if (Array.isArray(value)) value.forEach((item, i) => walk(item, index + 1, `${pointer}/${i}`));
        else if (isPlainObject(value)) for (const key of Object.keys(value)) walk(value[key], index + 1, `${pointer}/${escapeToken(key)}`);
        return;
      }
      if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, token)) walk(value[token], index + 1, `${pointer}/${token}`);
    };
    walk(root, 0, '');
  }
  return found;
}

/**
 * Adds unknown keys to fixed-key objects of `definition` (mutates it; pass a copy) and returns
 * their pointers relative to the definition. `__proto__` becomes an own property, as JSON.parse makes it.
 */
export function injectUnknownFields(definition: unknown, patterns: readonly string[], injections: readonly Injection[]): string[] {
  const pointers: string[] = [];
  const slots = candidates(definition, patterns);
  if (slots.length === 0) return pointers;
  for (const injection of injections) {
    const slot = slots[injection.slot % slots.length]!;
    if (Object.prototype.hasOwnProperty.call(slot.object, injection.key)) continue;
    Object.defineProperty(slot.object, injection.key, { value: injection.value, enumerable: true, writable: true, configurable: true });
    pointers.push(`${slot.pointer}/${escapeToken(injection.key)}`);
  }
  return pointers;
}
