import { describe, expect, it } from 'vitest';
import { runWriter } from './__fixtures__/builders.js';
import { shownUri } from './map-artifacts.js';

describe('artifact findings', () => {
  it('never repeat a password or a query string of the URI; the init container keeps the URI as written', async () => {
    expect(shownUri('https://deploy:s3cr3t@artifacts.example.com/a.tgz')).toBe('https://deploy:***@artifacts.example.com/a.tgz');
    expect(shownUri('https://bucket.s3.amazonaws.com/a.tgz?X-Amz-Signature=abc#x')).toBe('https://bucket.s3.amazonaws.com/a.tgz?…#x');
    expect(shownUri('http://example.com/plain.jar')).toBe('http://example.com/plain.jar');
    const uri = 'https://deploy:s3cr3t@artifacts.example.com/a.tgz?token=t0k3n';
    const { findings, find } = await runWriter([
      { containers: [{ artifacts: [{ uri, extract: true, executable: false, cache: true, pointer: '/fetch/0' }, { uri: 'hdfs://u:s3cr3t@nn/x.zip', extract: false, executable: false, cache: false, pointer: '/fetch/1' }] }] },
    ]);
    expect(findings.map((finding) => `${finding.rule}#${finding.messageId}`)).toEqual(
      expect.arrayContaining(['kubernetes/artifact-fetch#fetched', 'kubernetes/artifact-fetch#cacheIgnored', 'kubernetes/artifact-unreachable#scheme']),
    );
    expect(JSON.stringify(findings)).not.toMatch(/s3cr3t|t0k3n/);
    expect(JSON.stringify(find('/prod/web', 'Deployment').spec.template.spec.initContainers)).toContain('s3cr3t');
  });

  it('reads a URI whose password the reader moved into a secret from that Secret, in every secrets mode', async () => {
    const workload = {
      secrets: [{ name: 'artifact-uri-0', source: '/prod/web#/fetch/0/uri', pointer: '/fetch/0/uri', plaintext: true }],
      containers: [{ artifacts: [{ uri: 'https://deploy@artifacts.example.com/a.tgz', uriSecret: 'artifact-uri-0', extract: true, executable: false, cache: false, pointer: '/fetch/0' }] }],
    };
    for (const secrets of ['skeleton', 'external-secrets']) {
      const { findings, find, objectsOf } = await runWriter([workload], { secrets });
      const [fetch] = find('/prod/web', 'Deployment').spec.template.spec.initContainers;
      expect(fetch.env).toEqual([{ name: 'ARTIFACT_URI_0', valueFrom: { secretKeyRef: { name: 'web-artifact-uri-0', key: 'value' } } }]);
      expect(fetch.command[2]).toContain('wget -q -O a.tgz "$ARTIFACT_URI_0"');
      expect(objectsOf('/prod/web').map((object) => `${object.kind}/${object.metadata.name}`)).toContain('Secret/web-artifact-uri-0');
      expect(findings.map((finding) => `${finding.rule}#${finding.messageId}`)).toContain('kubernetes/secret-value-required#plaintext');
    }
  });
});

