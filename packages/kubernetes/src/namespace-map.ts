import { readFile } from 'node:fs/promises';

/**
 * Parses a namespace map file (YAML or JSON): group prefix → namespace, e.g.
 * `{ "/prod/payments": "payments", "/prod": "prod", "/": "misc" }`. The writer checks the entries
 * (absolute group paths, DNS-1123 namespace names) when it resolves its options; this only
 * requires an object of strings. `yaml` is imported here, when a map is read: every plan loads this
 * module, few read a map (a static import cost every plan 50-70 ms, tooling/bench/README.md).
 */
export async function parseNamespaceMap(text: string, source = 'namespace map'): Promise<Record<string, string>> {
  const { parse } = await import('yaml');
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new TypeError(`${source}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return namespaceMapOf(value, source);
}

/** The namespace map in an already parsed value: an object of strings, else a TypeError naming `source`. */
export function namespaceMapOf(value: unknown, source = 'namespace map'): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${source}: expected a mapping of group prefix → namespace`);
  const map: Record<string, string> = {};
  for (const [prefix, namespace] of Object.entries(value as Record<string, unknown>)) {
    if (typeof namespace !== 'string') throw new TypeError(`${source}: the namespace of "${prefix}" must be a string`);
    map[prefix] = namespace;
  }
  return map;
}

/** Reads and parses a namespace map file for `namespaces: 'map'` (the CLI's `--namespaces map:<file>`). */
export async function readNamespaceMap(file: string): Promise<Record<string, string>> {
  return parseNamespaceMap(await readFile(file, 'utf8'), file);
}
