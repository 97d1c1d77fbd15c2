import type { JsonPointer } from '@baton/core';
import { canonicalId } from '../input/path-id.js';
import {
  fieldView,
  isObject,
  readArray,
  readBoolean,
  readEnum,
  readNumber,
  readObject,
  readString,
  readStringMap,
  readStrings,
  setDefined,
  type JsonObject,
  type Mutable,
} from './lenient.js';
import {
  at,
  isArchiveUri,
  optionalString,
  readArtifact,
  readBackoff,
  readCheck,
  readEnv,
  readLimits,
  readPersistent,
  readSecrets,
  readUnreachable,
} from './normalize-shared.js';
import { normalizeNetworks, translateLegacyNetworks } from './normalize-networks.js';
import type {
  HealthCheckProtocol,
  NormalizationConfig,
  NormalizedApp,
  NormalizedAppContainer,
  NormalizedAppVolume,
  NormalizedArtifact,
  NormalizedConstraint,
  NormalizedDocker,
  NormalizedHealthCheck,
  NormalizedNetwork,
  NormalizedPortDefinition,
  NormalizedPortMapping,
  NormalizedReadinessCheck,
  NormalizedResources,
} from './normalized-types.js';

/** A pair of fields Marathon refuses together; Baton keeps `kept` and reports the other. */
export interface NormalizationConflict {
  readonly pointer: JsonPointer;
  readonly other: JsonPointer;
  readonly resolution: string;
}

export interface NormalizeAppOptions {
  /**
   * Id of the enclosing group (`/` for a lone app): relative ids and dependencies resolve against it,
   * as Marathon 1.5+ does. mesosphere/marathon GroupNormalization.visitApp normalizes a group's apps
   * with `AppNormalization.withCanonizedIds(absoluteGroupPath)` (UpdateGroupStructureOp.createGroup
   * likewise with `canonicalPath(gid)`), and POST /v2/apps with `withCanonizedIds()` (base: root).
   * So `../api` on app `jobs` of group `/services` is `/api` and `api` is `/services/api`. Only
   * Marathon ≤1.4's POST /v2/apps resolved against the app's own id (`withCanonizedIds`: `/services/api`).
   */
  readonly base?: string;
  readonly config?: Partial<NormalizationConfig>;
}

/** Every field of an app that normalization reads. */
const appFields = fieldView([
  'id', 'cmd', 'args', 'user', 'env', 'instances', 'cpus', 'mem', 'disk', 'gpus', 'resourceLimits', 'executor', 'constraints',
  'labels', 'fetch', 'uris', 'dependencies', 'healthChecks', 'readinessChecks', 'check', 'backoffSeconds', 'backoffFactor',
  'maxLaunchDelaySeconds', 'container', 'ipAddress', 'networks', 'portDefinitions', 'ports', 'requirePorts', 'residency',
  'upgradeStrategy', 'unreachableStrategy', 'killSelection', 'secrets', 'tty', 'acceptedResourceRoles', 'role',
  'taskKillGracePeriodSeconds', 'version',
] as const);
type AppFields = ReturnType<typeof appFields>;
// the nested objects with the most shapes in real definitions (60 and 72 among 10,000 apps)
const dockerFields = fieldView(['portMappings', 'forcePullImage', 'privileged', 'parameters', 'image', 'pullConfig'] as const);
const healthCheckFields = fieldView([
  'protocol', 'port', 'portIndex', 'gracePeriodSeconds', 'intervalSeconds', 'timeoutSeconds', 'maxConsecutiveFailures',
  'delaySeconds', 'ignoreHttp1xx', 'ipProtocol', 'path', 'command',
] as const);

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'] as const;

/**
 * Marathon's app normalization (AppNormalization.forDeprecated + forPostValidation, reference
 * §6.4/§6.5): legacy fields translated to the 1.5 API, then defaults applied. The caller has
 * checked that `raw.id` is a usable string.
 */
