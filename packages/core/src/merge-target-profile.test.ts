import { describe, expect, it } from 'vitest';
import { BatonError } from './errors/baton-error.js';
import { mergeTargetProfile, tryMergeTargetProfile, validateTargetProfile, type TargetProfileLayer } from './merge-target-profile.js';
import { GENERIC_TARGET } from './target-profile.js';

const cniHalf: TargetProfileLayer = {
  $source: '@baton/cni:demo',
  id: 'demo',
  title: 'Demo',
  cni: {
    plugin: 'calico',
    policyEngine: 'calico',
    confidence: 'declared',
    capabilities: { hostPort: { level: 'yes', note: 'portmap chained', source: 'calico.yaml' } },
  },
};

const csiHalf: TargetProfileLayer = {
  $source: '@baton/csi:demo',
  storage: {
    inventory: 'complete',
    defaultClass: 'fast',
    classes: [
      { name: 'fast', provisioner: 'ebs.csi.aws.com', isDefault: true },
      { name: 'shared', provisioner: 'efs.csi.aws.com', isDefault: false },
    ],
    drivers: [
      { name: 'ebs.csi.aws.com', accessModes: ['ReadWriteOnce'], volumeModes: ['Filesystem', 'Block'], expansion: 'yes', snapshots: 'yes', local: false },
      { name: 'efs.csi.aws.com', accessModes: ['ReadWriteMany'], volumeModes: ['Filesystem'], expansion: 'no', snapshots: 'no', local: false },
    ],
  },
};

