import { kubernetes } from './plugin.js';

export default kubernetes;
export { kubernetes };
export { kubernetesWriter, writeKubernetes, MANIFESTS_DIR } from './write-kubernetes.js';
export { KUBERNETES_RULES, type KubernetesRuleId } from './rules.js';
export {
  DEFAULT_OPTIONS,
  resolveOptions,
  type GatewayParent,
  type KubernetesWriterOptions,
  type NamespaceRule,
  type RolePlacement,
  type ResolvedOptions,
  type ServiceType,
} from './options.js';
export { namespaceMapOf, parseNamespaceMap, readNamespaceMap } from './namespace-map.js';
export { CHART_DIR, SHARED_FILE, renderManifestStream, splitImage, workloadFile, type Layout } from './layouts.js';
export { escapeTemplate, type WorkloadValues } from './helm-chart.js';
export {
  DNS_REWRITES_JSON,
  DNS_REWRITES_MD,
  mesosTaskName,
  renderDnsRewritesJson,
  renderDnsRewritesMarkdown,
  type DnsEntry,
  type DnsAssumption,
  type DnsEntryKind,
  DNS_ASSUMPTIONS,
  type DnsRewrite,
  type DnsRewriteTable,
} from './dns-rewrites.js';
export { controllerOf, HAPROXY_TEMPLATES, type IngressController } from './map-exposure.js';
export { parseVip, VIP_LABEL_PREFIX } from './map-vips.js';
export { effectiveServiceType, serviceTypeOf } from './map-ports.js';
export { findDanglingReferences, type DanglingReference, type ReferencePrerequisites } from './references.js';
export { validationVersion } from './plan-checks.js';
export { validateObjects, SUPPORTED_KUBERNETES_VERSIONS, type ManifestProblem, type ManifestProblemKind, type ValidateOptions } from './validation/index.js';
export { stringifyManifests } from './yaml/index.js';
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
