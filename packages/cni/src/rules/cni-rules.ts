import { capabilityUnverified } from './capability-unverified.js';
import { hostNetworkRestricted } from './host-network-restricted.js';
import { hostPortConflict } from './host-port-conflict.js';
import { hostPortUnsupported } from './host-port-unsupported.js';
import { ipv6Unsupported } from './ipv6-unsupported.js';
import { multiNetworkRequired } from './multi-network-required.js';
import { namedNetworkUnmapped } from './named-network-unmapped.js';
import { networkPolicyUnsupported } from './network-policy-unsupported.js';
import { protocolUnsupported } from './protocol-unsupported.js';

/** Every CNI rule, keyed by its id (the key a plugin registers it under). */
export const cniRules = {
  'cni/network-policy-unsupported': networkPolicyUnsupported,
  'cni/host-port-unsupported': hostPortUnsupported,
  'cni/host-network-restricted': hostNetworkRestricted,
  'cni/multi-network-required': multiNetworkRequired,
  'cni/ipv6-unsupported': ipv6Unsupported,
  'cni/protocol-unsupported': protocolUnsupported,
  'cni/host-port-conflict': hostPortConflict,
  'cni/named-network-unmapped': namedNetworkUnmapped,
  'cni/capability-unverified': capabilityUnverified,
} as const;

export type CniRuleId = keyof typeof cniRules;
