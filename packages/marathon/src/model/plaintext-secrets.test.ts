import { describe, expect, it } from 'vitest';
import { readMarathon } from '../read-marathon.js';
import { findPlaintextSecrets, REDACTED, redactDefinition, replacePasswords, withoutPasswords } from './plaintext-secrets.js';

describe('findPlaintextSecrets', () => {
  it('still finds a password URL inside a long value', () => {
    const blob = 'eyJtZXRhZGF0YSI6eyJDb250ZW50LVR5cGUiOiJhcHBsaWNhdGlvbi92bmQ'.repeat(400);
    // speed is the bench's to measure; the differential test below pins the linear matcher
    const found = findPlaintextSecrets({ labels: { DCOS_PACKAGE_DEFINITION: blob, MIRROR: `${blob} x1https://u:p@mirror/ ${blob}` } }, '', 'app');
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
        CASSANDRA_NUM_TOKENS: '256',
        ALLOW_EMPTY_PASSWORD: 'yes',
        SPARK_CONF_HADOOP_FS_S3A_AWS_CREDENTIALS_PROVIDER: 'org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider',
        MYSQL_PASSWORD_FILE: '/run/secrets/db',
        tokenTtl: '3600',
        SECRET_ENABLED: 'true',
        SSL_KEY_PASSWORD: 'changeit',
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
      'env /env/SSL_KEY_PASSWORD',
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

  it('replaces or removes every URL password and nothing else', () => {
    const value = 'a https://u:p1@h/x b postgres://v:p2@db:5432/y https://open@h/z';
    expect(replacePasswords(value, 'R')).toBe('a https://u:R@h/x b postgres://v:R@db:5432/y https://open@h/z');
    expect(withoutPasswords(value)).toBe('a https://u@h/x b postgres://v@db:5432/y https://open@h/z');
    expect(withoutPasswords('https://repo/a.tgz')).toBe('https://repo/a.tgz');
  });
});

describe('the reader keeps plain-text credentials out of the model', () => {
  const app = {
    id: '/prod/api',
    cmd: 'serve',
    env: { DB_PASSWORD: 'value-1111', DATABASE_URL: 'postgres://app:value-2222@db:5432/x', LOG: 'info', TOKEN_REF: { secret: 'store' } },
    secrets: { store: { source: '/prod/token' } },
    labels: { 'db-password': 'value-3333', team: 'a', HAPROXY_0_AUTH: 'realm:admin:value-4444' },
    fetch: [{ uri: 'https://deploy:value-5555@repo/api.tgz', extract: true }, { uri: 'https://repo/plain.tgz' }],
  };
  const values = ['value-1111', 'value-2222', 'value-3333', 'value-5555'];

  it('moves env values and URI passwords into plaintext secret declarations and drops credential labels', async () => {
    const { model, coverage } = await readMarathon({ kind: 'stdin', location: '-', text: JSON.stringify(app) });
    const [workload] = model.workloads;
    expect(JSON.stringify(model)).not.toMatch(new RegExp(values.join('|')));
    expect(workload!.containers[0]!.env).toEqual([
      { name: 'DB_PASSWORD', secret: 'env-DB_PASSWORD', pointer: '/env/DB_PASSWORD' },
      { name: 'DATABASE_URL', secret: 'env-DATABASE_URL', pointer: '/env/DATABASE_URL' },
      { name: 'LOG', value: 'info', pointer: '/env/LOG' },
      { name: 'TOKEN_REF', secret: 'store', pointer: '/env/TOKEN_REF' },
    ]);
    expect(workload!.secrets.map((secret) => [secret.name, secret.source, secret.plaintext ?? false])).toEqual([
      ['store', '/prod/token', false],
      ['env-DB_PASSWORD', '/prod/api#/env/DB_PASSWORD', true],
      ['env-DATABASE_URL', '/prod/api#/env/DATABASE_URL', true],
      ['artifact-uri-0', '/prod/api#/fetch/0/uri', true],
    ]);
    expect(workload!.containers[0]!.artifacts.map((artifact) => [artifact.uri, artifact.uriSecret])).toEqual([
      ['https://deploy@repo/api.tgz', 'artifact-uri-0'],
      ['https://repo/plain.tgz', undefined],
    ]);
    expect(Object.keys(workload!.labels)).toEqual(['team', 'HAPROXY_0_AUTH']);
    const ledger = new Map(coverage.get('/prod/api')!.map((entry) => [entry.pointer, entry]));
    for (const pointer of ['/env/DB_PASSWORD', '/env/DATABASE_URL', '/labels/db-password', '/fetch/0/uri']) {
      expect([pointer, ledger.get(pointer)?.disposition, ledger.get(pointer)?.ruleId]).toEqual([pointer, 'approximated', 'marathon/plaintext-secret']);
    }
  });

  it('redacts the same places in a copy, which plans to the same model', async () => {
    const redacted = redactDefinition(app, 'app');
    expect(JSON.stringify(redacted)).not.toMatch(new RegExp([...values, 'value-4444'].join('|')));
    expect(JSON.stringify(redacted)).toContain(REDACTED);
    expect(app.env.DB_PASSWORD).toBe('value-1111');
    expect(findPlaintextSecrets(redacted, '', 'app')).toEqual(findPlaintextSecrets(app, '', 'app'));
    const plan = async (definition: unknown) => (await readMarathon({ kind: 'stdin', location: '-', text: JSON.stringify(definition) })).model.workloads;
    const [original, copy] = [await plan(app), await plan(redacted)];
    // only the marathon-lb auth label differs (its hash), and no writer copies that label's value
    const withoutAuth = (workloads: typeof original) => JSON.parse(JSON.stringify(workloads).replace(/realm:admin:[^"]*/g, 'realm:admin:*'));
    expect(withoutAuth(copy)).toEqual(withoutAuth(original));
  });

  it('copies only the way to each redacted value and leaves the definition as it was', () => {
    const pod = {
      id: '/db',
      containers: [
        { name: 'a', environment: { PLAIN: 'x' }, resources: { cpus: 1 } },
        { name: 'b', environment: { DB_PASSWORD: 'value-9999', MODE: 'rw' }, labels: { HAPROXY_0_AUTH: 'realm:admin:hash' } },
      ],
      labels: { HAPROXY_0_AUTH: 'realm:admin:hash', team: 'x' },
    };
    const before = structuredClone(pod);
    const redacted = redactDefinition(pod, 'pod') as typeof pod;
    expect(pod).toEqual(before);
    expect(redacted.containers[1]!.environment).toEqual({ DB_PASSWORD: REDACTED, MODE: 'rw' });
    expect(redacted.labels).toEqual({ HAPROXY_0_AUTH: `realm:admin:${REDACTED}`, team: 'x' });
    expect(redacted.containers[0]).toBe(pod.containers[0]);
    expect(findPlaintextSecrets(redacted, '', 'pod')).toEqual(findPlaintextSecrets(pod, '', 'pod'));
  });

  it('scans a definition it found clean once', () => {
    const clean = { id: '/web', env: { LOG: 'info' }, labels: { team: 'x' } };
    expect(redactDefinition(clean, 'app')).toBe(clean);
    expect(findPlaintextSecrets(clean, '/spec', 'app')).toEqual([]);
  });
});
