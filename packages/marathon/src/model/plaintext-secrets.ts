import type { JsonPointer } from '@baton/core';
import { isObject, type JsonObject } from '../normalize/lenient.js';
import { at } from '../normalize/normalize-shared.js';

/** Names that say credential (DB_PASSWORD, apiToken, aws-secret-access-key, PRIVATE_KEY…). */
const CREDENTIAL_NAME = /password|passwd|(^|[^a-z])pass($|[^a-z])|secret|token|api[-_.]?key|private[-_.]?key|credential/i;
/** After `://`: user:password@ (the classes exclude the delimiters, so matching is linear). */
const USER_AND_PASSWORD = /[^/\s:@]+:[^/\s@]+@/y;
const SCHEME_CHAR = /[a-z0-9+.-]/i;
const LETTER = /[a-z]/i;

/**
 * A URL with a password: scheme://user:password@host, i.e. `/[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i`
 * found from each `://` instead: that unanchored regex retried every position of a long base64
 * value (DCOS_PACKAGE_DEFINITION labels are 5-10 KB), ~100-800 ms per such label.
 */
function hasUrlWithPassword(value: string): boolean {
  for (let at = value.indexOf('://'); at !== -1; at = value.indexOf('://', at + 1)) {
    // the scheme: a letter somewhere in the run of scheme characters right before `://`
    let letter = false;
    for (let index = at - 1; index >= 0 && SCHEME_CHAR.test(value[index]!); index--) {
      if (LETTER.test(value[index]!)) {
        letter = true;
        break;
      }
    }
    if (!letter) continue;
    USER_AND_PASSWORD.lastIndex = at + 3;
    if (USER_AND_PASSWORD.test(value)) return true;
  }
  return false;
}
/** A value that only refers to another variable ($DB_PASSWORD, ${DB_PASSWORD}) holds nothing itself. */
const REFERENCE_ONLY = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

export interface PlaintextSecret {
  readonly kind: 'env' | 'label' | 'uri';
  readonly name: string;
  readonly pointer: JsonPointer;
}

/**
 * Literal values in env and labels that look like credentials: a credential-like name with a
 * literal value, or a URL with a password; and artifact URIs with a password (fetch, uris, pod
 * artifacts). Secret references (`{"secret": …}`) are not literals.
 */
export function findPlaintextSecrets(spec: JsonObject, specPointer: JsonPointer, sourceKind: 'app' | 'pod'): PlaintextSecret[] {
  const found: PlaintextSecret[] = [];
  const scan = (map: unknown, pointer: JsonPointer, kind: 'env' | 'label') => {
    if (!isObject(map)) return;
    for (const [name, value] of Object.entries(map)) {
      if (typeof value !== 'string' || value.trim() === '' || REFERENCE_ONLY.test(value.trim())) continue;
      if (CREDENTIAL_NAME.test(name) || hasUrlWithPassword(value)) found.push({ kind, name, pointer: at(pointer, name) });
    }
  };
  const uris = (list: unknown, pointer: JsonPointer, key?: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      const uri = key === undefined ? item : isObject(item) ? item[key] : undefined;
      if (typeof uri === 'string' && hasUrlWithPassword(uri)) found.push({ kind: 'uri', name: String(index), pointer: key === undefined ? at(pointer, index) : at(pointer, index, key) });
    });
  };
  if (sourceKind === 'app') {
    scan(spec.env, at(specPointer, 'env'), 'env');
    uris(spec.fetch, at(specPointer, 'fetch'), 'uri');
    uris(spec.uris, at(specPointer, 'uris'));
  } else {
    scan(spec.environment, at(specPointer, 'environment'), 'env');
    if (Array.isArray(spec.containers)) {
      spec.containers.forEach((container, index) => {
        if (!isObject(container)) return;
        scan(container.environment, at(specPointer, 'containers', index, 'environment'), 'env');
        scan(container.labels, at(specPointer, 'containers', index, 'labels'), 'label');
        uris(container.artifacts, at(specPointer, 'containers', index, 'artifacts'), 'uri');
      });
    }
  }
  scan(spec.labels, at(specPointer, 'labels'), 'label');
  return found;
}
