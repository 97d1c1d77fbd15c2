import type { Container } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sSecurityContext, K8sVolume, K8sVolumeMount } from './k8s-types.js';
import { isValidLabelKey, isValidLabelValue, shortHash } from './names.js';

/** Pod-level fields docker parameters of all containers contribute to. */
export interface PodAdditions {
  hostname?: string;
  hostIPC?: boolean;
  hostPID?: boolean;
  terminationGracePeriodSeconds?: number;
  readonly sysctls: Map<string, string>;
  readonly supplementalGroups: Set<number>;
  readonly hostAliases: Map<string, string[]>;
  readonly nameservers: string[];
  readonly searches: string[];
  readonly dnsOptions: Map<string, string | undefined>;
  readonly labels: Record<string, string>;
  readonly volumes: K8sVolume[];
}

export interface ContainerParameters {
  command?: string[];
  workingDir?: string;
  stdin?: boolean;
  tty?: boolean;
  readonly securityContext: K8sSecurityContext;
  readonly env: { name: string; value: string }[];
  readonly mounts: K8sVolumeMount[];
}

export function emptyPodAdditions(): PodAdditions {
  return {
    sysctls: new Map(),
    supplementalGroups: new Set(),
    hostAliases: new Map(),
    nameservers: [],
    searches: [],
    dnsOptions: new Map(),
    labels: {},
    volumes: [],
  };
}

const NO_EQUIVALENT: Readonly<Record<string, string>> = {
  ulimit: 'ulimits are set by the container runtime of each node',
  'log-driver': 'logging is configured for the whole cluster; containers log to stdout and stderr',
  'log-opt': 'logging is configured for the whole cluster; containers log to stdout and stderr',
  device: 'host devices need a device plugin',
  'device-cgroup-rule': 'host devices need a device plugin',
  gpus: 'GPUs come from the Marathon gpus field and a device plugin',
  'memory-swap': 'swap is configured per node',
  'memory-swappiness': 'swap is configured per node',
  'oom-kill-disable': 'the kubelet handles out-of-memory by QoS class',
  'oom-score-adj': 'the kubelet sets OOM scores by QoS class',
  'cpu-shares': 'CPU comes from resources (and the CPU manager for pinning)',
  'cpu-period': 'CPU comes from resources (and the CPU manager for pinning)',
  'cpu-quota': 'CPU comes from resources (and the CPU manager for pinning)',
  'cpuset-cpus': 'CPU pinning needs the static CPU manager policy and Guaranteed QoS',
  'cpuset-mems': 'memory pinning needs the memory manager',
  cpus: 'resources come from the Marathon cpus field',
  memory: 'resources come from the Marathon mem field',
  m: 'resources come from the Marathon mem field',
  'memory-reservation': 'resources come from the Marathon mem field',
  'kernel-memory': 'kernel memory limits are not part of the pod spec',
  'pids-limit': 'the PID limit is set per node by the kubelet',
  'blkio-weight': 'block I/O limits are not part of the pod spec',
  'device-read-bps': 'block I/O limits are not part of the pod spec',
  'device-write-bps': 'block I/O limits are not part of the pod spec',
  'device-read-iops': 'block I/O limits are not part of the pod spec',
  'device-write-iops': 'block I/O limits are not part of the pod spec',
  'cgroup-parent': 'the kubelet owns the cgroup hierarchy',
  init: 'add an init process such as tini to the image',
  'stop-signal': 'the stop signal comes from the image STOPSIGNAL',
  volume: 'declare the volume as a Marathon volume instead',
  v: 'declare the volume as a Marathon volume instead',
  mount: 'declare the volume as a Marathon volume instead',
  'volumes-from': 'containers of one pod share volumes declared on the pod',
  'volume-driver': 'external volumes need a CSI driver and a StorageClass',
  link: 'reach other workloads through their Service DNS names',
  'env-file': 'the file lives on the agent; put its variables in the definition',
  runtime: 'select a RuntimeClass for the pod',
  userns: 'user namespaces are set with the pod field hostUsers',
  uts: 'the UTS namespace is per pod',
  'storage-opt': 'storage options are set per node',
  'mac-address': 'pod networking assigns addresses',
  ip: 'pod networking assigns addresses',
  ip6: 'pod networking assigns addresses',
  'network-alias': 'use the Service name',
  'health-cmd': 'Docker health checks are not used by Kubernetes; declare a Marathon health check',
  'health-interval': 'Docker health checks are not used by Kubernetes',
  'health-retries': 'Docker health checks are not used by Kubernetes',
  'health-timeout': 'Docker health checks are not used by Kubernetes',
  'health-start-period': 'Docker health checks are not used by Kubernetes',
  'no-healthcheck': 'Docker health checks are not used by Kubernetes',
};

