import { cni } from './cni.js';

export default cni;
export { cni, withDefaults } from './cni.js';
export { CNI_VERSION } from './version.js';
export { cniRules, type CniRuleId } from './rules/cni-rules.js';
export { networkPolicyUnsupported } from './rules/network-policy-unsupported.js';
export { hostPortUnsupported } from './rules/host-port-unsupported.js';
export { hostNetworkRestricted } from './rules/host-network-restricted.js';
export { multiNetworkRequired } from './rules/multi-network-required.js';
export { ipv6Unsupported } from './rules/ipv6-unsupported.js';
export { protocolUnsupported } from './rules/protocol-unsupported.js';
export { hostPortConflict } from './rules/host-port-conflict.js';
export { namedNetworkUnmapped } from './rules/named-network-unmapped.js';
export { capabilityUnverified } from './rules/capability-unverified.js';
export { resolveCniOptions, validateCniOptions, PRIMARY_NETWORK, type CniOptions, type ResolvedCniOptions } from './cni-options.js';
export { cniPluginCatalog, type CniPluginEntry, type CniPluginName, type CniCapabilities } from './catalog/cni-plugin-catalog.js';
export { cniProfiles, listProfiles, BUILT_IN_PROFILE_IDS, type BuiltInProfileId, type CniProfileSummary } from './profiles/cni-profiles.js';
export { runCheckers, renderFinding } from './run-checkers.js';
export {
  networkPoliciesFor,
  labelKey,
  type NetworkPoliciesOptions,
  type NetworkPoliciesResult,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type LabelSelector,
} from './network-policies-for.js';
export { detectCni, type CniDetection } from './detect-cni.js';
