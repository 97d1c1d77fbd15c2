import { CNI_CAPABILITY_NAMES, GENERIC_TARGET, tryMergeTargetProfile, validateTargetProfile } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { cniPluginCatalog } from '../catalog/cni-plugin-catalog.js';
import { BUILT_IN_PROFILE_IDS, cniProfiles, listProfiles } from './cni-profiles.js';

describe('cniProfiles', () => {
  it.each(BUILT_IN_PROFILE_IDS)('%s merges over the generic target into a valid profile with every capability', (id) => {
    const result = tryMergeTargetProfile(GENERIC_TARGET, cniProfiles[id]);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.profile.id).toBe(id);
    expect(validateTargetProfile(result.profile)).toEqual([]);
    expect(Object.keys(result.profile.cni.capabilities).sort()).toEqual([...CNI_CAPABILITY_NAMES].sort());
  });

  it('marks every "?" cell unknown and gives every known level a source', () => {
    for (const entry of Object.values(cniPluginCatalog)) {
      for (const [name, capability] of Object.entries(entry.capabilities)) {
        expect(['yes', 'partial', 'no', 'unknown'], `${entry.plugin}.${name}`).toContain(capability.level);
        expect(capability.source, `${entry.plugin}.${name} has no source`).toBeTruthy();
      }
    }
  });

  it('describes the brief\'s distinguishing facts', () => {
    expect(cniProfiles.eks.cni.capabilities.networkPolicy.level).toBe('no');
    expect(cniProfiles['eks-netpol'].cni.capabilities.networkPolicy.level).toBe('yes');
    expect(cniProfiles['gke-autopilot'].cni.capabilities.hostPort.level).toBe('no');
    expect(cniProfiles.openshift.admission).toEqual({ podSecurity: 'restricted', openshiftScc: 'restricted-v2' });
    expect(cniProfiles.openshift.cni.capabilities.multiNetwork.level).toBe('yes');
    expect(cniProfiles.k3s.reservedHostPorts).toEqual([80, 443]);
    expect(cniProfiles['kubeadm-flannel'].cni.capabilities.networkPolicy.level).toBe('no');
    expect(cniProfiles.aks.cni.policyEngine).toBe('cilium');
  });

  it('lists every profile with its unverified capabilities', () => {
    const summaries = listProfiles();
    expect(summaries.map((s) => s.id)).toEqual([...BUILT_IN_PROFILE_IDS]);
    expect(summaries.find((s) => s.id === 'kind')!.unverified).toEqual(['hostPort', 'sctp']);
    expect(summaries.find((s) => s.id === 'openshift')!.admission).toBe('SCC restricted-v2');
    expect(summaries.find((s) => s.id === 'generic')!.unverified).toHaveLength(CNI_CAPABILITY_NAMES.length - 1);
  });
});
