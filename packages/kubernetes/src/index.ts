import { kubernetes } from './plugin.js';

export default kubernetes;
export { kubernetes };
export { kubernetesWriter, writeKubernetes, MANIFESTS_DIR } from './write-kubernetes.js';
export { KUBERNETES_RULES, type KubernetesRuleId } from './rules.js';
export { DEFAULT_OPTIONS, resolveOptions, type KubernetesWriterOptions, type NamespaceRule, type RolePlacement, type ResolvedOptions } from './options.js';
export { renderManifest } from './render-manifest.js';
export {
  childName,
  idSegments,
  isValidLabelKey,
  isValidLabelValue,
  sanitizeDnsLabel,
  shortHash,
  toDnsLabel,
  toLabelValue,
  toPortName,
  truncateWithHash,
  type DerivedName,
  type NameAdjustment,
} from './names.js';
export { assignNames, type NamedWorkload } from './assign-names.js';
export { placeInNamespace, type NamespacePlacement } from './namespaces.js';
export { computeWaves, type WaveInput, type WavePlan } from './waves.js';
export { deploymentStrategy, type DeploymentStrategy } from './map-rollout.js';
export { cpuQuantity, mebibyteQuantity } from './map-resources.js';
export { literalAlternatives, nodeLabelKey } from './map-placement.js';
export { escapeExpansion } from './map-env.js';
export { renderSecretsChecklist, type SecretChecklistEntry } from './secrets.js';
export { KUBERNETES_VERSION } from './version.js';
export * from './apply/index.js';
