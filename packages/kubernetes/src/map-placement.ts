import type { MapContext } from './context.js';
import type { K8sAffinity, K8sNodeSelectorRequirement, K8sPodAffinityTerm, K8sToleration, K8sTopologySpreadConstraint, StringMap } from './k8s-types.js';
import { selectorLabels, sortedRecord } from './metadata.js';
import { idSegments, isValidLabelKey, isValidLabelValue } from './names.js';

export interface PlacementResult {
  nodeSelector?: StringMap;
  affinity?: K8sAffinity;
  topologySpreadConstraints?: K8sTopologySpreadConstraint[];
  tolerations: K8sToleration[];
}

const WELL_KNOWN_KEYS: Readonly<Record<string, string>> = {
  hostname: 'kubernetes.io/hostname',
  '@hostname': 'kubernetes.io/hostname',
  '@region': 'topology.kubernetes.io/region',
  '@zone': 'topology.kubernetes.io/zone',
};

/** Node label key for a Mesos constraint field. */
export function nodeLabelKey(field: string, mapping: Readonly<Record<string, string>>): string {
  return WELL_KNOWN_KEYS[field] ?? mapping[field] ?? field;
}

/**
 * A Marathon regex as exact label values: a literal or a `a|b|c` alternation (optionally anchored
 * or grouped) gives the values, `.*`/`.+` gives `any`, anything else is not expressible.
 */
export function literalAlternatives(pattern: string): string[] | 'any' | undefined {
  let body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  if (/^\((?:\?:)?([^()]*)\)$/.test(body)) body = body.replace(/^\((?:\?:)?/, '').replace(/\)$/, '');
  if (body === '.*' || body === '.+') return 'any';
  const alternatives = body.split('|').map((alternative) => alternative.replace(/\\([.\-_])/g, '$1'));
  // An unescaped `.` is taken literally: in host and attribute values it almost always means a dot.
  if (alternatives.some((alternative) => alternative === '' || /[\\[\]{}()*+?^$|]/.test(alternative))) return undefined;
  return [...new Set(alternatives)];
}

