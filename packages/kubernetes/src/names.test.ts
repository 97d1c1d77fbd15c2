import { describe, expect, it } from 'vitest';
import { childName, isValidLabelKey, isValidLabelValue, sanitizeDnsLabel, shortHash, toDnsLabel, toLabelValue, toPortName, truncateWithHash } from './names.js';

const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]$|^[a-z]$/;

describe('DNS label names', () => {
  it('lower-cases and replaces characters outside [a-z0-9-]', () => {
    expect(sanitizeDnsLabel('My_App.v2')).toBe('my-app-v2');
    expect(sanitizeDnsLabel('--a..b--')).toBe('a-b');
    expect(toDnsLabel('payments-api')).toEqual({ name: 'payments-api', adjustments: [] });
    expect(toDnsLabel('Payments_API').adjustments).toEqual(['sanitized']);
  });

  it('prefixes digits-first names when a DNS-1035 label is needed', () => {
    const derived = toDnsLabel('1password', { startWithLetter: true, prefix: 'app' });
    expect(derived).toEqual({ name: 'app-1password', adjustments: ['prefixed'] });
    expect(derived.name).toMatch(DNS_1035);
    // Namespaces may start with a digit.
    expect(toDnsLabel('1team').name).toBe('1team');
  });

  it('truncates to 63 characters with a stable hash of the full id', () => {
    const id = `/prod/${'very-long-segment-'.repeat(6)}end`;
    const first = toDnsLabel(id.slice(6), { hashSource: id });
    const second = toDnsLabel(id.slice(6), { hashSource: id });
    expect(first.name.length).toBeLessThanOrEqual(63);
    expect(first.name).toMatch(DNS_1123);
    expect(first.name.endsWith(`-${shortHash(id)}`)).toBe(true);
    expect(first.adjustments).toContain('truncated');
    expect(second).toEqual(first);
    // Two long ids sharing a prefix stay distinct.
    const other = toDnsLabel(`${id.slice(6)}x`, { hashSource: `${id}x` });
    expect(other.name).not.toBe(first.name);
  });

  it('never leaves a trailing dash before the hash', () => {
    const name = truncateWithHash(`${'a'.repeat(53)}------${'b'.repeat(10)}`, 63, 'seed');
    expect(name).toMatch(DNS_1123);
    expect(name).not.toContain('--');
  });

  it('gives a usable name when nothing valid is left', () => {
    const derived = toDnsLabel('___', { prefix: 'app' });
    expect(derived.name).toMatch(DNS_1123);
    expect(derived.name.startsWith('app-')).toBe(true);
  });

  it('keeps the suffix of child names readable within 63 characters', () => {
    expect(childName('api', 'headless')).toBe('api-headless');
    const long = childName('a'.repeat(63), 'headless');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long.endsWith('-headless')).toBe(true);
    expect(long).toMatch(DNS_1123);
  });
});

describe('port names', () => {
  it('fit IANA service names: 15 characters, a letter, no double dash, unique', () => {
    const taken = new Set<string>();
    const names = ['http', 'http', '8080', 'very-long-port-name-for-metrics', 'a--b', 'UPPER_case'].map((name) => toPortName(name, taken));
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(15);
      expect(name).toMatch(IANA_SVC_NAME);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('http');
    expect(names[2]).toBe('p-8080');
    expect(names[4]).toBe('a-b');
  });
});

describe('labels', () => {
  it('checks keys and values like the API server', () => {
    expect(isValidLabelKey('team')).toBe(true);
    expect(isValidLabelKey('example.com/team')).toBe(true);
    expect(isValidLabelKey('HAPROXY_0_VHOST')).toBe(true);
    expect(isValidLabelKey('weird key')).toBe(false);
    expect(isValidLabelKey('Example.com/x')).toBe(false);
    expect(isValidLabelValue('')).toBe(true);
    expect(isValidLabelValue('a'.repeat(64))).toBe(false);
    expect(isValidLabelValue('-a')).toBe(false);
  });

  it('derives valid label values', () => {
    expect(toLabelValue('prod-payments')).toBe('prod-payments');
    expect(toLabelValue('-a b_')).toBe('a-b');
    const long = toLabelValue('g'.repeat(100));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(isValidLabelValue(long)).toBe(true);
  });
});