const IGNORED: Readonly<Record<string, string>> = {
  name: 'Kubernetes names containers itself',
  rm: 'Kubernetes removes containers itself',
  restart: 'the kubelet restarts containers',
  detach: 'containers always run detached',
  d: 'containers always run detached',
  publish: 'ports are exposed by the Service',
  p: 'ports are exposed by the Service',
  'publish-all': 'ports are exposed by the Service',
  P: 'ports are exposed by the Service',
  expose: 'ports are declared on the container',
  'sig-proxy': 'signals go to the container directly',
  attach: 'containers are not attached to a terminal',
  a: 'containers are not attached to a terminal',
  pull: 'the pull policy comes from forcePullImage',
  quiet: 'it only affects Docker CLI output',
  q: 'it only affects Docker CLI output',
};

const SAFE_SYSCTLS: readonly [string, number][] = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
];

/**
 * Maps `docker run` flags one by one (§16 of the Marathon reference). Container-level results are
 * returned; pod-level ones (hostname, sysctls, DNS, host aliases, …) are added to `pod`.
 */
export function mapRuntimeParameters(ctx: MapContext, container: Container, pod: PodAdditions, hasCommand: boolean): ContainerParameters {
  const result: ContainerParameters = { securityContext: {}, env: [], mounts: [] };
  const security = result.securityContext;
  for (const parameter of container.runtimeParameters) {
    const key = parameter.key.replace(/^-+/, '');
    const flag = key.length === 1 ? key : key.toLowerCase();
    const value = parameter.value;
    const data = { key: flag, value, container: container.name };
    const approximated = (target: string, difference: string) =>
      ctx.report('kubernetes/runtime-parameter-approximated', 'approximated', { pointer: parameter.pointer, data: { ...data, target, difference }, disposition: 'approximated' });
    const invalid = (reason: string) =>
      ctx.report('kubernetes/runtime-parameter-unsupported', 'invalidValue', { pointer: parameter.pointer, data: { ...data, reason }, disposition: 'unsupported', subtree: true });

    switch (flag) {
      case 'user':
      case 'u': {
        const ids = parseUser(value);
        if (!ids) invalid('Kubernetes needs a numeric UID (and GID)');
        else {
          security.runAsUser = ids.uid;
          if (ids.gid !== undefined) security.runAsGroup = ids.gid;
        }
        break;
      }
      case 'env':
      case 'e': {
        const equals = value.indexOf('=');
        if (equals <= 0) invalid('without `=VALUE` Docker copies the variable from the agent environment');
        else result.env.push({ name: value.slice(0, equals), value: value.slice(equals + 1) });
        break;
      }
      case 'workdir':
      case 'w':
        result.workingDir = value;
        break;
      case 'entrypoint':
        if (hasCommand) approximated('nothing', 'the definition\'s command replaces the image entrypoint already');
        else if (value.trim() !== '') result.command = [value];
        break;
      case 'cap-add':
      case 'cap-drop': {
        const capabilities = (security.capabilities ??= {});
        const list = flag === 'cap-add' ? (capabilities.add ??= []) : (capabilities.drop ??= []);
        for (const capability of value.split(',').map((item) => item.trim().toUpperCase().replace(/^CAP_/, '')).filter(Boolean)) {
          if (!list.includes(capability)) list.push(capability);
        }
        break;
      }
      case 'privileged':
        if (value === '' || value === 'true') security.privileged = true;
        break;
      case 'read-only':
        if (value === '' || value === 'true') security.readOnlyRootFilesystem = true;
        break;
      case 'security-opt':
        mapSecurityOption(ctx, value, security, approximated, invalid);
        break;
      case 'sysctl': {
        const equals = value.indexOf('=');
        const name = equals > 0 ? value.slice(0, equals) : '';
        if (!/^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/.test(name)) invalid('expected NAME=VALUE');
        else {
          pod.sysctls.set(name, value.slice(equals + 1));
          const safe = SAFE_SYSCTLS.some(([safeName, since]) => safeName === name && ctx.minor >= since);
          if (!safe) approximated('a pod sysctl', 'it is an unsafe sysctl: the kubelet must allow it (`--allowed-unsafe-sysctls`) and it applies to the whole pod');
        }
        break;
      }
      case 'shm-size': {
        const size = dockerSize(value);
        if (size === undefined) invalid('expected a size such as 256m or 1g');
        else {
          if (!pod.volumes.some((volume) => volume.name === 'dshm')) pod.volumes.push({ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: size } });
          result.mounts.push({ name: 'dshm', mountPath: '/dev/shm' });
          approximated('a memory-backed emptyDir at /dev/shm', 'its contents count against the container memory limit');
        }
        break;
      }
      case 'tmpfs': {
        const [path = '', options] = value.split(':', 2);
        if (!path.startsWith('/')) invalid('expected an absolute path');
        else {
          const name = `tmpfs-${shortHash(`${container.name}:${path}`, 8)}`;
          pod.volumes.push({ name, emptyDir: { medium: 'Memory' } });
          result.mounts.push({ name, mountPath: path });
          if (options) approximated('a memory-backed emptyDir', `the mount options \`${options}\` are not carried over`);
        }
        break;
      }
      case 'add-host': {
        const match = /^([^:=]+)[:=](.+)$/.exec(value);
        const ip = match?.[2]!.replace(/^\[|\]$/g, '') ?? '';
        if (!match || !isIpAddress(ip)) invalid('expected HOST:IP with a literal IP address');
        else {
          const hostnames = pod.hostAliases.get(ip) ?? [];
          if (!hostnames.includes(match[1]!)) hostnames.push(match[1]!);
          pod.hostAliases.set(ip, hostnames);
        }
        break;
      }
      case 'dns':
        if (!isIpAddress(value)) invalid('expected an IP address');
        else if (pod.nameservers.length >= 3) invalid('Kubernetes allows at most 3 nameservers');
        else {
          if (!pod.nameservers.includes(value)) pod.nameservers.push(value);
          approximated('`dnsConfig.nameservers`', 'the server is added after the cluster DNS instead of replacing it');
        }
        break;
      case 'dns-search':
        if (!pod.searches.includes(value)) pod.searches.push(value);
        break;
      case 'dns-opt':
      case 'dns-option': {
        const [name = '', optionValue] = value.split(/[:=]/, 2);
        if (name === '') invalid('expected NAME or NAME:VALUE');
        else pod.dnsOptions.set(name, optionValue);
        break;
      }
      case 'hostname':
      case 'h': {
        const label = value.split('.')[0]!.toLowerCase();
        if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(label)) invalid('not a valid host name');
        else {
          pod.hostname = label;
          if (label !== value) approximated(`the pod hostname \`${label}\``, 'the domain part needs a headless Service and `subdomain`');
        }
        break;
      }
      case 'label':
      case 'l': {
        const equals = value.indexOf('=');
        const labelKey = equals > 0 ? value.slice(0, equals) : value;
        const labelValue = equals > 0 ? value.slice(equals + 1) : '';
        if (!isValidLabelKey(labelKey) || !isValidLabelValue(labelValue) || labelKey.startsWith('app.kubernetes.io/')) invalid('not a valid Kubernetes label');
        else pod.labels[labelKey] = labelValue;
        break;
      }
      case 'net':
      case 'network':
        if (value === 'bridge' || value === 'default') report(ctx, parameter.pointer, data, 'Kubernetes gives every pod its own network');
        else noEquivalent(ctx, parameter.pointer, data, value === 'host' ? 'host networking is not enabled; the pod uses the pod network' : 'the pod uses the cluster pod network');
        break;
      case 'ipc':
      case 'pid':
        if (value === 'host') {
          if (flag === 'ipc') pod.hostIPC = true;
          else pod.hostPID = true;
          approximated(flag === 'ipc' ? '`hostIPC: true`' : '`hostPID: true`', 'the namespace is shared by the whole pod and needs the privileged Pod Security level');
        } else if (value === 'private' || value === 'shareable' || value === '') report(ctx, parameter.pointer, data, 'each pod has its own namespace');
        else noEquivalent(ctx, parameter.pointer, data, 'sharing a namespace with another container is not possible across pods');
        break;
      case 'interactive':
      case 'i':
        result.stdin = true;
        break;
      case 'tty':
      case 't':
        result.tty = true;
        result.stdin = true;
        break;
      case 'stop-timeout': {
        const seconds = Number(value);
        if (!Number.isInteger(seconds) || seconds < 0) invalid('expected whole seconds');
        else pod.terminationGracePeriodSeconds = Math.max(pod.terminationGracePeriodSeconds ?? 0, seconds);
        break;
      }
      case 'group-add': {
        if (!/^\d+$/.test(value)) invalid('Kubernetes needs a numeric GID');
        else pod.supplementalGroups.add(Number(value));
        break;
      }
      default:
        if (IGNORED[key] !== undefined) report(ctx, parameter.pointer, data, IGNORED[key]);
        else if (NO_EQUIVALENT[flag] !== undefined) noEquivalent(ctx, parameter.pointer, data, NO_EQUIVALENT[flag]);
        else ctx.report('kubernetes/runtime-parameter-unsupported', 'unknown', { pointer: parameter.pointer, data, disposition: 'unsupported', subtree: true });
    }
  }
  return result;
}

