import { pointerTokens, type JsonPointer } from '@baton/core';
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
  return passwordSpans(value, true).length > 0;
}

/** Where each `scheme://user:password@` puts its password: [start, end) of `password`. */
function passwordSpans(value: string, firstOnly = false): [number, number][] {
  const spans: [number, number][] = [];
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
    const match = USER_AND_PASSWORD.exec(value);
    if (!match) continue;
    const end = at + 3 + match[0].length - 1;
    spans.push([at + 3 + match[0].indexOf(':') + 1, end]);
    if (firstOnly) break;
  }
  return spans;
}

/** Every URL password in `value` replaced by `replacement`. */
export function replacePasswords(value: string, replacement: string): string {
  return replaceSpans(value, replacement, 0);
}

/** The URI without its passwords (`https://deploy@host/…`): what findings and manifests may show. */
export function withoutPasswords(uri: string): string {
  // the `:` before each password goes as well
  return replaceSpans(uri, '', 1);
}

/** `value` with each password span, widened by `lead` characters before it, replaced. */
function replaceSpans(value: string, replacement: string, lead: number): string {
  let result = '';
  let from = 0;
  for (const [start, end] of passwordSpans(value)) {
    result += value.slice(from, start - lead) + replacement;
    from = end;
  }
  return result + value.slice(from);
}

/**
 * Words that make a credential-named key a setting about credentials, not one (seen in real
 * definitions: CASSANDRA_NUM_TOKENS=256, ALLOW_EMPTY_PASSWORD=yes, …_CREDENTIALS_PROVIDER=<class>,
 * MYSQL_PASSWORD_FILE=/run/secrets/db): moving those into a Secret would only break the app.
 */
const SETTING_WORDS = new Set(['allow', 'num', 'count', 'min', 'max', 'length', 'file', 'path', 'dir', 'provider', 'ttl', 'expiry', 'expiration', 'timeout', 'enabled', 'enable', 'type', 'mode', 'policy', 'header', 'algorithm']);
const FLAG_VALUE = /^(true|false|yes|no|on|off)$/i;

function isCredentialName(name: string): boolean {
  if (!CREDENTIAL_NAME.test(name)) return false;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/);
  return !words.some((word) => SETTING_WORDS.has(word));
}

/** A value that only refers to another variable ($DB_PASSWORD, ${DB_PASSWORD}) holds nothing itself. */
const REFERENCE_ONLY = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

export interface PlaintextSecret {
  readonly kind: 'env' | 'label' | 'uri';
  readonly name: string;
  readonly pointer: JsonPointer;
  /** name: the key says credential (the whole value is one); url: the value holds a URL with a password. */
  readonly match: 'name' | 'url';
}

/**
 * Literal values in env and labels that look like credentials: a credential-like name with a
 * literal value, or a URL with a password; and artifact URIs with a password (fetch, uris, pod
 * artifacts). Secret references (`{"secret": …}`) are not literals.
 */
export function findPlaintextSecrets(spec: JsonObject, specPointer: JsonPointer, sourceKind: 'app' | 'pod'): PlaintextSecret[] {
  const found: PlaintextSecret[] = [];
  if (scannedClean[sourceKind].has(spec)) return found;
  const scan = (map: unknown, pointer: JsonPointer, kind: 'env' | 'label') => {
    if (!isObject(map)) return;
    for (const [name, value] of Object.entries(map)) {
      if (typeof value !== 'string' || value.trim() === '' || REFERENCE_ONLY.test(value.trim())) continue;
      if (isCredentialName(name) && !FLAG_VALUE.test(value.trim())) found.push({ kind, name, pointer: at(pointer, name), match: 'name' });
      else if (hasUrlWithPassword(value)) found.push({ kind, name, pointer: at(pointer, name), match: 'url' });
    }
  };
  const uris = (list: unknown, pointer: JsonPointer, key?: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      const uri = key === undefined ? item : isObject(item) ? item[key] : undefined;
      if (typeof uri === 'string' && hasUrlWithPassword(uri)) found.push({ kind: 'uri', name: String(index), pointer: key === undefined ? at(pointer, index) : at(pointer, index, key), match: 'url' });
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

/**
 * Definitions redactDefinition found nothing in, per kind. A read from a URL redacts every
 * definition at capture and then reads the same objects: the second scan of those is skipped.
 * Definitions are not changed once read.
 */
const scannedClean = { app: new WeakSet<JsonObject>(), pod: new WeakSet<JsonObject>() };

/** What a redacted value reads in a snapshot: still non-empty, so the same values are found on replay. */
export const REDACTED = 'REDACTED-BY-BATON';
/** marathon-lb basic auth, `realm:user:password-hash`: the hash is not a plain-text password but must not travel either. */
const LB_AUTH_LABEL = /^HAPROXY_\d+_AUTH$/;

/**
 * A copy of the definition (the objects on the way to a changed value; the rest is shared, not
 * changed) with every plain-text credential replaced by {@link REDACTED}: whole
 * values of credential-named keys, the password of each URL, the hash of marathon-lb auth labels.
 * `findPlaintextSecrets` finds the same places in the copy, so a plan of either is the same.
 */
export function redactDefinition(spec: JsonObject, sourceKind: 'app' | 'pod'): JsonObject {
  const found = findPlaintextSecrets(spec, '', sourceKind);
  const labels = isObject(spec.labels) ? Object.keys(spec.labels).filter((key) => LB_AUTH_LABEL.test(key)) : [];
  if (found.length === 0 && labels.length === 0) {
    scannedClean[sourceKind].add(spec);
    return spec;
  }
  // only the objects and lists on the way to a changed value are copied; the rest is shared
  const copy: JsonObject = { ...spec };
  const copied = new Set<unknown>([copy]);
  const holderOf = (pointer: JsonPointer): Record<string, unknown> => {
    let node = copy as Record<string, unknown>;
    for (const token of pointerTokens(pointer)) {
      const child = node[token];
      if (child === null || typeof child !== 'object') return {};
      if (!copied.has(child)) {
        node[token] = Array.isArray(child) ? child.slice() : { ...child };
        copied.add(node[token]);
      }
      node = node[token] as Record<string, unknown>;
    }
    return node;
  };
  for (const secret of found) {
    const cut = secret.pointer.lastIndexOf('/');
    const holder = holderOf(secret.pointer.slice(0, cut));
    const [key] = pointerTokens(secret.pointer.slice(cut));
    const value = holder[key!];
    if (typeof value !== 'string') continue;
    holder[key!] = secret.match === 'name' ? REDACTED : replacePasswords(value, REDACTED);
  }
  const copiedLabels = labels.length > 0 ? holderOf('/labels') : {};
  for (const key of labels) {
    const value = copiedLabels[key];
    if (typeof value === 'string' && value.split(':').length >= 3) copiedLabels[key] = `${value.slice(0, value.lastIndexOf(':'))}:${REDACTED}`;
  }
  return copy;
}