export function normalizeApp(definition: JsonObject, options: NormalizeAppOptions = {}): { app: NormalizedApp; conflicts: NormalizationConflict[] } {
  const raw = appFields(definition);
  const config: NormalizationConfig = { mesosBridgeName: 'mesos-bridge', ...options.config };
  const base = options.base ?? '/';
  const conflicts: NormalizationConflict[] = [];
  const rawContainer = readObject(raw.container);
  const docker = readObject(rawContainer?.docker);
  const ipAddress = readObject(raw.ipAddress);

  // networks: legacy ipAddress / docker.network are translated, unless canonical networks are given
  const translated = translateLegacyNetworks(ipAddress, docker?.network, config);
  const canonicalGiven = readArray(raw.networks).length > 0;
  if (translated && canonicalGiven) {
    conflicts.push({ pointer: ipAddress ? '/ipAddress' : '/container/docker/network', other: '/networks', resolution: 'networks was used' });
  }
  const networks = canonicalGiven || !translated ? normalizeNetworks(raw.networks, '/networks', config, 'host') : translated;
  const hostNetworking = networks.every((network) => network.mode === 'host');

  // ports: legacy `ports` become portDefinitions; the default port exists only with host networking
  const migratedPortDefinitions = readPortDefinitions(raw, conflicts);
  const portDefinitions = hostNetworking ? (migratedPortDefinitions ?? [{ port: 0, protocol: 'tcp', name: 'default', labels: {}, pointer: '/portDefinitions' }]) : undefined;

  const container = normalizeContainer(rawContainer, ipAddress, networks, hostNetworking, migratedPortDefinitions, conflicts);

  const persistentVolumes = container?.volumes.some((volume) => volume.kind === 'persistent') ?? false;
  const resident = persistentVolumes || isObject(raw.residency);
  const hasPorts = (portDefinitions?.length ?? 0) > 0 || (container?.portMappings?.length ?? 0) > 0;
  const upgrade = readObject(raw.upgradeStrategy);
  const id = canonicalId(readString(raw.id) ?? '', base);

  const app: Mutable<NormalizedApp> = {
    id,
    env: readEnv(raw.env, '/env'),
    instances: readNumber(raw.instances) ?? 1,
    resources: readResources(raw),
    executor: readString(raw.executor) ?? '',
    constraints: readAppConstraints(raw.constraints),
    labels: readStringMap(raw.labels),
    fetch: readFetch(raw, conflicts),
    dependencies: readStrings(raw.dependencies).map((dependency) => canonicalId(dependency, base)),
    healthChecks: readArray(raw.healthChecks).flatMap((check, index) => readHealthCheck(check, at('/healthChecks', index), hasPorts)),
    readinessChecks: readArray(raw.readinessChecks).flatMap((check, index) => readReadinessCheck(check, at('/readinessChecks', index))),
    backoff: readBackoff(raw.backoffSeconds, raw.backoffFactor, raw.maxLaunchDelaySeconds),
    networks,
    // requirePorts only applies to host networking
    requirePorts: hostNetworking ? (readBoolean(raw.requirePorts) ?? false) : false,
    upgradeStrategy: {
      minimumHealthCapacity: readNumber(upgrade?.minimumHealthCapacity) ?? (resident ? 0.5 : 1),
      maximumOverCapacity: readNumber(upgrade?.maximumOverCapacity) ?? (resident ? 0 : 1),
    },
    unreachableStrategy: readUnreachable(raw.unreachableStrategy, persistentVolumes),
    killSelection: readEnum(raw.killSelection, ['YOUNGEST_FIRST', 'OLDEST_FIRST'] as const) ?? 'YOUNGEST_FIRST',
    secrets: readSecrets(raw.secrets, '/secrets'),
    tty: readBoolean(raw.tty) ?? false,
    resident,
  };
  setDefined(app, 'cmd', readString(raw.cmd));
  if (Array.isArray(raw.args)) app.args = readStrings(raw.args);
  setDefined(app, 'user', readString(raw.user));
  if (Array.isArray(raw.acceptedResourceRoles)) app.acceptedResourceRoles = readStrings(raw.acceptedResourceRoles);
  setDefined(app, 'role', readString(raw.role) ?? config.defaultRole);
  setDefined(app, 'check', readCheck(raw.check, '/check'));
  setDefined(app, 'container', container);
  setDefined(app, 'portDefinitions', portDefinitions);
  setDefined(app, 'taskKillGracePeriodSeconds', readNumber(raw.taskKillGracePeriodSeconds));
  if (ipAddress && Array.isArray(ipAddress.groups)) app.securityGroups = readStrings(ipAddress.groups);
  setDefined(app, 'version', readString(raw.version));
  return { app, conflicts };
}

function readResources(raw: AppFields): NormalizedResources {
  const resources: Mutable<NormalizedResources> = {
    cpus: readNumber(raw.cpus) ?? 1,
    mem: readNumber(raw.mem) ?? 128,
    disk: readNumber(raw.disk) ?? 0,
    gpus: readNumber(raw.gpus) ?? 0,
  };
  setDefined(resources, 'limits', readLimits(raw.resourceLimits));
  return resources;
}

