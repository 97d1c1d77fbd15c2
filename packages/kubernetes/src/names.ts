import { createHash } from 'node:crypto';

/** Maximum length of a DNS-1123 / DNS-1035 label. */
export const MAX_LABEL_LENGTH = 63;
/** Maximum length of an IANA service name (container port name). */
export const MAX_PORT_NAME_LENGTH = 15;
const HASH_LENGTH = 8;

export type NameAdjustment = 'sanitized' | 'truncated' | 'prefixed';

export interface DerivedName {
  readonly name: string;
  /** What had to change, in the order it happened; empty when the input was already valid. */
  readonly adjustments: readonly NameAdjustment[];
}

/** First `length` hex digits of SHA-256: short, stable across runs and platforms. */
export function shortHash(input: string, length = HASH_LENGTH): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** Lower-cases and replaces every run of characters outside `[a-z0-9-]` with `-`, trimming `-` at both ends. */
export function sanitizeDnsLabel(input: string): string {
  return input
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts `name` to `max` characters, replacing the tail with `-<hash of hashSource>`. */
export function truncateWithHash(name: string, max: number, hashSource: string, hashLength = HASH_LENGTH): string {
  if (name.length <= max) return name;
  const head = name.slice(0, max - hashLength - 1).replace(/-+$/, '');
  return `${head}-${shortHash(hashSource, hashLength)}`;
}

/**
 * A DNS-1123 label (`startWithLetter`: a DNS-1035 label, as Service names need) derived from `input`.
 * `prefix` is put in front when the name must start with a letter or nothing usable is left.
 */
export function toDnsLabel(input: string, options: { startWithLetter?: boolean; prefix?: string; hashSource?: string; max?: number } = {}): DerivedName {
  const max = options.max ?? MAX_LABEL_LENGTH;
  const prefix = options.prefix ?? 'x';
  const hashSource = options.hashSource ?? input;
  const adjustments: NameAdjustment[] = [];
  let name = sanitizeDnsLabel(input);
  if (name !== input) adjustments.push('sanitized');
  if (name === '') name = `${prefix}-${shortHash(hashSource)}`;
  else if (options.startWithLetter && !/^[a-z]/.test(name)) {
    name = `${prefix}-${name}`;
    adjustments.push('prefixed');
  }
  if (name.length > max) {
    name = truncateWithHash(name, max, hashSource);
    adjustments.push('truncated');
  }
  return { name, adjustments };
}

/** `<base>-<suffix>` within 63 characters; a too-long base is cut and hashed so the suffix stays readable. */
export function childName(base: string, suffix: string, max = MAX_LABEL_LENGTH): string {
  const full = `${base}-${suffix}`;
  if (full.length <= max) return full;
  const fittedSuffix = suffix.length > max / 2 ? truncateWithHash(suffix, Math.floor(max / 2), suffix) : suffix;
  const room = max - fittedSuffix.length - HASH_LENGTH - 2;
  const head = base.slice(0, Math.max(room, 1)).replace(/-+$/, '');
  return `${head}-${shortHash(full)}-${fittedSuffix}`;
}

/**
 * An IANA service name for a container port: at most 15 characters of `[a-z0-9-]`, at least one
 * letter, no `--`, no leading or trailing `-`; unique within `taken` (which it extends).
 */
export function toPortName(input: string, taken: Set<string>): string {
  let name = input
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name === '') name = 'port';
  if (!/[a-z]/.test(name)) name = `p-${name}`;
  if (name.length > MAX_PORT_NAME_LENGTH) name = truncateWithHash(name, MAX_PORT_NAME_LENGTH, input, 4);
  for (let attempt = 1; taken.has(name); attempt++) {
    name = `${name.slice(0, MAX_PORT_NAME_LENGTH - 5).replace(/-+$/, '')}-${shortHash(`${input}#${attempt}`, 4)}`;
  }
  taken.add(name);
  return name;
}

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A qualified name as label and annotation keys need: `[prefix/]name`. */
export function isValidLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash === -1) return LABEL_NAME.test(key);
  const prefix = key.slice(0, slash);
  const name = key.slice(slash + 1);
  return prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix) && LABEL_NAME.test(name);
}

export function isValidLabelValue(value: string): boolean {
  return value === '' || LABEL_NAME.test(value);
}

/** A valid label value derived from `input` (used for `app.kubernetes.io/part-of`). */
export function toLabelValue(input: string): string {
  const cleaned = input.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (cleaned.length <= MAX_LABEL_LENGTH) return cleaned;
  return truncateWithHash(cleaned, MAX_LABEL_LENGTH, input).replace(/^[^A-Za-z0-9]+/, '');
}

/** Segments of a Marathon path id, without empty ones: `/prod/payments/api` → `['prod', 'payments', 'api']`. */
export function idSegments(id: string): string[] {
  return id.split('/').filter((segment) => segment.length > 0);
}
