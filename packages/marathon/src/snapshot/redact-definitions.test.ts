import { describe, expect, it } from 'vitest';
import { REDACTED } from '../model/plaintext-secrets.js';
import { SNAPSHOT_VERSION, type MarathonSnapshot } from './marathon-snapshot.js';
import { redactSnapshot } from './redact-definitions.js';

const app = (id: string, password: string) => ({ id, cmd: 'run', env: { DB_PASSWORD: password, LOG: 'info' } });
const pod = (id: string, token: string) => ({ id, containers: [{ name: 'c', environment: { API_TOKEN: token }, artifacts: [{ uri: `https://u:${token}-uri@repo/a.tgz` }] }] });

describe('redactSnapshot', () => {
  const snapshot: MarathonSnapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    capturedAt: '2026-11-25T00:00:00.000Z',
    marathon: {
      version: '1.10.17',
      info: null,
      groups: {
        id: '/',
        apps: [app('/a', 'pw-tree-app')],
        pods: [{ id: '/p', spec: pod('/p', 'tok-tree-pod'), status: 'STABLE' }],
        groups: [{ id: '/g', apps: [app('/g/b', 'pw-nested-app'), { id: '/g/clean', cmd: 'run' }], groups: [] }],
      },
      pods: [{ id: '/q', spec: pod('/q', 'tok-pods-endpoint') }],
      deployments: [],
      queue: { queue: [{ app: app('/g/b', 'pw-queued-app'), delay: { overdue: false } }, { pod: pod('/p', 'tok-queued-pod') }] },
    },
  };

  it('replaces every plain-text credential of apps and pods in the tree, the pods list and the queue', () => {
    const text = JSON.stringify(redactSnapshot(snapshot));
    expect(text).not.toMatch(/pw-|tok-/);
    expect(text.split(REDACTED).length - 1).toBe(9); // 3 app env values, 3 pods × (env value + URI password)
    expect(text).toContain('"LOG":"info"');
  });

  it('leaves the input untouched and shares what needs no change', () => {
    const before = JSON.stringify(snapshot);
    const redacted = redactSnapshot(snapshot);
    expect(JSON.stringify(snapshot)).toBe(before);
    const nested = (redacted.marathon.groups.groups as { apps: unknown[] }[])[0]!;
    expect(nested.apps[1]).toBe((snapshot.marathon.groups.groups as { apps: unknown[] }[])[0]!.apps[1]);
  });
});
