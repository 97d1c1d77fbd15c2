import { describe, expect, it } from 'vitest';
import { sortedJsonRecord, sortedRecord, splitSourceLabels } from './metadata.js';

describe('Marathon labels', () => {
  it('become labels, annotations of the same key, or the JSON annotation, as Kubernetes allows', () => {
    const long = 'x'.repeat(64);
    expect(
      splitSourceLabels({
        team: 'payments',
        'example.com/tier': 'web',
        owner: 'team payments',
        description: long,
        'cost center': '42',
        'kubernetes.io/role': 'db',
        HAPROXY_0_VHOST: 'a.example.com',
        DCOS_SERVICE_NAME: 'grafana',
        HAPROXY_0_AUTH: 'realm:user:$6$hash',
        HAPROXY_AUTH: 'realm:user:$6$hash',
      }),
    ).toEqual({
      labels: { 'example.com/tier': 'web', team: 'payments' },
      annotations: {
        'baton.dev/source-labels': JSON.stringify({
          DCOS_SERVICE_NAME: 'grafana',
          HAPROXY_0_AUTH: '<redacted>',
          HAPROXY_0_VHOST: 'a.example.com',
          HAPROXY_AUTH: '<redacted>',
          'cost center': '42',
          'kubernetes.io/role': 'db',
        }),
        description: long,
        owner: 'team payments',
      },
    });
  });

  it('keeps reserved prefixes, also under a sub-domain, out of the labels', () => {
    const split = splitSourceLabels({
      'node.kubernetes.io/pool': 'a',
      'k8s.io/x': 'b',
      'app.kubernetes.io/name': 'c',
      'team.baton.dev/owner': 'd',
      'kubernetes.io.example.com/y': 'e',
      'example.com/k8s.io': 'f',
    });
    expect(Object.keys(split.labels)).toEqual(['example.com/k8s.io', 'kubernetes.io.example.com/y']);
    expect(Object.keys(JSON.parse(split.annotations['baton.dev/source-labels']!))).toEqual([
      'app.kubernetes.io/name',
      'k8s.io/x',
      'node.kubernetes.io/pool',
      'team.baton.dev/owner',
    ]);
  });

  it('keeps a 63-character value as a label', () => {
    expect(splitSourceLabels({ note: 'y'.repeat(63) }).labels).toEqual({ note: 'y'.repeat(63) });
  });
});

describe('sortedJsonRecord', () => {
  it('is the JSON of the sorted record, array-index keys included', () => {
    const cases: [string, unknown][][] = [
      [],
      [['web', 80], ['admin', 9090], ['Zed', 1]],
      [['b', { z: '1', a: '2' }], ['a"quoted\\', { k: 'v' }], ['ü', 1], ['😀', 2]],
      [['10', 1], ['9', 2], ['x', 3], ['01', 4], ['4294967295', 5]],
    ];
    for (const entries of cases) expect(sortedJsonRecord(entries)).toBe(JSON.stringify(sortedRecord(Object.fromEntries(entries))));
  });
});
