import type { Container, JsonPointer, Network, Port, Probe, Workload } from '@baton/core';
import { lastSegment } from '../input/path-id.js';
import type { NormalizedApp, NormalizedNetwork } from '../normalize/normalized-types.js';
import { appVolumes } from './app-volumes.js';
import { checkProbe, healthCheckProbe, readinessProbe } from './convert-probes.js';
import { exposureFromLabels } from './exposure-from-labels.js';
import { MESOS_SANDBOX, portProtocols, toArtifacts, toEnv, toResources, toRollout, toSecrets } from './model-parts.js';

export interface WorkloadPlacementInSource {
  /** File or endpoint the definition came from. */
  readonly origin: string;
  readonly originPointer: JsonPointer;
  /** Dependencies of every enclosing group, already absolute. */
  readonly inheritedDependencies: readonly string[];
  /** Facts every workload of the source shares (e.g. `envVarsPrefix`). */
  readonly hints: Readonly<Record<string, unknown>>;
}

/** A normalized Marathon app as a neutral workload (reference §6, §10–§13). */
export function appToWorkload(app: NormalizedApp, source: WorkloadPlacementInSource): Workload {
  const ports = appPorts(app);
  const { volumes, mounts } = appVolumes(app.container?.volumes ?? []);
  const docker = app.container?.docker;
  const image = docker?.image;
  const probes: Probe[] = [...app.healthChecks.map(healthCheckProbe), ...app.readinessChecks.map(readinessProbe), ...(app.check ? [checkProbe(app.check)] : [])];

  const container: Container = {
    name: lastSegment(app.id),
    pointer: app.container?.pointer ?? '',
    ...(image !== undefined && docker
      ? {
          image: {
            ref: image,
            forcePull: docker.forcePullImage,
            ...(docker.pullConfigSecret !== undefined ? { pullSecret: docker.pullConfigSecret } : {}),
            runtime: app.container?.type === 'MESOS' ? ('ucr' as const) : ('docker' as const),
            pointer: '/container/docker/image',
          },
        }
      : {}),
    ...command(app, image !== undefined),
    resources: toResources(app.resources),
    env: toEnv(app.env),
    mounts,
    probes,
    ports,
    artifacts: toArtifacts(app.fetch),
    ...(app.user !== undefined ? { user: app.user } : {}),
    ...(docker?.privileged ? { privileged: true } : {}),
    ...(app.tty ? { tty: true } : {}),
    runtimeParameters: (docker?.parameters ?? []).map((parameter) => ({ ...parameter })),
    ...(app.taskKillGracePeriodSeconds !== undefined ? { killGracePeriodSeconds: app.taskKillGracePeriodSeconds } : {}),
    labels: {},
  };

  const usesSandbox = app.fetch.length > 0 || mounts.some((mount) => mount.path.startsWith(MESOS_SANDBOX));
  const hints: Record<string, unknown> = { ...source.hints };
  if (usesSandbox) hints.sandboxPath = MESOS_SANDBOX;
  if (app.container?.linuxInfo) hints.linuxInfo = app.container.linuxInfo;
  if (app.labels.MARATHON_SINGLE_INSTANCE_APP?.toLowerCase() === 'true') hints.singleInstance = true;

  return {
    id: app.id,
    sourceKind: 'app',
    // resident apps and apps that must never be replaced while unreachable are stateful (§6)
    kind: app.resident || app.unreachableStrategy === 'disabled' ? 'stateful-service' : 'service',
    origin: source.origin,
    originPointer: source.originPointer,
    replicas: app.instances,
    containers: [container],
    volumes,
    network: appNetwork(app),
    placement: {
      constraints: app.constraints.map((constraint) => ({ ...constraint })),
      ...(app.acceptedResourceRoles ? { acceptedResourceRoles: app.acceptedResourceRoles } : {}),
      ...(app.role !== undefined ? { role: app.role } : {}),
    },
    rollout: toRollout(app.upgradeStrategy, app.backoff, app.killSelection, app.unreachableStrategy, app.taskKillGracePeriodSeconds),
    dependencies: [...new Set([...app.dependencies, ...source.inheritedDependencies])].sort(),
    labels: app.labels,
    exposure: exposureFromLabels(app.labels, '/labels', ports),
    secrets: toSecrets(app.secrets),
    ...(app.version !== undefined ? { version: app.version } : {}),
    hints,
  };
}

/** `cmd` runs through a shell; `args` follow the image entrypoint, or are the argv without an image. */
function command(app: NormalizedApp, hasImage: boolean): Pick<Container, 'command' | 'args'> {
  if (app.cmd !== undefined) return { command: { shell: app.cmd } };
  if (app.args !== undefined && app.args.length > 0) return hasImage ? { args: app.args } : { command: { argv: app.args } };
  return {};
}

/**
 * Host networking: `portDefinitions` (a non-zero port with requirePorts is a fixed host port,
 * otherwise the app binds the `$PORTn` assigned at launch). Other modes: `portMappings`.
 */
function appPorts(app: NormalizedApp): Port[] {
  if (app.portDefinitions) {
    return app.portDefinitions.map((definition, index) => {
      const fixed = app.requirePorts && definition.port !== 0;
      return {
        index,
        ...(definition.name !== undefined ? { name: definition.name } : {}),
        containerPort: fixed ? definition.port : 0,
        ...(fixed ? { hostPort: definition.port } : {}),
        servicePort: definition.port,
        ...portProtocols([definition.protocol]),
        labels: definition.labels,
        pointer: definition.pointer,
      };
    });
  }
  return (app.container?.portMappings ?? []).map((mapping, index) => ({
    index,
    ...(mapping.name !== undefined ? { name: mapping.name } : {}),
    containerPort: mapping.containerPort,
    ...(mapping.hostPort !== undefined ? { hostPort: mapping.hostPort } : {}),
    servicePort: mapping.servicePort,
    ...portProtocols([mapping.protocol]),
    labels: mapping.labels,
    ...(mapping.networkNames ? { networkNames: mapping.networkNames } : {}),
    pointer: mapping.pointer,
  }));
}

export function networkFrom(networks: readonly NormalizedNetwork[], requirePorts: boolean, securityGroups?: readonly string[]): Network {
  const first = networks[0]?.mode ?? 'host';
  const mode = first === 'container/bridge' ? 'bridge' : first === 'container' ? 'container' : 'host';
  return {
    mode,
    networks:
      mode === 'host'
        ? []
        : networks.map((network) => ({ ...(network.name !== undefined ? { name: network.name } : {}), labels: network.labels, pointer: network.pointer })),
    requirePorts,
    ...(securityGroups && securityGroups.length > 0 ? { securityGroups } : {}),
  };
}

function appNetwork(app: NormalizedApp): Network {
  return networkFrom(app.networks, app.requirePorts, app.securityGroups);
}
