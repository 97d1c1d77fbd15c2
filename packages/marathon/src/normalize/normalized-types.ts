import type { JsonPointer } from '@baton/core';
import type { JsonObject } from './lenient.js';

// Marathon's canonical (1.5+) shapes after its own normalization (reference §6.4, §6.5, §7), with
// the JSON pointer of the source value that produced each list item. A synthesized default item
// (the default port, the default network) points at the field that would have held it.

export type NetworkMode = 'host' | 'container/bridge' | 'container';
export type KillSelection = 'YOUNGEST_FIRST' | 'OLDEST_FIRST';
export type UnreachableStrategy = 'disabled' | { readonly inactiveAfterSeconds: number; readonly expungeAfterSeconds: number };

export interface NormalizedNetwork {
  readonly mode: NetworkMode;
  readonly name?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly pointer: JsonPointer;
}

export type NormalizedEnvVar =
  | { readonly name: string; readonly value: string; readonly pointer: JsonPointer }
  | { readonly name: string; readonly secret: string; readonly pointer: JsonPointer };

export interface NormalizedSecret {
  readonly name: string;
  readonly source: string;
  readonly pointer: JsonPointer;
}

export interface NormalizedArtifact {
  readonly uri: string;
  readonly extract: boolean;
  readonly executable: boolean;
  readonly cache: boolean;
  readonly destPath?: string;
  readonly pointer: JsonPointer;
}

export interface NormalizedConstraint {
  readonly field: string;
  readonly operator: string;
  readonly value?: string;
  readonly pointer: JsonPointer;
}

export interface NormalizedPortDefinition {
  readonly port: number;
  readonly protocol: string;
  readonly name?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly pointer: JsonPointer;
}

export interface NormalizedPortMapping {
  readonly containerPort: number;
  readonly hostPort?: number;
  readonly servicePort: number;
  readonly protocol: string;
  readonly name?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly networkNames?: readonly string[];
  readonly pointer: JsonPointer;
}

export type HealthCheckProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'COMMAND' | 'MESOS_HTTP' | 'MESOS_HTTPS' | 'MESOS_TCP';

export interface NormalizedHealthCheck {
  readonly protocol: HealthCheckProtocol;
  readonly path?: string;
  readonly portIndex?: number;
  readonly port?: number;
  readonly command?: string;
  readonly gracePeriodSeconds: number;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly maxConsecutiveFailures: number;
  readonly delaySeconds: number;
  readonly ignoreHttp1xx: boolean;
  readonly ipProtocol: 'IPv4' | 'IPv6';
  readonly pointer: JsonPointer;
}

export interface NormalizedReadinessCheck {
  readonly name: string;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly path: string;
  readonly portName: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly httpStatusCodesForReady: readonly number[];
  readonly preserveLastResponse: boolean;
  readonly pointer: JsonPointer;
}

/** Generic Mesos check (1.8+): apps address ports by index or number, pods by endpoint. */
export interface NormalizedCheck {
  readonly kind: 'http' | 'tcp' | 'exec';
  readonly portIndex?: number;
  readonly port?: number;
  readonly endpoint?: string;
  readonly path?: string;
  readonly scheme: 'HTTP' | 'HTTPS';
  readonly command?: { readonly shell: string } | { readonly argv: readonly string[] };
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly delaySeconds: number;
  readonly pointer: JsonPointer;
}

export type NormalizedAppVolume =
  | { readonly kind: 'host'; readonly containerPath: string; readonly hostPath: string; readonly mode: 'RO' | 'RW'; readonly pointer: JsonPointer }
  | { readonly kind: 'persistent'; readonly containerPath: string; readonly mode: 'RO' | 'RW'; readonly persistent: NormalizedPersistent; readonly pointer: JsonPointer }
  | {
      readonly kind: 'external';
      readonly containerPath: string;
      readonly mode: 'RO' | 'RW';
      readonly external: { readonly name: string; readonly provider: string; readonly size?: number; readonly shared: boolean; readonly options: JsonObject };
      readonly pointer: JsonPointer;
    }
  | { readonly kind: 'secret'; readonly containerPath: string; readonly secret: string; readonly pointer: JsonPointer }
  /** A Docker volume with neither host path nor type: an anonymous volume that lives as long as the task. */
  | { readonly kind: 'anonymous'; readonly containerPath: string; readonly mode: 'RO' | 'RW'; readonly pointer: JsonPointer };

export interface NormalizedPersistent {
  readonly type: 'root' | 'path' | 'mount';
  readonly size: number;
  readonly maxSize?: number;
  readonly profileName?: string;
}

export interface NormalizedDocker {
  readonly image?: string;
  readonly forcePullImage: boolean;
  readonly privileged: boolean;
  readonly parameters: readonly { readonly key: string; readonly value: string; readonly pointer: JsonPointer }[];
  readonly pullConfigSecret?: string;
  readonly pointer: JsonPointer;
}

export interface NormalizedAppContainer {
  readonly type: 'DOCKER' | 'MESOS';
  readonly docker?: NormalizedDocker;
  /** Absent with host networking; `[]` means no ports. */
  readonly portMappings?: readonly NormalizedPortMapping[];
  readonly volumes: readonly NormalizedAppVolume[];
  readonly linuxInfo?: JsonObject;
  readonly pointer: JsonPointer;
}

export interface NormalizedBackoff {
  readonly seconds: number;
  readonly factor: number;
  readonly maxLaunchDelaySeconds: number;
}

export interface NormalizedUpgrade {
  readonly minimumHealthCapacity: number;
  readonly maximumOverCapacity: number;
}

