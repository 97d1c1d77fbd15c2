import type { Container, ImageRef, JsonPointer, Network, Port, Probe, Workload } from '@baton/core';
import { setDefined, type Mutable } from '../normalize/lenient.js';
import { lastSegment } from '../input/path-id.js';
import type { NormalizedApp, NormalizedNetwork } from '../normalize/normalized-types.js';
import { appVolumes } from './app-volumes.js';
import { checkProbe, healthCheckProbe, readinessProbe } from './convert-probes.js';
import { exposureFromLabels } from './exposure-from-labels.js';
import { MESOS_SANDBOX, portProtocols, toArtifacts, toEnv, toPlacement, toResources, toRollout, toSecrets } from './model-parts.js';

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
  const probes: Probe[] = app.healthChecks.map(healthCheckProbe);
  for (const check of app.readinessChecks) probes.push(readinessProbe(check));
  if (app.check) probes.push(checkProbe(app.check));

  const container: Mutable<Container> = {
    name: lastSegment(app.id),
    pointer: app.container?.pointer ?? '',
    resources: toResources(app.resources),
    env: toEnv(app.env),
    mounts,
    probes,
    ports,
    artifacts: toArtifacts(app.fetch),
    runtimeParameters: (docker?.parameters ?? []).map((parameter) => ({ ...parameter })),
    labels: {},
  };
  if (image !== undefined && docker) {
    const ref: Mutable<ImageRef> = { ref: image, forcePull: docker.forcePullImage, runtime: app.container?.type === 'MESOS' ? 'ucr' : 'docker', pointer: '/container/docker/image' };
    setDefined(ref, 'pullSecret', docker.pullConfigSecret);
    container.image = ref;
  }
  if (app.cmd !== undefined) container.command = { shell: app.cmd };
  // args follow the image entrypoint, or are the whole argv when there is no image
  else if (app.args !== undefined && app.args.length > 0) {
    if (image !== undefined) container.args = app.args;
    else container.command = { argv: app.args };
  }
  setDefined(container, 'user', app.user);
  if (docker?.privileged) container.privileged = true;
  if (app.tty) container.tty = true;
  setDefined(container, 'killGracePeriodSeconds', app.taskKillGracePeriodSeconds);

  const usesSandbox = app.fetch.length > 0 || mounts.some((mount) => mount.path.startsWith(MESOS_SANDBOX));
  const hints: Record<string, unknown> = { ...source.hints };
  if (usesSandbox) hints.sandboxPath = MESOS_SANDBOX;
  if (app.container?.linuxInfo) hints.linuxInfo = app.container.linuxInfo;
  if (app.labels.MARATHON_SINGLE_INSTANCE_APP?.toLowerCase() === 'true') hints.singleInstance = true;

  const workload: Mutable<Workload> = {
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
    placement: toPlacement(app.constraints, app.acceptedResourceRoles, app.role),
    rollout: toRollout(app.upgradeStrategy, app.backoff, app.killSelection, app.unreachableStrategy, app.taskKillGracePeriodSeconds),
    dependencies: app.dependencies.length === 0 && source.inheritedDependencies.length === 0 ? [] : [...new Set([...app.dependencies, ...source.inheritedDependencies])].sort(),
    labels: app.labels,
    exposure: exposureFromLabels(app.labels, '/labels', ports),
    secrets: toSecrets(app.secrets),
    hints,
  };
  setDefined(workload, 'version', app.version);
  return workload;
}

/**
 * Host networking: `portDefinitions` (a non-zero port with requirePorts is a fixed host port,
 * otherwise the app binds the `$PORTn` assigned at launch). Other modes: `portMappings`.
 */
function appPorts(app: NormalizedApp): Port[] {
  if (app.portDefinitions) {
    return app.portDefinitions.map((definition, index) => {
      const fixed = app.requirePorts && definition.port !== 0;
      const port: Mutable<Port> = {
        index,
        containerPort: fixed ? definition.port : 0,
        servicePort: definition.port,
        protocols: portProtocols([definition.protocol]).protocols,
        labels: definition.labels,
        pointer: definition.pointer,
      };
      setDefined(port, 'name', definition.name);
      if (fixed) port.hostPort = definition.port;
      return port;
    });
  }
  return (app.container?.portMappings ?? []).map((mapping, index) => {
    const port: Mutable<Port> = {
      index,
      containerPort: mapping.containerPort,
      servicePort: mapping.servicePort,
      protocols: portProtocols([mapping.protocol]).protocols,
      labels: mapping.labels,
      pointer: mapping.pointer,
    };
    setDefined(port, 'name', mapping.name);
    setDefined(port, 'hostPort', mapping.hostPort);
    setDefined(port, 'networkNames', mapping.networkNames);
    return port;
  });
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
