import { GENERIC_TARGET, mergeTargetProfile, type TargetProfileLayer } from '@baton/core';
import type { CliIo } from '../cli-io.js';
import { FACTS_VERSION } from '../resolve-target.js';

/**
 * Reads a live cluster (version, API discovery, nodes, CNI DaemonSets and ConfigMaps, storage
 * objects) and prints a facts document: the detected profile with its evidence, for `plan --facts`.
 */
export async function targetCaptureCommand(values: { context?: string; kubeconfig?: string }, io: CliIo): Promise<number> {
  const facts = await captureTargetFacts(values);
  io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
  const { detected } = facts;
  io.stderr(`Captured ${facts.context}: ${detected.cni.plugin} (${detected.cni.confidence} confidence), resembles profile ${detected.distribution}.\n`);
  return 0;
}

/** The facts document of a live cluster; also used by `migrate plan --context <ctx>`. */
export async function captureTargetFacts(values: { context?: string; kubeconfig?: string }) {
  const [{ readClusterFacts }, { detectCni, cniProfiles }, { detectStorage }] = await Promise.all([
    import('@baton/kubernetes'),
    import('@baton/cni'),
    import('@baton/csi'),
  ]);
  const cluster = await readClusterFacts({
    ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
    ...(values.context ? { context: values.context } : {}),
  });
  const cni = detectCni(cluster);
  const storage = detectStorage(cluster);
  const minor = /^v?1\.(\d+)/.exec(cluster.version?.gitVersion ?? '')?.[1];
  const identity: TargetProfileLayer = {
    $source: 'migrate target capture',
    id: `facts:${cluster.context}`,
    title: `Cluster ${cluster.context} (captured; resembles ${cni.distribution})`,
    ...(minor ? { kubernetesVersion: `1.${Number(minor)}` as `1.${number}` } : {}),
    servedApis: cluster.servedApis,
  };
  // The CNI half of the closest built-in profile supplies admission and ingress defaults; the
  // storage layer is the cluster's whole inventory, so it goes over the generic base only.
  const profile = mergeTargetProfile(
    GENERIC_TARGET,
    (cniProfiles as Record<string, TargetProfileLayer>)[cni.distribution],
    cni.layer,
    storage.layer,
    identity,
  );
  const facts = {
    factsVersion: FACTS_VERSION,
    context: cluster.context,
    detected: {
      distribution: cni.distribution,
      ...(cni.distributionNote ? { distributionNote: cni.distributionNote } : {}),
      cni: { plugin: cni.plugin, ...(cni.policyEngine ? { policyEngine: cni.policyEngine } : {}), confidence: cni.confidence, evidence: cni.evidence },
      storage: { confidence: storage.confidence, evidence: storage.evidence },
    },
    profile,
    cluster,
  };
  return facts;
}