export type ResourceLimit = number | 'unlimited';

export interface NormalizedResources {
  readonly cpus: number;
  readonly mem: number;
  readonly disk: number;
  readonly gpus: number;
  readonly limits?: { readonly cpus?: ResourceLimit; readonly mem?: ResourceLimit };
}

export interface NormalizedApp {
  readonly id: string;
  readonly cmd?: string;
  readonly args?: readonly string[];
  readonly user?: string;
  readonly env: readonly NormalizedEnvVar[];
  readonly instances: number;
  readonly resources: NormalizedResources;
  readonly executor: string;
  readonly constraints: readonly NormalizedConstraint[];
  readonly acceptedResourceRoles?: readonly string[];
  readonly role?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly fetch: readonly NormalizedArtifact[];
  readonly dependencies: readonly string[];
  readonly healthChecks: readonly NormalizedHealthCheck[];
  readonly readinessChecks: readonly NormalizedReadinessCheck[];
  readonly check?: NormalizedCheck;
  readonly backoff: NormalizedBackoff;
  readonly container?: NormalizedAppContainer;
  readonly networks: readonly NormalizedNetwork[];
  /** Absent with non-host networking; `[]` means no ports. */
  readonly portDefinitions?: readonly NormalizedPortDefinition[];
  readonly requirePorts: boolean;
  readonly upgradeStrategy: NormalizedUpgrade;
  readonly unreachableStrategy: UnreachableStrategy;
  readonly killSelection: KillSelection;
  readonly taskKillGracePeriodSeconds?: number;
  readonly secrets: readonly NormalizedSecret[];
  readonly tty: boolean;
  /** True when the app has persistent local volumes (Marathon adds `residency`) or declares `residency`. */
  readonly resident: boolean;
  /** Legacy `ipAddress.groups`: ignored by Marathon, kept for the record. */
  readonly securityGroups?: readonly string[];
  readonly version?: string;
}

export interface NormalizedEndpoint {
  readonly name: string;
  readonly containerPort?: number;
  readonly hostPort?: number;
  readonly protocol: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly networkNames?: readonly string[];
  readonly pointer: JsonPointer;
}

export interface NormalizedPodHealthCheck {
  readonly kind: 'http' | 'tcp' | 'exec';
  readonly endpoint?: string;
  readonly path?: string;
  readonly scheme: 'HTTP' | 'HTTPS';
  readonly command?: { readonly shell: string } | { readonly argv: readonly string[] };
  readonly gracePeriodSeconds: number;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly maxConsecutiveFailures: number;
  readonly delaySeconds: number;
  readonly pointer: JsonPointer;
}

export interface NormalizedPodContainer {
  readonly name: string;
  readonly exec?: { readonly command: { readonly shell: string } | { readonly argv: readonly string[] }; readonly overrideEntrypoint: boolean };
  readonly resources: NormalizedResources;
  readonly endpoints: readonly NormalizedEndpoint[];
  readonly image?: { readonly kind: string; readonly id: string; readonly forcePull: boolean; readonly pullConfigSecret?: string; readonly pointer: JsonPointer };
  /** Pod environment merged in; the container's own values win. */
  readonly environment: readonly NormalizedEnvVar[];
  readonly user?: string;
  readonly healthCheck?: NormalizedPodHealthCheck;
  readonly check?: NormalizedCheck;
  readonly volumeMounts: readonly { readonly name: string; readonly mountPath: string; readonly readOnly: boolean; readonly pointer: JsonPointer }[];
  readonly artifacts: readonly NormalizedArtifact[];
  readonly labels: Readonly<Record<string, string>>;
  readonly killGracePeriodSeconds?: number;
  readonly linuxInfo?: JsonObject;
  readonly tty: boolean;
  readonly pointer: JsonPointer;
}

export type NormalizedPodVolume =
  | { readonly kind: 'ephemeral'; readonly name: string; readonly pointer: JsonPointer }
  | { readonly kind: 'host'; readonly name: string; readonly host: string; readonly pointer: JsonPointer }
  | { readonly kind: 'secret'; readonly name: string; readonly secret: string; readonly pointer: JsonPointer }
  | { readonly kind: 'persistent'; readonly name: string; readonly persistent: NormalizedPersistent; readonly pointer: JsonPointer };

export interface NormalizedPod {
  readonly id: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly version?: string;
  readonly user?: string;
  readonly containers: readonly NormalizedPodContainer[];
  readonly secrets: readonly NormalizedSecret[];
  readonly volumes: readonly NormalizedPodVolume[];
  /** Stored as given: `[]` behaves like the agent's network. */
  readonly networks: readonly NormalizedNetwork[];
  readonly instances: number;
  readonly backoff: NormalizedBackoff;
  readonly upgrade: NormalizedUpgrade;
  readonly constraints: readonly NormalizedConstraint[];
  readonly acceptedResourceRoles?: readonly string[];
  readonly killSelection: KillSelection;
  readonly unreachableStrategy: UnreachableStrategy;
  readonly role?: string;
  readonly linuxInfo?: JsonObject;
  readonly legacySharedCgroups?: boolean;
  readonly resident: boolean;
}

/** What Marathon's normalization reads from `/v2/info` (§2.2); unknown for plain files. */
export interface NormalizationConfig {
  readonly defaultNetworkName?: string;
  /** `--mesos_bridge_name`, default `mesos-bridge`. */
  readonly mesosBridgeName: string;
  /** `--mesos_role`: the role of apps that declare none. */
  readonly defaultRole?: string;
}