function readPortDefinitions(raw: AppFields, conflicts: NormalizationConflict[]): NormalizedPortDefinition[] | undefined {
  const legacy = Array.isArray(raw.ports)
    ? raw.ports.flatMap((port, index) => {
        const number = readNumber(port);
        return number === undefined ? [] : [{ port: number, protocol: 'tcp', labels: {}, pointer: at('/ports', index) }];
      })
    : undefined;
  if (!Array.isArray(raw.portDefinitions)) return legacy;
  const canonical = raw.portDefinitions.flatMap((value, index) => {
    const definition = readObject(value);
    if (!definition) return [];
    return [
      {
        port: readNumber(definition.port) ?? 0,
        protocol: readPortProtocol(definition.protocol),
        ...optionalString('name', definition.name),
        labels: readStringMap(definition.labels),
        pointer: at('/portDefinitions', index),
      },
    ];
  });
  // both are given by <= 1.4 GET responses; Marathon requires them to agree
  if (legacy && legacy.length > 0 && legacy.map((port) => port.port).join() !== canonical.map((port) => port.port).join()) {
    conflicts.push({ pointer: '/ports', other: '/portDefinitions', resolution: 'portDefinitions was used' });
  }
  return canonical;
}

function readPortProtocol(value: unknown): string {
  return readEnum(value, ['tcp', 'udp', 'udp,tcp', 'tcp,udp', 'sctp'] as const) ?? 'tcp';
}

function readPortMapping(value: unknown, pointer: JsonPointer): NormalizedPortMapping | undefined {
  const mapping = readObject(value);
  if (!mapping) return undefined;
  const result: Mutable<NormalizedPortMapping> = {
    containerPort: readNumber(mapping.containerPort) ?? 0,
    servicePort: readNumber(mapping.servicePort) ?? 0,
    protocol: readPortProtocol(mapping.protocol),
    labels: readStringMap(mapping.labels),
    pointer,
  };
  setDefined(result, 'hostPort', readNumber(mapping.hostPort));
  setDefined(result, 'name', readString(mapping.name));
  if (Array.isArray(mapping.networkNames)) result.networkNames = readStrings(mapping.networkNames);
  return result;
}

const readMappings = (value: readonly unknown[], pointer: JsonPointer): NormalizedPortMapping[] =>
  value.flatMap((item, index) => readPortMapping(item, at(pointer, index)) ?? []);

/** The default mapping of non-host networking: containerPort 0 named `default` (Apps.DefaultPortMappings). */
const defaultMapping = (pointer: JsonPointer): NormalizedPortMapping => ({ containerPort: 0, servicePort: 0, protocol: 'tcp', name: 'default', labels: {}, pointer });

