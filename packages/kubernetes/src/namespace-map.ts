import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/**
 * Parses a namespace map file (YAML or JSON): group prefix → namespace, e.g.
 * `{ "/prod/payments": "payments", "/prod": "prod", "/": "misc" }`. The writer checks the entries
 * (absolute group paths, DNS-1123 namespace names) when it resolves its options; this only
 * requires an object of strings.
 */
export function parseNamespaceMap(text: string, source = 'namespace map'): Record<string, string> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new TypeError(`${source}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
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
