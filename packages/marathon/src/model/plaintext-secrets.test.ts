import { describe, expect, it } from 'vitest';
import { readMarathon } from '../read-marathon.js';
import { findPlaintextSecrets } from './plaintext-secrets.js';

describe('findPlaintextSecrets', () => {
  it('checks long base64 label values in linear time and still finds a password URL inside a long value', () => {
    const blob = 'eyJtZXRhZGF0YSI6eyJDb250ZW50LVR5cGUiOiJhcHBsaWNhdGlvbi92bmQ'.repeat(400);
    const started = performance.now();
    const found = findPlaintextSecrets({ labels: { DCOS_PACKAGE_DEFINITION: blob, MIRROR: `${blob} x1https://u:p@mirror/ ${blob}` } }, '', 'app');
    expect(performance.now() - started).toBeLessThan(200);
    expect(found.map((entry) => entry.pointer)).toEqual(['/labels/MIRROR']);
  });

  it('finds a URL with a password exactly where the scheme://user:password@ regex does', () => {
    const regex = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
    const alphabet = ['a', 'Z', '1', '+', '.', '-', ':', '/', '@', ' ', 'x', '://', 'u:p@'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 3000; round++) {
      const value = Array.from({ length: 1 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const found = findPlaintextSecrets({ env: { SOME_URL: value } }, '', 'app').length > 0;
      expect([value, found]).toEqual([value, value.trim() !== '' && regex.test(value)]);
    }
  });

  it('names credential-like env variables and labels with literal values, and URLs with a password', () => {
    const app = {
      env: {
        DB_PASSWORD: 'hunter2',
        dbPassword: 'x',
        MYSQL_PASS: 'x',
        API_TOKEN: 'x',
        CLIENT_SECRET: 'x',
        'aws-api-key': 'x',
        DATABASE_URL: 'postgres://app:pw@db:5432/app',
        PUBLIC_URL: 'https://user@example.com/',
        SECRET_FROM_STORE: { secret: 'db' },
        PASSWORD_REF: '${DB_PASSWORD}',
        EMPTY_TOKEN: '',
        BYPASS_CACHE: 'true',
        PASSENGER_COUNT: '3',
        LOG_LEVEL: 'info',
      },
      labels: { 'db-password': 'x', team: 'a' },
    };
    expect(findPlaintextSecrets(app, '', 'app').map((found) => `${found.kind} ${found.pointer}`)).toEqual([
      'env /env/DB_PASSWORD',
      'env /env/dbPassword',
      'env /env/MYSQL_PASS',
      'env /env/API_TOKEN',
      'env /env/CLIENT_SECRET',
      'env /env/aws-api-key',
      'env /env/DATABASE_URL',
      'label /labels/db-password',
    ]);
  });

  it('reads pod and container environments and container labels, under the PodStatus spec', () => {
    const pod = {
      environment: { TOKEN: 't' },
      containers: [{ name: 'c', environment: { PASSWORD: 'p' }, labels: { secret: 's' }, artifacts: [{ uri: 'https://example.com/a' }, { uri: 'https://u:p@example.com/b' }] }, 'junk'],
    };
    expect(findPlaintextSecrets(pod, '/spec', 'pod').map((found) => found.pointer)).toEqual([
      '/spec/environment/TOKEN',
      '/spec/containers/0/environment/PASSWORD',
      '/spec/containers/0/labels/secret',
      '/spec/containers/0/artifacts/1/uri',
    ]);
  });

  it('names artifact URIs with a password (fetch and legacy uris)', () => {
    const app = { fetch: [{ uri: 'https://deploy:pw@repo/a.tgz' }, { uri: 'https://repo/b.tgz' }, 'junk'], uris: ['s3://key:secret@bucket/c', 'http://repo/d'] };
    expect(findPlaintextSecrets(app, '', 'app').map((found) => `${found.kind} ${found.pointer}`)).toEqual(['uri /fetch/0/uri', 'uri /uris/0']);
  });

  it('is reported by the reader as marathon/plaintext-secret, whose message never holds the value', async () => {
    const text = JSON.stringify({ id: '/a', cmd: 'run', env: { DB_PASSWORD: 'value-7e1f', LOG: 'info' }, fetch: [{ uri: 'https://u:value-7e1f@repo/a.tgz' }] });
    const { findings } = await readMarathon({ kind: 'stdin', location: '-', text });
    const secret = findings.filter((finding) => finding.ruleId === 'marathon/plaintext-secret');
    expect(secret.map((finding) => [finding.pointer, finding.severity])).toEqual([
      ['/env/DB_PASSWORD', 'warning'],
      ['/fetch/0/uri', 'warning'],
    ]);
    expect(secret.map((finding) => finding.message).join(' ')).not.toContain('{{');
    expect(JSON.stringify(findings)).not.toContain('value-7e1f');
  });
});
