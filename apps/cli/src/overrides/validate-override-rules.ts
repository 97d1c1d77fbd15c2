import { closestKey, describeValue, indexPath, keyPath } from '../config/config-path.js';
import { isLabelSelector } from './match-workload.js';
import { JSON_PATCH_OPS, OVERRIDE_MATCH_KEYS, OVERRIDE_RULE_KEYS, OVERRIDE_TARGET_KEYS } from './override-rule.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem of the `overrides` list, each with its path; an empty list means valid. */
export function validateOverrideRules(value: unknown, path = 'overrides'): string[] {
  const problems: string[] = [];
  if (!Array.isArray(value)) return [`${path}: expected a list of override rules, received ${describeValue(value)}`];
  value.forEach((rule, index) => problems.push(...validateRule(rule, indexPath(path, index))));
  return problems;
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: string): string[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const near = closestKey(key, known);
      return `${keyPath(path, key)}: unknown key${near ? ` (did you mean "${near}"?)` : ''}; known: ${known.join(', ')}`;
    });
}

function stringOrList(value: unknown, path: string, check: (item: string, path: string) => string | undefined): string[] {
  const items = typeof value === 'string' ? [[value, path] as const] : Array.isArray(value) ? value.map((item, index) => [item, indexPath(path, index)] as const) : undefined;
  if (items === undefined || items.length === 0) return [`${path}: expected a string or a non-empty list of strings, received ${describeValue(value)}`];
  const problems: string[] = [];
  for (const [item, at] of items) {
    if (typeof item !== 'string' || item.trim() === '') problems.push(`${at}: expected a non-empty string, received ${describeValue(item)}`);
    else {
      const problem = check(item, at);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function validateRule(rule: unknown, path: string): string[] {
  if (!isObject(rule)) return [`${path}: expected an override rule { match, patch | jsonPatch }, received ${describeValue(rule)}`];
  const problems = unknownKeys(rule, OVERRIDE_RULE_KEYS, path);
  if (rule.name !== undefined && (typeof rule.name !== 'string' || rule.name === '')) problems.push(`${keyPath(path, 'name')}: expected a non-empty string, received ${describeValue(rule.name)}`);
  const matchPath = keyPath(path, 'match');
  if (!isObject(rule.match)) problems.push(`${matchPath}: expected { id?, label? } with at least one of them, received ${describeValue(rule.match)}`);
  else {
    problems.push(...unknownKeys(rule.match, OVERRIDE_MATCH_KEYS, matchPath));
    if (rule.match.id === undefined && rule.match.label === undefined) problems.push(`${matchPath}: expected at least one of id, label`);
    if (rule.match.id !== undefined) {
      problems.push(...stringOrList(rule.match.id, keyPath(matchPath, 'id'), (id, at) => (id.startsWith('/') ? undefined : `${at}: expected an id glob starting with "/", received ${describeValue(id)}`)));
    }
    if (rule.match.label !== undefined) {
      problems.push(
        ...stringOrList(rule.match.label, keyPath(matchPath, 'label'), (selector, at) =>
          isLabelSelector(selector) ? undefined : `${at}: expected a label selector (key, key=value or key!=value), received ${describeValue(selector)}`,
        ),
      );
    }
  }
  if (rule.target !== undefined) {
    const targetPath = keyPath(path, 'target');
    if (!isObject(rule.target)) problems.push(`${targetPath}: expected { kind?, name?, apiVersion? }, received ${describeValue(rule.target)}`);
    else {
      problems.push(...unknownKeys(rule.target, OVERRIDE_TARGET_KEYS, targetPath));
      for (const key of OVERRIDE_TARGET_KEYS) {
        const item = rule.target[key];
        if (item !== undefined && (typeof item !== 'string' || item === '')) problems.push(`${keyPath(targetPath, key)}: expected a non-empty string, received ${describeValue(item)}`);
      }
    }
  }
  const hasPatch = rule.patch !== undefined;
  const hasJsonPatch = rule.jsonPatch !== undefined;
  if (hasPatch === hasJsonPatch) problems.push(`${path}: expected exactly one of patch (a JSON merge patch) or jsonPatch (a list of operations)`);
  if (hasPatch && !isObject(rule.patch)) problems.push(`${keyPath(path, 'patch')}: expected a JSON merge patch object, received ${describeValue(rule.patch)}`);
  if (hasJsonPatch) problems.push(...validateJsonPatch(rule.jsonPatch, keyPath(path, 'jsonPatch')));
  return problems;
}

const POINTER = /^(\/([^~]|~[01])*)*$/;

function validateJsonPatch(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0) return [`${path}: expected a non-empty list of JSON patch operations, received ${describeValue(value)}`];
  const problems: string[] = [];
  value.forEach((operation, index) => {
    const at = indexPath(path, index);
    if (!isObject(operation)) {
      problems.push(`${at}: expected an operation { op, path, ... }, received ${describeValue(operation)}`);
      return;
    }
    const op = operation.op;
    if (!JSON_PATCH_OPS.includes(op as never)) {
      problems.push(`${keyPath(at, 'op')}: expected one of ${JSON_PATCH_OPS.join(', ')}, received ${describeValue(op)}`);
      return;
    }
    const known = ['op', 'path', ...(op === 'move' || op === 'copy' ? ['from'] : []), ...(op === 'add' || op === 'replace' || op === 'test' ? ['value'] : [])];
    problems.push(...unknownKeys(operation, known, at));
    for (const key of known.filter((k) => k === 'path' || k === 'from')) {
      const pointer = operation[key];
      if (typeof pointer !== 'string' || !POINTER.test(pointer)) problems.push(`${keyPath(at, key)}: expected a JSON pointer such as "/spec/replicas", received ${describeValue(pointer)}`);
    }
    if (known.includes('value') && !('value' in operation)) problems.push(`${keyPath(at, 'value')}: required for "${String(op)}"`);
  });
  return problems;
}
