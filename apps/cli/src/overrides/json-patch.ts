// RFC 7386 merge patches and RFC 6902 JSON patches on plain JSON objects, returning new objects
// (inputs are never changed) and the paths each one wrote, for conflict detection.

import type { JsonPatchOperation } from './override-rule.js';

type Json = unknown;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function valueAt(document: Json, tokens: readonly string[]): Json {
  let current: Json = document;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current)) current = current[token];
    else return undefined;
  }
  return current;
}

/** RFC 7386: objects merge key by key, `null` deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): { document: Json; written: string[][] } {
  const written: string[][] = [];
  const apply = (base: Json, change: Json, at: string[]): Json => {
    if (!isObject(change)) {
      written.push(at);
      return structuredClone(change);
    }
    const result: Record<string, unknown> = isObject(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(change)) {
      if (value === null) {
        if (key in result) delete result[key];
        written.push([...at, key]);
      } else result[key] = apply(result[key], value, [...at, key]);
    }
    return result;
  };
  return { document: apply(target, patch, []), written };
}

export type JsonPatchFailure = { readonly kind: 'test' | 'operation'; readonly path: string; readonly reason: string };

/** RFC 6902, all or nothing: the patched copy, or the first failing operation. */
export function applyJsonPatch(target: Json, operations: readonly JsonPatchOperation[]): { document: Json; written: string[][] } | { failure: JsonPatchFailure } {
  let document: Json = structuredClone(target);
  const written: string[][] = [];
  for (const operation of operations) {
    const tokens = parsePointer(operation.path);
    const fail = (reason: string, kind: 'test' | 'operation' = 'operation') => ({ failure: { kind, path: operation.path, reason } });
    switch (operation.op) {
      case 'test': {
        const actual = valueAt(document, tokens);
        if (!deepEqual(actual, operation.value)) return fail(`found ${actual === undefined ? 'nothing' : JSON.stringify(actual)}, expected ${JSON.stringify(operation.value)}`, 'test');
        break;
      }
      case 'remove': {
        const removed = remove(document, tokens);
        if (removed === undefined) return fail(`${operation.op} ${operation.path}: there is nothing at that path`);
        document = removed.document;
        written.push(tokens);
        break;
      }
      case 'add':
      case 'replace': {
        if (operation.op === 'replace' && valueAt(document, tokens) === undefined) return fail(`replace ${operation.path}: there is nothing at that path`);
        const added = add(document, tokens, structuredClone(operation.value), operation.op === 'replace');
        if (added === undefined) return fail(`${operation.op} ${operation.path}: the parent of that path does not exist`);
        document = added;
        written.push(tokens);
        break;
      }
      case 'move':
      case 'copy': {
        const from = parsePointer(operation.from);
        const value = valueAt(document, from);
        if (value === undefined) return fail(`${operation.op} from ${operation.from}: there is nothing at that path`);
        if (operation.op === 'move') {
          const removed = remove(document, from);
          document = removed!.document;
          written.push(from);
        }
        const added = add(document, tokens, structuredClone(value), false);
        if (added === undefined) return fail(`${operation.op} to ${operation.path}: the parent of that path does not exist`);
        document = added;
        written.push(tokens);
        break;
      }
    }
  }
  return { document, written };
}

function add(document: Json, tokens: readonly string[], value: Json, replace: boolean): Json | undefined {
  if (tokens.length === 0) return value;
  const parentTokens = tokens.slice(0, -1);
  const parent = valueAt(document, parentTokens);
  const key = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!/^\d+$/.test(key) && key !== '-') return undefined;
    if (index > parent.length || (replace && index >= parent.length)) return undefined;
    parent.splice(index, replace ? 1 : 0, value);
    return document;
  }
  if (!isObject(parent)) return undefined;
  parent[key] = value;
  return document;
}

function remove(document: Json, tokens: readonly string[]): { document: Json } | undefined {
  if (tokens.length === 0) return undefined;
  const parent = valueAt(document, tokens.slice(0, -1));
  const key = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!/^\d+$/.test(key) || index >= parent.length) return undefined;
    parent.splice(index, 1);
    return { document };
  }
  if (!isObject(parent) || !(key in parent)) return undefined;
  delete parent[key];
  return { document };
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}
