import type { Container, Mount, Port, Probe, Volume, Workload } from '@baton/core';
import type { NormalizedPod, NormalizedPodContainer, NormalizedPodVolume } from '../normalize/normalized-types.js';
import { at } from '../normalize/normalize-shared.js';
import { networkFrom, type WorkloadPlacementInSource } from './app-to-workload.js';
import { checkProbe, podHealthProbe } from './convert-probes.js';
import { exposureFromLabels } from './exposure-from-labels.js';
import { MESOS_SANDBOX, portProtocols, sandboxPath, toArtifacts, toEnv, toPlacement, toResources, toRollout, toSecrets } from './model-parts.js';

/**
 * A normalized pod as a neutral workload (§7): one container per pod container, pod volumes shared,
 * ports numbered across the whole pod. Pods always run on the Mesos containerizer (UCR).
 */
export function podToWorkload(pod: NormalizedPod, source: WorkloadPlacementInSource, specPointer = ''): Workload {
  let nextPort = 0;
  const containers = pod.containers.map((container) => {
    const ports: Port[] = container.endpoints.map((endpoint) => {
      // host-mode pods have no container port: the endpoint's host port is what the process binds
      const containerPort = endpoint.containerPort ?? endpoint.hostPort ?? 0;
      return {
        index: nextPort++,
        name: endpoint.name,
        containerPort,
        ...(endpoint.hostPort !== undefined ? { hostPort: endpoint.hostPort } : {}),
        ...portProtocols(endpoint.protocol),
        labels: endpoint.labels,
        ...(endpoint.networkNames ? { networkNames: endpoint.networkNames } : {}),
        pointer: endpoint.pointer,
      };
    });
    return podContainer(container, ports);
  });
  const ports = containers.flatMap((container) => container.ports);
  const linuxInfo: Record<string, unknown> = {};
  if (pod.linuxInfo) linuxInfo.pod = pod.linuxInfo;
  const containerLinuxInfo = Object.fromEntries(pod.containers.filter((container) => container.linuxInfo).map((container) => [container.name, container.linuxInfo]));
  if (Object.keys(containerLinuxInfo).length > 0) linuxInfo.containers = containerLinuxInfo;

  const hints: Record<string, unknown> = { ...source.hints };
  if (containers.some((container) => container.artifacts.length > 0 || container.mounts.some((mount) => mount.path.startsWith(MESOS_SANDBOX)))) {
    hints.sandboxPath = MESOS_SANDBOX;
  }
  if (Object.keys(linuxInfo).length > 0) hints.linuxInfo = linuxInfo;
  if (pod.legacySharedCgroups !== undefined) hints.legacySharedCgroups = pod.legacySharedCgroups;

  return {
    id: pod.id,
    sourceKind: 'pod',
    kind: pod.resident ? 'stateful-service' : 'pod',
    origin: source.origin,
    originPointer: source.originPointer,
    replicas: pod.instances,
    containers,
    volumes: pod.volumes.map(podVolume),
    network: networkFrom(pod.networks, false),
    placement: toPlacement(pod.constraints, pod.acceptedResourceRoles, pod.role),
    rollout: toRollout(pod.upgrade, pod.backoff, pod.killSelection, pod.unreachableStrategy, maxGracePeriod(pod)),
    dependencies: [...new Set(source.inheritedDependencies)].sort(),
    labels: pod.labels,
    exposure: exposureFromLabels(pod.labels, at(specPointer, 'labels'), ports),
    secrets: toSecrets(pod.secrets),
    ...(pod.version !== undefined ? { version: pod.version } : {}),
    hints,
  };
}

function podContainer(container: NormalizedPodContainer, ports: Port[]): Container {
  const probes: Probe[] = [...(container.healthCheck ? [podHealthProbe(container.healthCheck)] : []), ...(container.check ? [checkProbe(container.check)] : [])];
  const mounts: Mount[] = container.volumeMounts.map((mount) => ({ volume: mount.name, path: sandboxPath(mount.mountPath), readOnly: mount.readOnly, pointer: mount.pointer }));
  return {
    name: container.name,
    pointer: container.pointer,
    ...(container.image
      ? {
          image: {
            ref: container.image.id,
            forcePull: container.image.forcePull,
            ...(container.image.pullConfigSecret !== undefined ? { pullSecret: container.image.pullConfigSecret } : {}),
            runtime: 'ucr' as const,
            pointer: container.image.pointer,
          },
        }
      : {}),
    ...execCommand(container),
    resources: toResources(container.resources),
    env: toEnv(container.environment),
    mounts,
    probes,
    ports,
    artifacts: toArtifacts(container.artifacts),
    ...(container.user !== undefined ? { user: container.user } : {}),
    ...(container.tty ? { tty: true } : {}),
    runtimeParameters: [],
    ...(container.killGracePeriodSeconds !== undefined ? { killGracePeriodSeconds: container.killGracePeriodSeconds } : {}),
    labels: container.labels,
  };
}

/** `shell` and `overrideEntrypoint: true` replace the entrypoint; otherwise argv follows it (§7.2). */
function execCommand(container: NormalizedPodContainer): Pick<Container, 'command' | 'args'> {
  const exec = container.exec;
  if (!exec) return {};
  if ('shell' in exec.command) return { command: exec.command };
  if (exec.overrideEntrypoint || !container.image) return { command: exec.command };
  return { args: exec.command.argv };
}

function podVolume(volume: NormalizedPodVolume): Volume {
  switch (volume.kind) {
    case 'ephemeral':
      return { kind: 'ephemeral', name: volume.name, pointer: volume.pointer };
    case 'secret':
      return { kind: 'secret', name: volume.name, secret: volume.secret, pointer: volume.pointer };
    case 'persistent':
      return {
        kind: 'persistent',
        name: volume.name,
        sizeMiB: volume.persistent.size,
        ...(volume.persistent.maxSize !== undefined ? { maxSizeMiB: volume.persistent.maxSize } : {}),
        type: volume.persistent.type,
        ...(volume.persistent.profileName !== undefined ? { profileName: volume.persistent.profileName } : {}),
        pointer: volume.pointer,
      };
    case 'host':
      // a relative host path is a directory of the executor sandbox: scratch space (§13.2)
      return volume.host.startsWith('/')
        ? { kind: 'host', name: volume.name, hostPath: volume.host, pointer: volume.pointer }
        : { kind: 'ephemeral', name: volume.name, pointer: volume.pointer };
  }
}

/** Kubernetes has one grace period per pod: the longest container's. */
function maxGracePeriod(pod: NormalizedPod): number | undefined {
  const periods = pod.containers.flatMap((container) => container.killGracePeriodSeconds ?? []);
  return periods.length > 0 ? Math.max(...periods) : undefined;
}