function report(ctx: MapContext, pointer: string, data: Record<string, string>, reason: string): void {
  ctx.report('kubernetes/runtime-parameter-ignored', 'ignored', { pointer, data: { ...data, reason } });
}

function noEquivalent(ctx: MapContext, pointer: string, data: Record<string, string>, reason: string): void {
  ctx.report('kubernetes/runtime-parameter-unsupported', 'noEquivalent', { pointer, data: { ...data, reason }, disposition: 'unsupported', subtree: true });
}

function mapSecurityOption(
  ctx: MapContext,
  value: string,
  security: K8sSecurityContext,
  approximated: (target: string, difference: string) => void,
  invalid: (reason: string) => void,
): void {
  const [option = '', setting = ''] = value.split(/[=:]/, 2);
  if (option === 'no-new-privileges') {
    if (setting === '' || setting === 'true') security.allowPrivilegeEscalation = false;
  } else if (option === 'seccomp') {
    if (setting === 'unconfined') security.seccompProfile = { type: 'Unconfined' };
    else invalid('seccomp profile files live on the agent; copy the profile to the nodes\' kubelet seccomp directory and set `seccompProfile.type: Localhost`');
  } else if (option === 'apparmor') {
    if (setting === 'unconfined' && ctx.minor >= 30) security.appArmorProfile = { type: 'Unconfined' };
    else if (setting === 'unconfined') approximated('nothing', 'the AppArmor profile field needs Kubernetes 1.30');
    else invalid('AppArmor profiles must be loaded on the nodes; set `appArmorProfile.type: Localhost`');
  } else invalid('no pod security field matches this option');
}

/** `1000`, `1000:1000`, `root` → UID (and GID); names other than root → undefined. */
function parseUser(value: string): { uid: number; gid?: number } | undefined {
  const [user = '', group] = value.split(':', 2);
  const id = (part: string) => (part === 'root' ? 0 : /^\d+$/.test(part) ? Number(part) : undefined);
  const uid = id(user);
  if (uid === undefined) return undefined;
  if (group === undefined) return { uid };
  const gid = id(group);
  return gid === undefined ? undefined : { uid, gid };
}

/** Docker size (`64m`, `1g`, `512k`, bytes) → a Kubernetes quantity in whole Mi. */
function dockerSize(value: string): string | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(value.trim());
  if (!match) return undefined;
  const factor: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  const bytes = Number(match[1]) * factor[match[2]!.toLowerCase()]!;
  return `${Math.max(1, Math.ceil(bytes / 1024 ** 2))}Mi`;
}

/** A literal IPv4 or IPv6 address (Docker's `host-gateway` and host names are not). */
function isIpAddress(value: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(value)) return true;
  return value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value) && value.split('::').length <= 2;
}