function normalizeContainer(
  rawContainer: JsonObject | undefined,
  ipAddress: JsonObject | undefined,
  networks: readonly NormalizedNetwork[],
  hostNetworking: boolean,
  migratedPortDefinitions: readonly NormalizedPortDefinition[] | undefined,
  conflicts: NormalizationConflict[],
): NormalizedAppContainer | undefined {
  // no container but ipAddress, or non-host networking: Marathon creates an empty MESOS container
  const implied = !rawContainer && (ipAddress !== undefined || !hostNetworking);
  if (!rawContainer && !implied) return undefined;
  const source = rawContainer ?? {};
  const pointer = rawContainer ? '/container' : ipAddress ? '/ipAddress' : '/networks';
  const type = rawContainer ? (readEnum(source.type, ['DOCKER', 'MESOS'] as const) ?? 'DOCKER') : 'MESOS';
  const rawDocker = readObject(source.docker);
  const docker = rawDocker && dockerFields(rawDocker);

  // migrateDockerPortMappings, then migrateIpDiscovery (§6.4)
  let portMappings: NormalizedPortMapping[] | undefined = Array.isArray(source.portMappings) ? readMappings(source.portMappings, '/container/portMappings') : undefined;
  if (docker && Array.isArray(docker.portMappings)) {
    if (portMappings === undefined) portMappings = readMappings(docker.portMappings, '/container/docker/portMappings');
    else if (docker.portMappings.length > 0) {
      conflicts.push({ pointer: '/container/docker/portMappings', other: '/container/portMappings', resolution: 'container.portMappings was used' });
    }
  }
  const discovery = readArray(readObject(ipAddress?.discovery)?.ports);
  if (discovery.length > 0) {
    // migrateIpDiscovery: "ipAddress.discovery.ports do not apply for container type DOCKER" (a 422)
    if (type === 'DOCKER') {
      conflicts.push({ pointer: '/ipAddress/discovery/ports', other: '/container/type', resolution: 'Marathon accepts discovery ports for MESOS containers only; they were read as container port mappings' });
    }
    if (portMappings && portMappings.length > 0) {
      conflicts.push({ pointer: '/ipAddress/discovery/ports', other: '/container/portMappings', resolution: 'container.portMappings was used' });
    } else {
      portMappings = discovery.flatMap((value, index) => {
        const port = readObject(value);
        if (!port) return [];
        // the old IP-per-container API had no host ports
        return [
          {
            containerPort: readNumber(port.number) ?? 0,
            servicePort: 0,
            protocol: readPortProtocol(port.protocol),
            ...optionalString('name', port.name),
            labels: readStringMap(port.labels),
            pointer: at('/ipAddress/discovery/ports', index),
          },
        ];
      });
    }
  }

  if (hostNetworking) {
    // maybeDropPortMappings: mappings mean nothing on the host network
    if (portMappings && portMappings.length > 0) {
      const mappingsPointer = portMappings[0]!.pointer.replace(/\/\d+$/, '');
      conflicts.push({ pointer: mappingsPointer, other: networks[0]?.pointer ?? '/networks', resolution: 'the port mappings were dropped, as Marathon drops them with host networking' });
    }
    portMappings = undefined;
  } else {
    portMappings ??= [defaultMapping('/container/portMappings')];
    // legacy apps with more portDefinitions than mappings get empty mappings appended
    const missing = (migratedPortDefinitions?.length ?? 0) - portMappings.length;
    for (let index = 0; index < missing; index += 1) portMappings.push({ containerPort: 0, servicePort: 0, protocol: 'tcp', labels: {}, pointer: '/container/portMappings' });
    // container/bridge: a mapping without hostPort gets hostPort 0
    if (networks.some((network) => network.mode === 'container/bridge')) {
      portMappings = portMappings.map((mapping) => (mapping.hostPort === undefined ? { ...mapping, hostPort: 0 } : mapping));
    }
  }

  return {
    type,
    ...(docker ? { docker: readDocker(docker) } : {}),
    ...(portMappings ? { portMappings } : {}),
    volumes: readArray(source.volumes).flatMap((volume, index) => readAppVolume(volume, at('/container/volumes', index)) ?? []),
    ...(readObject(source.linuxInfo) ? { linuxInfo: readObject(source.linuxInfo)! } : {}),
    pointer,
  };
}

function readDocker(docker: ReturnType<typeof dockerFields>): NormalizedDocker {
  const result: Mutable<NormalizedDocker> = {
    forcePullImage: readBoolean(docker.forcePullImage) ?? false,
    privileged: readBoolean(docker.privileged) ?? false,
    parameters: readArray(docker.parameters).flatMap((value, index) => {
      const parameter = readObject(value);
      const key = readString(parameter?.key);
      return key === undefined ? [] : [{ key, value: readString(parameter?.value) ?? '', pointer: at('/container/docker/parameters', index) }];
    }),
    pointer: '/container/docker',
  };
  setDefined(result, 'image', readString(docker.image));
  setDefined(result, 'pullConfigSecret', readString(readObject(docker.pullConfig)?.secret));
  return result;
}

function readAppVolume(value: unknown, pointer: JsonPointer): NormalizedAppVolume | undefined {
  const volume = readObject(value);
  if (!volume) return undefined;
  const containerPath = readString(volume.containerPath) ?? '';
  const mode = readEnum(volume.mode, ['RO', 'RW'] as const) ?? 'RW';
  const persistent = readObject(volume.persistent);
  if (persistent) return { kind: 'persistent', containerPath, mode, persistent: readPersistent(persistent), pointer };
  const external = readObject(volume.external);
  if (external) {
    const size = readNumber(external.size);
    return {
      kind: 'external',
      containerPath,
      mode,
      external: {
        name: readString(external.name) ?? '',
        provider: readString(external.provider) ?? 'dvdi',
        ...(size !== undefined ? { size } : {}),
        shared: readBoolean(external.shared) ?? false,
        options: readObject(external.options) ?? {},
      },
      pointer,
    };
  }
  const secret = readString(volume.secret);
  if (secret !== undefined) return { kind: 'secret', containerPath, secret, pointer };
  const hostPath = readString(volume.hostPath);
  if (hostPath !== undefined) return { kind: 'host', containerPath, hostPath, mode, pointer };
  return { kind: 'anonymous', containerPath, mode, pointer };
}