describe('mergeTargetProfile', () => {
  it('composes the CNI and CSI halves over the base without touching the inputs', () => {
    const before = JSON.stringify(GENERIC_TARGET);
    const profile = mergeTargetProfile(GENERIC_TARGET, cniHalf, csiHalf);
    expect(profile.id).toBe('demo');
    expect(profile.cni.plugin).toBe('calico');
    expect(profile.storage.drivers.map((d) => d.name)).toEqual(['ebs.csi.aws.com', 'efs.csi.aws.com']);
    expect(profile.loadBalancer).toBe('unknown'); // from the base
    expect(JSON.stringify(GENERIC_TARGET)).toBe(before);
    expect(profile).not.toHaveProperty('$source');
  });

  it('replaces a capability whole, so a stale note never survives', () => {
    const profile = mergeTargetProfile(GENERIC_TARGET, cniHalf, csiHalf, { cni: { capabilities: { hostPort: { level: 'no' } } } });
    expect(profile.cni.capabilities.hostPort).toEqual({ level: 'no' });
  });

  it('merges named entries by name, adds new ones, removes with $remove, and deletes with null', () => {
    const profile = mergeTargetProfile(GENERIC_TARGET, cniHalf, csiHalf, {
      cni: { policyEngine: null },
      storage: {
        drivers: [
          { name: 'ebs.csi.aws.com', accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'] },
          { name: 'efs.csi.aws.com', $remove: true },
          { name: 'nfs.csi.k8s.io', accessModes: ['ReadWriteMany'], volumeModes: ['Filesystem'], expansion: 'no', snapshots: 'no', local: false },
        ],
      },
    });
    expect(profile.cni.policyEngine).toBeUndefined();
    expect(profile.storage.drivers).toEqual([
      expect.objectContaining({ name: 'ebs.csi.aws.com', accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], snapshots: 'yes' }),
      expect.objectContaining({ name: 'nfs.csi.k8s.io' }),
    ]);
  });

  it('makes defaultClass the single truth for isDefault', () => {
    const moved = mergeTargetProfile(GENERIC_TARGET, cniHalf, csiHalf, { storage: { defaultClass: 'shared' } });
    expect(moved.storage.classes.map((c) => [c.name, c.isDefault])).toEqual([['fast', false], ['shared', true]]);
    const cleared = mergeTargetProfile(GENERIC_TARGET, cniHalf, csiHalf, { storage: { defaultClass: null } });
    expect(cleared.storage.defaultClass).toBeUndefined();
    expect(cleared.storage.classes.every((c) => !c.isDefault)).toBe(true);
    const fromFlag = mergeTargetProfile(GENERIC_TARGET, { storage: { classes: [{ name: 'lp', provisioner: 'rancher.io/local-path', isDefault: true }] } });
    expect(fromFlag.storage.defaultClass).toBe('lp');
  });

  it('reports every problem with its layer and exact path', () => {
    const result = tryMergeTargetProfile(GENERIC_TARGET, cniHalf, csiHalf, {
      $source: 'baton.config.yaml#target',
      kubernetesVersion: '1.x' as never,
      cni: { capabilities: { hostport: { level: 'yes' } } as never, confidence: 'sure' as never },
      storage: { drivers: [{ name: 'ebs.csi.aws.com', accesModes: ['ReadWriteOnce'] } as never, { name: 'efs.csi.aws.com', accessModes: ['RWX'] as never }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.layer, p.path])).toEqual([
      ['baton.config.yaml#target', 'kubernetesVersion'],
      ['baton.config.yaml#target', 'cni.capabilities.hostport'],
      ['baton.config.yaml#target', 'cni.confidence'],
      ['baton.config.yaml#target', 'storage.drivers[name="ebs.csi.aws.com"].accesModes'],
      ['baton.config.yaml#target', 'storage.drivers[name="efs.csi.aws.com"].accessModes[0]'],
    ]);
    expect(result.problems[1]!.message).toContain('did you mean "hostPort"');
    expect(result.problems[3]!.message).toContain('did you mean "accessModes"');
  });

  it('requires complete capabilities and complete new entries, and checks the merged result', () => {
    const result = tryMergeTargetProfile(GENERIC_TARGET, {
      cni: { capabilities: { sctp: { note: 'no level' } as never } },
      storage: { defaultClass: 'missing', drivers: [{ name: 'x.csi', accessModes: ['ReadWriteOnce'] }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.layer} ${p.path}`)).toEqual(['layers[0] cni.capabilities.sctp.level']);
    const merged = tryMergeTargetProfile(GENERIC_TARGET, {
      storage: { defaultClass: 'missing', drivers: [{ name: 'x.csi', accessModes: ['ReadWriteOnce'] }] },
    });
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.problems.map((p) => `${p.layer} ${p.path}`)).toEqual([
      'merged storage.drivers[name="x.csi"].volumeModes',
      'merged storage.drivers[name="x.csi"].expansion',
      'merged storage.drivers[name="x.csi"].snapshots',
      'merged storage.drivers[name="x.csi"].local',
      'merged storage.defaultClass',
    ]);
  });

  it('refuses to delete required fields and throws BATON1010 from mergeTargetProfile', () => {
    let thrown: unknown;
    try {
      mergeTargetProfile(GENERIC_TARGET, { cni: null });
    } catch (error) {
      thrown = error;
    }
    expect(BatonError.isInstance(thrown)).toBe(true);
    expect((thrown as BatonError).code).toBe('BATON1010');
    expect((thrown as BatonError).message).toContain('layers[0]: cni: is required and cannot be deleted');
  });

  it('unions the unverified paths of all layers', () => {
    const profile = mergeTargetProfile(GENERIC_TARGET, { unverified: ['admission.podSecurity'] }, { unverified: ['loadBalancer', 'admission.podSecurity'] });
    expect(profile.unverified).toEqual(['admission.podSecurity', 'loadBalancer']);
  });

  it('validates unverified paths and complete profiles', () => {
    expect(validateTargetProfile(GENERIC_TARGET)).toEqual([]);
    const problems = validateTargetProfile({ ...GENERIC_TARGET, unverified: ['storage.defaultKlass'] });
    expect(problems.map((p) => p.path)).toEqual(['unverified[0]']);
    expect(validateTargetProfile({ ...GENERIC_TARGET, unverified: ['admission.podSecurity'] })).toEqual([]);
  });
});
