// The neutral migration model: neither Marathon-shaped nor Kubernetes-shaped.
// Every node that came from a source definition carries `pointer`, a JSON pointer into that
// definition, so findings and the coverage ledger can always point back at the source.

export const MODEL_VERSION = 'baton.dev/model/v1' as const;
export type ModelVersion = typeof MODEL_VERSION;

/** JSON pointer (RFC 6901) into the workload's source definition, e.g. `/container/volumes/0`. */
export type JsonPointer = string;

export interface SourceInfo {
  /** Which reader produced the model, e.g. `marathon`. */
  readonly reader: string;
  /** Where the definitions came from, with credentials removed (URL or file name). */
  readonly location: string;
  /** `url`, `file`, `stdin` or `snapshot`. */
  readonly via: 'url' | 'file' | 'stdin' | 'snapshot';
  /** Source system version, e.g. Marathon `1.10.17`, when known. */
  readonly version?: string;
  /** ISO time a snapshot was captured; absent for live reads (keeps output deterministic). */
  readonly capturedAt?: string;
  /** Source facts the writer and checkers may need (Marathon `/v2/info` subset). */
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface MigrationModel {
  readonly modelVersion: ModelVersion;
  readonly source: SourceInfo;
  readonly workloads: readonly Workload[];
  /** Groups (Marathon folders) in source order, with their dependencies. */
  readonly groups: readonly WorkloadGroup[];
}

export interface WorkloadGroup {
  readonly id: string;
  readonly dependencies: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/** service: stateless app; stateful-service: resident app with local data; pod: several containers; job: run to completion. */
export type WorkloadKind = 'service' | 'stateful-service' | 'pod' | 'job';

export interface Workload {
  /** Source id, e.g. Marathon `/prod/payments/api`. */
  readonly id: string;
  /** What the source called it: Marathon `app` or `pod`, Metronome `job`. */
  readonly sourceKind: string;
  readonly kind: WorkloadKind;
  /** Path of the source file or endpoint this workload was read from (for the report). */
  readonly origin: string;
  /** Pointer of the definition inside the origin document (e.g. `/groups/0/apps/2`). */
  readonly originPointer: JsonPointer;
  readonly replicas: number;
  readonly containers: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly volumes: readonly Volume[];
  readonly network: Network;
  readonly placement: Placement;
  readonly rollout: Rollout;
  /** Absolute source ids this workload must start after (own and inherited from groups). */
  readonly dependencies: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly exposure: readonly Exposure[];
  /** Secrets the workload declares; values are never known to Baton. */
  readonly secrets: readonly SecretDeclaration[];
  /** Source version stamp (Marathon `version`), for provenance annotations. */
  readonly version?: string;
  /** Free-form facts for writers (e.g. Marathon `env_vars_prefix`). */
  readonly hints: Readonly<Record<string, unknown>>;
  /** How a `job` runs to completion: retries, deadline, schedule. Absent: once, the target's defaults. Additive since 0.1. */
  readonly job?: JobPolicy;
}

/** Run-to-completion policy of a `job` workload (Metronome, Chronos). Additive since 0.1. */
export interface JobPolicy {
  /** Failed runs retried at most this many times; 0 = never retried. Absent: the target's default. */
  readonly retries?: number;
  /** A run still going after this many seconds is stopped as failed. */
  readonly activeDeadlineSeconds?: number;
  /** Runs on a schedule rather than once. */
  readonly schedule?: JobSchedule;
  readonly pointer: JsonPointer;
}

export interface JobSchedule {
  /** Source name of the schedule (Metronome schedule `id`). */
  readonly id?: string;
  /** Five-field cron expression, as the source wrote it. */
  readonly cron: string;
  /** IANA time zone the expression is read in; absent = the scheduler's (UTC). */
  readonly timeZone?: string;
  /** A run that could not start within this many seconds of its time is skipped. */
  readonly startingDeadlineSeconds?: number;
  /** What happens when a run is due while the previous one still runs. */
  readonly concurrency: 'allow' | 'forbid' | 'replace';
  /** false: the schedule exists but does not fire (kept, suspended). */
  readonly enabled: boolean;
  readonly pointer: JsonPointer;
}

export interface Container {
  readonly name: string;
  readonly pointer: JsonPointer;
  /** Absent: the source ran the command on the host filesystem (no image). */
  readonly image?: ImageRef;
  /** Shell command (`/bin/sh -c`) or an argv that replaces the image entrypoint. */
  readonly command?: { readonly shell: string } | { readonly argv: readonly string[] };
  /** Arguments appended to the image entrypoint. */
  readonly args?: readonly string[];
  readonly resources: Resources;
  readonly env: readonly EnvVar[];
  readonly mounts: readonly Mount[];
  readonly probes: readonly Probe[];
  readonly ports: readonly Port[];
  /** Files the source fetched into the sandbox before start. */
  readonly artifacts: readonly Artifact[];
  readonly user?: string;
  readonly privileged?: boolean;
  readonly tty?: boolean;
  /** Docker `run` flags, flag by flag. */
  readonly runtimeParameters: readonly { readonly key: string; readonly value: string; readonly pointer: JsonPointer }[];
  readonly killGracePeriodSeconds?: number;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageRef {
  readonly ref: string;
  readonly forcePull: boolean;
  /** Name of a declared secret holding registry credentials. */
  readonly pullSecret?: string;
  readonly runtime: 'docker' | 'ucr';
  readonly pointer: JsonPointer;
}

export interface Resources {
  /** CPU cores (fractions allowed). */
  readonly cpus: number;
  readonly memMiB: number;
  readonly diskMiB: number;
  readonly gpus: number;
  /** Explicit limits; absent means limit = request; `unlimited` means no limit. */
  readonly limits?: { readonly cpus?: number | 'unlimited'; readonly memMiB?: number | 'unlimited' };
}

export type EnvVar =
  | { readonly name: string; readonly value: string; readonly pointer: JsonPointer }
  | { readonly name: string; readonly secret: string; readonly pointer: JsonPointer };

export interface SecretDeclaration {
  /** Name the workload uses to refer to the secret. */
  readonly name: string;
  /** Where the value lives in the source secret store (never the value). */
  readonly source: string;
  readonly pointer: JsonPointer;
  /**
   * The value was written in plain text in the source definition (a credential-like env value, a
   * URI with a password): the reader left it out of the model and `source` names where it is.
   */
  readonly plaintext?: boolean;
}

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

export interface Port {
  /** Position in the source port list (`$PORTn`, health-check `portIndex`). */
  readonly index: number;
  readonly name?: string;
  /** Port inside the container; 0 = the source assigns one at launch (app reads `$PORTn`). */
  readonly containerPort: number;
  /** Fixed host port; 0 or absent = none or dynamic. */
  readonly hostPort?: number;
  /** Load-balancer port (Marathon service port); 0 = assigned by the source. */
  readonly servicePort?: number;
  readonly protocols: readonly PortProtocol[];
  /** Application protocol hint (`http`, `https`, `grpc`). */
  readonly appProtocol?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly networkNames?: readonly string[];
  readonly pointer: JsonPointer;
}

export interface Network {
  readonly mode: 'host' | 'bridge' | 'container';
  /** Named networks (container mode). */
  readonly networks: readonly { readonly name?: string; readonly labels: Readonly<Record<string, string>>; readonly pointer: JsonPointer }[];
  /** Host networking: declared ports are fixed host ports. */
  readonly requirePorts: boolean;
  /** Legacy `ipAddress.groups` (network security groups). */
  readonly securityGroups?: readonly string[];
}

export type Volume =
  | { readonly kind: 'ephemeral'; readonly name: string; readonly pointer: JsonPointer; readonly medium?: 'memory'; readonly sizeMiB?: number }
  | { readonly kind: 'host'; readonly name: string; readonly hostPath: string; readonly pointer: JsonPointer }
  | {
      readonly kind: 'persistent';
      readonly name: string;
      readonly sizeMiB: number;
      readonly maxSizeMiB?: number;
      readonly type: 'root' | 'path' | 'mount';
      readonly profileName?: string;
      readonly pointer: JsonPointer;
    }
  | {
      readonly kind: 'external';
      readonly name: string;
      /** Volume name or id in the external system. */
      readonly externalName: string;
      readonly provider: string;
      readonly driver?: string;
      readonly sizeGiB?: number;
      readonly shared: boolean;
      readonly accessMode?: 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
      readonly options: Readonly<Record<string, unknown>>;
      readonly pointer: JsonPointer;
    }
  | { readonly kind: 'secret'; readonly name: string; readonly secret: string; readonly pointer: JsonPointer };

export interface Mount {
  readonly volume: string;
  /** Absolute path inside the container (sandbox-relative source paths are resolved). */
  readonly path: string;
  readonly readOnly: boolean;
  readonly subPath?: string;
  readonly pointer: JsonPointer;
}

export type ProbeAction =
  | { readonly type: 'http'; readonly scheme: 'HTTP' | 'HTTPS'; readonly path: string; readonly port: ProbePort }
  | { readonly type: 'tcp'; readonly port: ProbePort }
  | { readonly type: 'exec'; readonly command: { readonly shell: string } | { readonly argv: readonly string[] } };

/** A probe port by position in the port list, by name, or a literal number. */
export type ProbePort = { readonly index: number } | { readonly name: string } | { readonly number: number };

export interface Probe {
  /** health: kills on failure; readiness: gates rollout; check: observed only. */
  readonly purpose: 'health' | 'readiness' | 'check';
  readonly action: ProbeAction;
  /** Source-specific protocol, e.g. Marathon `MESOS_HTTP`. */
  readonly sourceProtocol: string;
  /** Executed next to the task (true) or by a remote scheduler over the network (false). */
  readonly local: boolean;
  readonly gracePeriodSeconds: number;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly delaySeconds: number;
  /** 0 means never kill (remote checks) or kill at first failure (local checks). */
  readonly maxConsecutiveFailures: number;
  readonly readyStatusCodes?: readonly number[];
  /** IP family the source probed over (Marathon `healthChecks[].ipProtocol`); absent means IPv4. Additive since 0.1. */
  readonly ipProtocol?: 'IPv4' | 'IPv6';
  readonly pointer: JsonPointer;
}

export interface Artifact {
  readonly uri: string;
  readonly extract: boolean;
  readonly executable: boolean;
  readonly cache: boolean;
  readonly destPath?: string;
  /** A declared secret holding the whole URI, which carries a password; `uri` is then shown without it. */
  readonly uriSecret?: string;
  readonly pointer: JsonPointer;
}

export type ConstraintOperator = 'UNIQUE' | 'CLUSTER' | 'GROUP_BY' | 'LIKE' | 'UNLIKE' | 'MAX_PER' | 'IS';

export interface Placement {
  readonly constraints: readonly {
    readonly field: string;
    readonly operator: ConstraintOperator | string;
    readonly value?: string;
    readonly pointer: JsonPointer;
  }[];
  readonly acceptedResourceRoles?: readonly string[];
  readonly role?: string;
}

export interface Rollout {
  /** Fraction (0..1) of instances that must stay healthy during an update. */
  readonly minimumHealthCapacity: number;
  /** Fraction (0..1) of extra instances allowed during an update. */
  readonly maximumOverCapacity: number;
  readonly killGracePeriodSeconds?: number;
  readonly killSelection?: 'YOUNGEST_FIRST' | 'OLDEST_FIRST';
  readonly unreachable?: 'disabled' | { readonly inactiveAfterSeconds: number; readonly expungeAfterSeconds: number };
  readonly backoff?: { readonly seconds: number; readonly factor: number; readonly maxLaunchDelaySeconds: number };
}

/** A load-balancer intent, e.g. marathon-lb virtual host or DC/OS VIP. */
export interface Exposure {
  readonly kind: 'vhost' | 'vip' | 'admin-router' | 'tcp-lb';
  readonly portIndex: number;
  readonly hosts?: readonly string[];
  readonly paths?: readonly string[];
  readonly vip?: string;
  readonly group?: string;
  readonly tls?: boolean;
  readonly redirectToHttps?: boolean;
  readonly options: Readonly<Record<string, string>>;
  readonly pointer: JsonPointer;
}
