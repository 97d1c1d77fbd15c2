import { BatonError } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { extractDefinitions } from './extract-definitions.js';

const ids = (document: unknown) => extractDefinitions(document, 'in.json').entries.map((entry) => [entry.id, entry.shape, entry.originPointer]);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (BatonError.isInstance(error)) return `${error.code} ${error.data.pointer ?? ''}`.trim();
    throw error;
  }
  return undefined;
}

describe('extractDefinitions', () => {
  it('accepts one app, {"app"}, {"apps"}, a list of apps and pods, and one pod', () => {
    expect(ids({ id: 'a', cmd: 'x' })).toEqual([['/a', 'app', '']]);
    expect(ids({ app: { id: '/a', cmd: 'x' } })).toEqual([['/a', 'app', '/app']]);
    expect(ids({ apps: [{ id: '/a', cmd: 'x' }, { id: 'b', cmd: 'y' }] })).toEqual([
      ['/a', 'app', '/apps/0'],
      ['/b', 'app', '/apps/1'],
    ]);
    expect(ids([{ id: '/a', cmd: 'x' }, { id: '/p', containers: [] }])).toEqual([
      ['/a', 'app', '/0'],
      ['/p', 'pod', '/1'],
    ]);
    expect(ids({ id: '/p', containers: [{ name: 'c' }] })).toEqual([['/p', 'pod', '']]);
  });

  it('walks groups: relative ids, PodStatus pods, and group dependencies inherited by every member', () => {
    const extraction = extractDefinitions(
      {
        id: '/',
        groups: [
          {
            id: 'prod',
            dependencies: ['../infra', 'data'],
            apps: [{ id: 'web', cmd: 'x' }],
            pods: [{ id: '/prod/pod', spec: { id: '/prod/pod', containers: [] }, status: 'STABLE' }],
            groups: [{ id: 'inner', dependencies: ['/other'], apps: [{ id: '/prod/inner/job', cmd: 'y' }] }],
          },
        ],
      },
      'groups.json',
    );
    expect(extraction.entries.map((entry) => [entry.id, entry.shape, entry.base, entry.inheritedDependencies])).toEqual([
      ['/prod/web', 'app', '/prod', ['/infra', '/prod/data']],
      ['/prod/pod', 'pod-status', '/prod', ['/infra', '/prod/data']],
      ['/prod/inner/job', 'app', '/prod/inner', ['/infra', '/prod/data', '/other']],
    ]);
    expect(extraction.entries[1]?.specPointer).toBe('/spec');
    expect(extraction.groups.map((group) => [group.id, group.dependencies])).toEqual([
      ['/prod', ['/infra', '/prod/data']],
      ['/prod/inner', ['/other']],
    ]);
  });

  it('places pods read beside the tree (/v2/pods/::status) in their groups, inheriting their dependencies', () => {
    const tree = { id: '/', groups: [{ id: '/prod', dependencies: ['/infra'], apps: [{ id: '/prod/web', cmd: 'x' }], groups: [{ id: '/prod/inner', dependencies: ['/db'] }] }] };
    const status = (id: string) => ({ id, spec: { id, containers: [{ name: 'c' }] }, status: 'STABLE' });
    // /prod/hidden is not in the tree (ACL-filtered): its pod inherits from /prod, the nearest group read
    const extraction = extractDefinitions(tree, '/v2/groups', { pods: [status('/prod/inner/a'), status('/prod/hidden/b'), status('/c'), { spec: {} }], origin: '/v2/pods/::status' });
    expect(extraction.entries.map((entry) => [entry.id, entry.shape, entry.base, entry.inheritedDependencies, entry.origin, entry.originPointer])).toEqual([
      ['/prod/web', 'app', '/prod', ['/infra'], undefined, '/groups/0/apps/0'],
      ['/prod/inner/a', 'pod-status', '/prod/inner', ['/infra', '/db'], '/v2/pods/::status', '/0'],
      ['/prod/hidden/b', 'pod-status', '/prod/hidden', ['/infra'], '/v2/pods/::status', '/1'],
      ['/c', 'pod-status', '/', [], '/v2/pods/::status', '/2'],
    ]);
    expect(extraction.skipped).toEqual([{ pointer: '/3/id', reason: 'it has no id' }]);
  });

  it('treats the empty root group as an estate with nothing in it', () => {
    expect(extractDefinitions({ id: '/' }, 'x').entries).toEqual([]);
  });

  it('rejects JSON that holds no definition with BATON1004', () => {
    expect(codeOf(() => extractDefinitions({ queue: [] }, 'x'))).toBe('BATON1004');
    expect(codeOf(() => extractDefinitions([], 'x'))).toBe('BATON1004');
    expect(codeOf(() => extractDefinitions([{ id: 'd1', affectedApps: [] }], 'x'))).toBe('BATON1004');
    expect(codeOf(() => extractDefinitions('text', 'x'))).toBe('BATON1004');
    expect(codeOf(() => extractDefinitions({ id: '44c4ed48' }, 'x'))).toBe('BATON1004');
  });

  it('rejects a lone definition without a usable id with BATON1005 and its pointer', () => {
    expect(codeOf(() => extractDefinitions({ cmd: 'sleep 55', cpus: 1 }, 'x'))).toBe('BATON1005 /id');
    expect(codeOf(() => extractDefinitions({ id: 7, cmd: 'x' }, 'x'))).toBe('BATON1005 /id');
    expect(codeOf(() => extractDefinitions({ app: { id: '/', cmd: 'x' } }, 'x'))).toBe('BATON1005 /app/id');
    expect(codeOf(() => extractDefinitions({ apps: [{ cmd: 'x' }] }, 'x'))).toBe('BATON1005 /apps/0/id');
  });

  it('skips unusable items of a larger document and keeps the rest', () => {
    const extraction = extractDefinitions([{ id: '/a', cmd: 'x' }, { cmd: 'no id' }, 'junk'], 'x');
    expect(extraction.entries.map((entry) => entry.id)).toEqual(['/a']);
    expect(extraction.skipped.map((item) => item.pointer)).toEqual(['/1/id', '/2']);
  });

  it('names unknown group fields and lists that are not lists: a typo such as `aps` must not drop apps unseen', () => {
    const extraction = extractDefinitions(
      {
        id: '/',
        groups: [
          { id: '/prod', aps: [{ id: 'lost', cmd: 'x' }], apps: { id: 'also-lost', cmd: 'y' }, labels: { team: 'a' }, groups: [{ id: 'ok', apps: [{ id: 'fine', cmd: 'z' }], pods: null }] },
        ],
        scaleBy: 2,
        version: '2025-01-01T00:00:00.000Z',
      },
      'in.json',
    );
    expect(extraction.entries.map((entry) => entry.id)).toEqual(['/prod/ok/fine']);
    expect(extraction.unknownGroupFields).toEqual(['/groups/0/aps', '/groups/0/labels']);
    expect(extraction.skipped).toEqual([{ pointer: '/groups/0/apps', reason: '`apps` must be a list' }]);
    // an `app` key on a group is an unknown field, not the {"app": …} document shape
    const mixed = extractDefinitions({ id: '/', app: { id: '/x', cmd: 'a' }, groups: [{ id: '/prod', apps: [{ id: 'web', cmd: 'b' }] }] }, 'in.json');
    expect([mixed.entries.map((entry) => entry.id), mixed.unknownGroupFields]).toEqual([['/prod/web'], ['/app']]);
  });
});