export function mapPlacement(ctx: MapContext): PlacementResult {
  const { workload, options, report } = ctx;
  const nodeSelector: StringMap = {};
  const expressions: K8sNodeSelectorRequirement[] = [];
  const antiAffinity: K8sPodAffinityTerm[] = [];
  const podAffinity: K8sPodAffinityTerm[] = [];
  const spread: K8sTopologySpreadConstraint[] = [];
  const tolerations: K8sToleration[] = [];
  const selector = { matchLabels: selectorLabels(ctx.names) };
  const requiredLabels = new Set<string>();

  const select = (key: string, values: string[]) => {
    if (values.length === 1 && (nodeSelector[key] === undefined || nodeSelector[key] === values[0])) nodeSelector[key] = values[0]!;
    else expressions.push({ key, operator: 'In', values });
  };

  for (const constraint of workload.placement.constraints) {
    const operator = constraint.operator.toUpperCase();
    const { field, value, pointer } = constraint;
    const key = nodeLabelKey(field, options.nodeLabelMapping);
    const data = { field, operator, value: value ?? '', key };
    const unsupported = (messageId: 'regex' | 'operator' | 'value' | 'key' | 'missingValue') =>
      report('kubernetes/constraint-unsupported', messageId, { pointer, data, disposition: 'unsupported', subtree: true });
    const approximated = (messageId: 'maxPer' | 'clusterAny' | 'hostnameValue' | 'minDomains') =>
      report('kubernetes/constraint-approximated', messageId, { pointer, data: { ...data, version: ctx.target.kubernetesVersion }, disposition: 'approximated', subtree: true });

    if (!isValidLabelKey(key)) {
      unsupported('key');
      continue;
    }
    let mapped = true;
    switch (operator) {
      case 'UNIQUE':
        antiAffinity.push({ labelSelector: selector, topologyKey: key });
        break;
      case 'MAX_PER': {
        const limit = Number(value);
        if (!Number.isInteger(limit) || limit < 1) {
          unsupported('value');
          mapped = false;
        } else if (limit === 1) antiAffinity.push({ labelSelector: selector, topologyKey: key });
        else {
          spread.push({ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector });
          approximated('maxPer');
        }
        break;
      }
      case 'GROUP_BY': {
        const domains = Number(value);
        const wantsDomains = value !== undefined && value !== '' && Number.isInteger(domains) && domains > 1;
        // minDomains is on by default from 1.27 (beta) and GA in 1.30.
        const withDomains = wantsDomains && ctx.minor >= 27;
        spread.push({ maxSkew: 1, ...(withDomains ? { minDomains: domains } : {}), topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector });
        if (wantsDomains && !withDomains) approximated('minDomains');
        break;
      }
      case 'CLUSTER':
      case 'IS':
        if (value === undefined || value === '') {
          if (operator === 'IS') {
            unsupported('missingValue');
            mapped = false;
          } else {
            podAffinity.push({ labelSelector: selector, topologyKey: key });
            approximated('clusterAny');
          }
        } else if (!isValidLabelValue(value)) {
          unsupported('value');
          mapped = false;
        } else select(key, [value]);
        break;
      case 'LIKE':
      case 'UNLIKE': {
        if (value === undefined || value === '') {
          unsupported('missingValue');
          mapped = false;
          break;
        }
        const values = literalAlternatives(value);
        if (values === undefined) {
          unsupported('regex');
          mapped = false;
        } else if (values !== 'any' && !values.every(isValidLabelValue)) {
          unsupported('value');
          mapped = false;
        } else if (operator === 'LIKE') {
          if (values === 'any') expressions.push({ key, operator: 'Exists' });
          else select(key, values);
        } else if (values === 'any') expressions.push({ key, operator: 'DoesNotExist' });
        else expressions.push({ key, operator: 'NotIn', values });
        break;
      }
      default:
        unsupported('operator');
        mapped = false;
    }
    if (!mapped) continue;
    if (key === 'kubernetes.io/hostname' && value && !['UNIQUE', 'GROUP_BY', 'MAX_PER'].includes(operator)) approximated('hostnameValue');
    const wellKnown = Object.values(WELL_KNOWN_KEYS).includes(key);
    if (!wellKnown && !(ctx.target.nodeLabels ?? []).includes(key) && !requiredLabels.has(key)) {
      requiredLabels.add(key);
      report('kubernetes/node-label-required', 'label', { pointer, data: { field, label: key } });
    }
  }

  applyRoles(ctx, nodeSelector, tolerations);

  const result: PlacementResult = { tolerations };
  if (Object.keys(nodeSelector).length > 0) result.nodeSelector = sortedRecord(nodeSelector);
  const affinity: K8sAffinity = {};
  if (expressions.length > 0) affinity.nodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } };
  if (podAffinity.length > 0) affinity.podAffinity = { requiredDuringSchedulingIgnoredDuringExecution: dedupeTerms(podAffinity) };
  if (antiAffinity.length > 0) affinity.podAntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: dedupeTerms(antiAffinity) };
  if (Object.keys(affinity).length > 0) result.affinity = affinity;
  if (spread.length > 0) result.topologySpreadConstraints = spread;
  return result;
}

function dedupeTerms(terms: K8sPodAffinityTerm[]): K8sPodAffinityTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => !seen.has(term.topologyKey) && Boolean(seen.add(term.topologyKey)));
}

/**
 * `acceptedResourceRoles` without `*` pins the workload to agents of those roles; `role` is about
 * reservations and quota. Both go through `roleMapping`; unmapped ones are reported. A role equal
 * to the top-level group (Marathon `enforceRole`) is already expressed by the namespace.
 */
function applyRoles(ctx: MapContext, nodeSelector: StringMap, tolerations: K8sToleration[]): void {
  const { workload, options, report } = ctx;
  const apply = (role: string) => {
    const placement = options.roleMapping[role];
    if (!placement) return false;
    for (const [key, value] of Object.entries(placement.nodeSelector ?? {})) nodeSelector[key] = value;
    for (const toleration of placement.tolerations ?? []) {
      if (!tolerations.some((existing) => JSON.stringify(existing) === JSON.stringify(toleration))) tolerations.push({ ...toleration });
    }
    return true;
  };
  const accepted = workload.placement.acceptedResourceRoles ?? [];
  if (accepted.length > 0 && !accepted.includes('*')) {
    for (const role of [...accepted].sort()) {
      if (!apply(role)) report('kubernetes/role-not-mapped', 'acceptedRole', { data: { role, publicNote: role === 'slave_public' ? ' (DC/OS public agents)' : '' } });
    }
  }
  const role = workload.placement.role;
  if (role && role !== '*' && !accepted.includes(role) && !apply(role) && role !== 'slave_public' && role !== idSegments(workload.id)[0]) {
    report('kubernetes/role-not-mapped', 'role', { data: { role, publicNote: '' } });
  }
}
