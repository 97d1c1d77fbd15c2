import { GENERIC_TARGET, tryMergeTargetProfile, validateTargetProfile } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { csiDriverCatalog } from '../catalog/csi-driver-catalog.js';
import { BUILT_IN_PROFILE_IDS, csiProfiles, listProfiles } from './csi-profiles.js';

describe('csiProfiles', () => {
  it.each(BUILT_IN_PROFILE_IDS)('%s merges over the generic target into a valid profile', (id) => {
    const result = tryMergeTargetProfile(GENERIC_TARGET, csiProfiles[id]);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(validateTargetProfile(result.profile)).toEqual([]);
    const { storage } = result.profile;
    // Every class the profile lists is served by a listed driver, except classes marked unverified (EKS gp2 needs the add-on).
    for (const storageClass of storage.classes) {
      const served = storage.drivers.some((d) => d.name === storageClass.provisioner || d.aliases?.includes(storageClass.provisioner));
      expect(served || storageClass.unverified, `${id}: ${storageClass.name}`).toBeTruthy();
    }
  });

  it('validates every catalog driver and marks unverified minimum sizes', () => {
    for (const driver of Object.values(csiDriverCatalog)) {
      const result = tryMergeTargetProfile(GENERIC_TARGET, { storage: { drivers: [driver] } });
      expect(result.ok ? [] : result.problems, driver.name).toEqual([]);
      if ('minSizeMiB' in driver) expect(driver.unverifiedFields, driver.name).toContain('minSizeMiB');
      expect('source' in driver || ('unverified' in driver && driver.unverified), `${driver.name} needs a source or unverified`).toBe(true);
    }
  });

  it('describes the reference\'s storage facts', () => {
    expect(csiProfiles['kubeadm-calico'].storage.defaultClass).toBeUndefined();
    expect(csiProfiles.eks.storage.defaultClass).toBeUndefined();
    expect(csiProfiles.kind.storage.defaultClass).toBe('standard');
    expect(csiProfiles.k3s.storage.drivers.map((d) => d.name)).toEqual(['rancher.io/local-path']);
    expect(csiProfiles.aks.storage.drivers.map((d) => d.name)).toEqual(['disk.csi.azure.com', 'file.csi.azure.com']);
    expect(csiProfiles.openshift.storage.inventory).toBe('unknown');
    expect(csiProfiles['gke-autopilot'].admission.allowedHostPathPrefixes).toEqual(['/var/log/']);
  });

  it('lists every profile with its unverified data', () => {
    const summaries = listProfiles();
    expect(summaries.map((s) => s.id)).toEqual([...BUILT_IN_PROFILE_IDS]);
    expect(summaries.find((s) => s.id === 'gke')!.unverified).toEqual([
      'class standard-rwo',
      'class standard',
      'driver pd.csi.storage.gke.io (accessModes, blockOnlyAccessModes, topologyKeys, minSizeMiB)',
    ]);
  });
});