function readFetch(raw: AppFields, conflicts: NormalizationConflict[]): NormalizedArtifact[] {
  const fetch = readArray(raw.fetch).flatMap((value, index) => readArtifact(value, at('/fetch', index)) ?? []);
  const uris = readArray(raw.uris).flatMap((value, index) => {
    const uri = readString(value);
    return uri === undefined ? [] : [{ uri, extract: isArchiveUri(uri), executable: false, cache: false, pointer: at('/uris', index) }];
  });
  if (uris.length === 0) return fetch;
  if (fetch.length === 0) return uris;
  // <= 1.4 GET responses carry both, equal; Marathon refuses two different lists
  if (uris.map((artifact) => artifact.uri).join() !== fetch.map((artifact) => artifact.uri).join()) {
    conflicts.push({ pointer: '/uris', other: '/fetch', resolution: 'fetch was used' });
  }
  return fetch;
}

function readAppConstraints(value: unknown): NormalizedConstraint[] {
  return readArray(value).flatMap((item, index) => {
    const parts = readArray(item).map((part) => readString(part));
    const [field, operator, constraintValue] = parts;
    if (field === undefined || operator === undefined) return [];
    // app constraint operators are upper-cased before parsing (§14)
    return [{ field, operator: operator.toUpperCase(), ...(constraintValue !== undefined ? { value: constraintValue } : {}), pointer: at('/constraints', index) }];
  });
}

function readHealthCheck(value: unknown, pointer: JsonPointer, hasPorts: boolean): NormalizedHealthCheck[] {
  const object = readObject(value);
  if (!object) return [];
  const check = healthCheckFields(object);
  const protocol: HealthCheckProtocol = readEnum(check.protocol, PROTOCOLS) ?? 'HTTP';
  const port = readNumber(check.port);
  let portIndex = readNumber(check.portIndex);
  // backwards compatibility: portIndex 0 is added when neither port nor portIndex is set (§6.4)
  if (protocol !== 'COMMAND' && port === undefined && portIndex === undefined && hasPorts) portIndex = 0;
  const result: Mutable<NormalizedHealthCheck> = {
      protocol,
      gracePeriodSeconds: readNumber(check.gracePeriodSeconds) ?? 300,
      intervalSeconds: readNumber(check.intervalSeconds) ?? 60,
      timeoutSeconds: readNumber(check.timeoutSeconds) ?? 20,
      maxConsecutiveFailures: readNumber(check.maxConsecutiveFailures) ?? 3,
      delaySeconds: readNumber(check.delaySeconds) ?? 15,
      ignoreHttp1xx: readBoolean(check.ignoreHttp1xx) ?? false,
      ipProtocol: readEnum(check.ipProtocol, ['IPv4', 'IPv6'] as const) ?? 'IPv4',
      pointer,
  };
  setDefined(result, 'path', readString(check.path));
  setDefined(result, 'portIndex', portIndex);
  setDefined(result, 'port', port);
  setDefined(result, 'command', readString(readObject(check.command)?.value));
  return [result];
}

function readReadinessCheck(value: unknown, pointer: JsonPointer): NormalizedReadinessCheck[] {
  const check = readObject(value);
  if (!check) return [];
  const codes = readArray(check.httpStatusCodesForReady).flatMap((code) => readNumber(code) ?? []);
  return [
    {
      name: readString(check.name) ?? 'readinessCheck',
      protocol: readEnum(check.protocol, ['HTTP', 'HTTPS'] as const) ?? 'HTTP',
      path: readString(check.path) ?? '/',
      portName: readString(check.portName) ?? 'http-api',
      intervalSeconds: readNumber(check.intervalSeconds) ?? 30,
      timeoutSeconds: readNumber(check.timeoutSeconds) ?? 10,
      // an empty list is normalized to [200] as well (normalizeReadinessCheck)
      httpStatusCodesForReady: codes.length > 0 ? codes : [200],
      preserveLastResponse: readBoolean(check.preserveLastResponse) ?? false,
      pointer,
    },
  ];
}
