import { readFileSync } from 'node:fs';
import { GENERIC_TARGET, mergeTargetProfile, type ClusterSnapshot } from '@baton/core';
import { RuleTester } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import { persistent } from './__fixtures__/csi-fixtures.js';
import { detectStorage } from './detect-storage.js';
import { noDefaultStorageClass } from './rules/no-default-storage-class.js';

const snapshot = (name: string): ClusterSnapshot => JSON.parse(readFileSync(new URL(`./__fixtures__/snapshots/${name}.json`, import.meta.url), 'utf8'));
const profileOf = (name: string) => mergeTargetProfile(GENERIC_TARGET, detectStorage(snapshot(name)).layer);

describe('detectStorage', () => {
  it('EKS with the EBS and EFS add-ons: newest default wins, capabilities from the cluster', () => {
    const detection = detectStorage(snapshot('eks-with-addons'));
    expect(detection.confidence).toBe('high');
    const { storage } = mergeTargetProfile(GENERIC_TARGET, detection.layer);
    expect(storage.inventory).toBe('complete');
    expect(storage.defaultClass).toBe('gp3');
    expect(storage.classes.map((c) => [c.name, c.isDefault])).toEqual([['efs-sc', false], ['gp2', false], ['gp3', true]]);
    const ebs = storage.drivers.find((d) => d.name === 'ebs.csi.aws.com')!;
    expect(ebs).toMatchObject({ expansion: 'yes', snapshots: 'yes', topologyKeys: ['kubernetes.io/os', 'topology.ebs.csi.aws.com/zone', 'topology.kubernetes.io/zone'], ephemeral: false, unverifiedFields: ['minSizeMiB'] });
    expect(ebs.accessModes).toContain('ReadWriteMany'); // from the catalog: CSIDriver does not say
    const efs = storage.drivers.find((d) => d.name === 'efs.csi.aws.com')!;
    expect(efs).toMatchObject({ expansion: 'no', snapshots: 'no' });
    expect(detection.evidence).toContain('2 default StorageClasses; the newest, gp3, is assumed to win');
  });

  it('stock EKS: gp2 is the default but nothing serves it, so the plan reports provisionerMissing', async () => {
    const profile = profileOf('eks-stock');
    expect(profile.storage.drivers).toEqual([]);
    expect(profile.storage.defaultClass).toBe('gp2');
    const reports = await RuleTester.findings(noDefaultStorageClass, { workload: { volumes: [persistent()] }, target: profile });
    expect(reports.map((r) => r.messageId)).toEqual(['provisionerMissing']);
  });

  it('k3s: local-path, a non-CSI provisioner vouched for by its class', () => {
    const { storage } = profileOf('k3s');
    expect(storage.drivers.map((d) => [d.name, d.csi, d.enforcesSize])).toEqual([['rancher.io/local-path', false, false]]);
    expect(storage.defaultClass).toBe('local-path');
  });

  it('GKE: PD with topology from CSINode, no snapshots without a VolumeSnapshotClass, unknown drivers kept as unverified', () => {
    const { storage } = profileOf('gke');
    expect(storage.drivers.map((d) => d.name)).toEqual(['pd.csi.storage.gke.io', 'secrets-store-gke.csi.k8s.io']);
    const pd = storage.drivers[0]!;
    expect(pd).toMatchObject({ snapshots: 'no', expansion: 'yes', topologyKeys: ['topology.gke.io/zone'], ephemeral: false });
    expect(pd.unverifiedFields).toEqual(['accessModes', 'blockOnlyAccessModes', 'minSizeMiB']);
    expect(storage.drivers[1]).toMatchObject({ unverified: true, ephemeral: true, accessModes: ['ReadWriteOnce'] });
  });

  it('nothing readable: unknown inventory, low confidence; one list missing: partial', () => {
    const none = detectStorage({ snapshotVersion: 1 });
    expect([none.confidence, mergeTargetProfile(GENERIC_TARGET, none.layer).storage.inventory]).toEqual(['low', 'unknown']);
    const { csiDrivers: _omitted, ...withoutDrivers } = snapshot('gke');
    const partial = detectStorage(withoutDrivers);
    expect([partial.confidence, mergeTargetProfile(GENERIC_TARGET, partial.layer).storage.inventory]).toEqual(['low', 'partial']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(detectStorage(snapshot('eks-with-addons')))).toBe(JSON.stringify(detectStorage(snapshot('eks-with-addons'))));
  });
});
