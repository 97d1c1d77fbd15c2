// What tooling/schemas/generate-validators.mjs reads, pinned. Change here, re-run, commit.

/** Kubernetes minors the validator answers for ('1.NN'). */
export const SUPPORTED_MINORS = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];

/**
 * One @kubernetes/client-node release per Kubernetes minor its models were generated from (the
 * "OpenAPI spec version" in dist/gen). No release was generated from 1.31 or 1.35: those minors
 * accept a field only if the releases on both sides have it. 2.0.1 says "release-1.36".
 */
export const CLIENT_NODE_BY_MINOR = {
  '1.28': '0.20.0',
  '1.29': '0.21.0',
  '1.30': '0.22.3',
  '1.32': '1.1.2',
  '1.33': '1.3.0',
  '1.34': '1.4.0',
  '1.36': '2.0.1',
};

/** Installed once into the work directory (not into the repo). */
export const TOOLS = {
  'kubernetes-models': '5.1.0',
  '@kubernetes-models/gateway-api': '2.0.0',
  '@kubernetes-models/external-secrets': '2.0.0',
  ajv: '8.20.0',
  esbuild: '0.28.2',
  typescript: '5.9.3',
};

const core = (apiVersion, kind, group) => ({
  apiVersion,
  kind,
  clientType: `${apiVersion.split('/').pop().replace(/^v/, 'V')}${kind}`,
  kmSchema: `kubernetes-models/_schemas/IoK8sApi${group}${apiVersion.split('/').pop().replace(/^v/, 'V')}${kind}`,
});

/** Built-in kinds Baton emits: client-node model class and kubernetes-models schema per kind. */
export const BUILT_IN_KINDS = [
  core('v1', 'Namespace', 'Core'),
  core('v1', 'Service', 'Core'),
  core('v1', 'ConfigMap', 'Core'),
  core('v1', 'Secret', 'Core'),
  core('v1', 'PersistentVolumeClaim', 'Core'),
  core('v1', 'PersistentVolume', 'Core'),
  core('v1', 'ServiceAccount', 'Core'),
  core('apps/v1', 'Deployment', 'Apps'),
  core('apps/v1', 'StatefulSet', 'Apps'),
  core('apps/v1', 'DaemonSet', 'Apps'),
  core('batch/v1', 'Job', 'Batch'),
  core('batch/v1', 'CronJob', 'Batch'),
  core('networking.k8s.io/v1', 'Ingress', 'Networking'),
  core('networking.k8s.io/v1', 'IngressClass', 'Networking'),
  core('networking.k8s.io/v1', 'NetworkPolicy', 'Networking'),
  core('policy/v1', 'PodDisruptionBudget', 'Policy'),
  core('autoscaling/v2', 'HorizontalPodAutoscaler', 'Autoscaling'),
];

/** CRDs: structure from kubernetes-models .d.ts, or a hand-written schema and table. */
export const CRD_KINDS = [
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    dts: '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute',
    kmSchema: '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1HTTPRoute',
  },
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    dts: '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret',
    kmSchema: '@kubernetes-models/external-secrets/_schemas/ComGithubExternalSecretsExternalSecretsApisExternalsecretsV1ExternalSecret',
  },
  {
    // Multus' CRD (k8snetworkplumbingwg/network-attachment-definition-client, v1): only
    // spec.config, a JSON string. No kubernetes-models package covers it.
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind: 'NetworkAttachmentDefinition',
    schema: {
      type: 'object',
      required: ['apiVersion', 'kind'],
      properties: {
        apiVersion: { type: 'string', enum: ['k8s.cni.cncf.io/v1'] },
        kind: { type: 'string', enum: ['NetworkAttachmentDefinition'] },
        metadata: { type: 'object' },
        spec: { type: 'object', properties: { config: { type: 'string' } } },
      },
    },
    tableRoot: 'k8s.cni.cncf.io.v1.NetworkAttachmentDefinition',
    table: {
      'k8s.cni.cncf.io.v1.NetworkAttachmentDefinition': {
        apiVersion: '',
        kind: '',
        metadata: 'V1ObjectMeta',
        spec: 'k8s.cni.cncf.io.v1.NetworkAttachmentDefinitionSpec',
      },
      'k8s.cni.cncf.io.v1.NetworkAttachmentDefinitionSpec': { config: '' },
    },
  },
];

/**
 * Fields Baton may emit that are in the OpenAPI before their feature gate is on by default
 * (alpha fields are dropped by an API server whose gate is off). Minor = first beta/GA default-on
 * release, from the Kubernetes feature-gate reference.
 */
export const FEATURE_GATES = {
  'V1ServiceSpec.trafficDistribution': { since: '1.31', gate: 'ServiceTrafficDistribution' },
  'V1Container.resizePolicy': { since: '1.33', gate: 'InPlacePodVerticalScaling' },
  'V1LifecycleHandler.sleep': { since: '1.30', gate: 'PodLifecycleSleepAction' },
  'V1PodSpec.resources': { since: '1.34', gate: 'PodLevelResources' },
  'V1JobSpec.successPolicy': { since: '1.31', gate: 'JobSuccessPolicy' },
  'V1JobSpec.managedBy': { since: '1.32', gate: 'JobManagedBy' },
  'V1Volume.image': { since: '1.35', gate: 'ImageVolume' },
};
