// The small subset of Kubernetes object shapes the writer builds. Plain data: objects are rendered
// as built, in insertion order, so key order here is the key order of the manifests.

export type StringMap = Record<string, string>;

export interface K8sMetadata {
  name: string;
  namespace?: string;
  labels?: StringMap;
  annotations?: StringMap;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: K8sMetadata;
  [key: string]: unknown;
}

export interface K8sEnvVar {
  name: string;
  value?: string;
  valueFrom?:
    | { fieldRef: { fieldPath: string } }
    | { secretKeyRef: { name: string; key: string } }
    | { resourceFieldRef: { containerName?: string; resource: string; divisor?: string } };
}

export interface K8sContainerPort {
  name: string;
  containerPort: number;
  hostPort?: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export type K8sProbeAction =
  | { httpGet: { path: string; port: string | number; scheme: 'HTTP' | 'HTTPS' } }
  | { tcpSocket: { port: string | number } }
  | { exec: { command: string[] } };

export type K8sProbe = K8sProbeAction & {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
};

export interface K8sVolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
  readOnly?: boolean;
}

export interface K8sSecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type: 'Unconfined' | 'RuntimeDefault' | 'Localhost'; localhostProfile?: string };
  appArmorProfile?: { type: 'Unconfined' | 'RuntimeDefault' | 'Localhost'; localhostProfile?: string };
}

export interface K8sContainer {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: K8sContainerPort[];
  env?: K8sEnvVar[];
  resources?: { requests?: StringMap; limits?: StringMap };
  volumeMounts?: K8sVolumeMount[];
  livenessProbe?: K8sProbe;
  readinessProbe?: K8sProbe;
  startupProbe?: K8sProbe;
  securityContext?: K8sSecurityContext;
  stdin?: boolean;
  tty?: boolean;
}

export interface K8sVolume {
  name: string;
  emptyDir?: { medium?: 'Memory'; sizeLimit?: string };
  hostPath?: { path: string };
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
}

export interface K8sToleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface K8sLabelSelector {
  matchLabels: StringMap;
}

export interface K8sNodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface K8sAffinity {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { matchExpressions: K8sNodeSelectorRequirement[] }[] } };
  podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution: K8sPodAffinityTerm[] };
  podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution: K8sPodAffinityTerm[] };
}

export interface K8sPodAffinityTerm {
  labelSelector: K8sLabelSelector;
  topologyKey: string;
}

export interface K8sTopologySpreadConstraint {
  maxSkew: number;
  minDomains?: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector: K8sLabelSelector;
}

export interface K8sPodSpec {
  hostname?: string;
  hostIPC?: boolean;
  hostPID?: boolean;
  enableServiceLinks?: boolean;
  securityContext?: { sysctls?: { name: string; value: string }[]; supplementalGroups?: number[] };
  imagePullSecrets?: { name: string }[];
  initContainers?: K8sContainer[];
  containers: K8sContainer[];
  volumes?: K8sVolume[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  nodeSelector?: StringMap;
  affinity?: K8sAffinity;
  topologySpreadConstraints?: K8sTopologySpreadConstraint[];
  tolerations?: K8sToleration[];
  hostAliases?: { ip: string; hostnames: string[] }[];
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
}
