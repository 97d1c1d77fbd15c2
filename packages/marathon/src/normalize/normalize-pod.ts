import type { JsonPointer } from '@baton/core';
import { canonicalId } from '../input/path-id.js';
import { readArray, readBoolean, readEnum, readNumber, readObject, readString, readStringMap, readStrings, type JsonObject } from './lenient.js';
import { normalizeNetworks } from './normalize-networks.js';
import {
  at,
  mergeEnv,
  optionalNumber,
  optionalString,
  readArtifact,
  readBackoff,
  readCheck,
  readCommand,
  readEnv,
  readLimits,
  readPersistent,
  readSecrets,
  readUnreachable,
} from './normalize-shared.js';
import type {
  NormalizationConfig,
  NormalizedConstraint,
  NormalizedEndpoint,
  NormalizedEnvVar,
  NormalizedPod,
  NormalizedPodContainer,
  NormalizedPodHealthCheck,
  NormalizedPodVolume,
} from './normalized-types.js';

export interface NormalizePodOptions {
  readonly base?: string;
  readonly config?: Partial<NormalizationConfig>;
  /** Pointer of the pod inside its definition: `/spec` for a PodStatus from `/v2/groups`. */
  readonly pointer?: JsonPointer;
}

/** Marathon's pod normalization (PodNormalization, RAML defaults; reference §7). */
export function normalizePod(raw: JsonObject, options: NormalizePodOptions = {}): NormalizedPod {
  const config: NormalizationConfig = { mesosBridgeName: 'mesos-bridge', ...options.config };
  const root = options.pointer ?? '';
  const networks = normalizeNetworks(raw.networks, at(root, 'networks'), config, 'none');
  const containerNetworking = networks.some((network) => network.mode === 'container');
  const volumes = readArray(raw.volumes).flatMap((value, index) => readPodVolume(value, at(root, 'volumes', index)) ?? []);
  const resident = volumes.some((volume) => volume.kind === 'persistent') || readObject(readObject(raw.scheduling)?.residency) !== undefined;
  const podEnv = readEnv(raw.environment, at(root, 'environment'));
  const podUser = readString(raw.user);
  const scheduling = readObject(raw.scheduling);
  const upgrade = readObject(scheduling?.upgrade);
  const backoff = readObject(scheduling?.backoff);
  const placement = readObject(scheduling?.placement);
  const linuxInfo = readObject(raw.linuxInfo);
  const legacySharedCgroups = readBoolean(raw.legacySharedCgroups);
  const role = readString(raw.role) ?? config.defaultRole;

  return {
    id: canonicalId(readString(raw.id) ?? '', options.base ?? '/'),
    labels: readStringMap(raw.labels),
    ...optionalString('version', raw.version),
    ...(podUser !== undefined ? { user: podUser } : {}),
    containers: readArray(raw.containers).flatMap(
      (value, index) => readContainer(value, at(root, 'containers', index), podEnv, podUser, containerNetworking) ?? [],
    ),
    secrets: readSecrets(raw.secrets, at(root, 'secrets')),
    volumes,
    networks,
    instances: readNumber(readObject(raw.scaling)?.instances) ?? 1,
    backoff: readBackoff(backoff?.backoff, backoff?.backoffFactor, backoff?.maxLaunchDelay),
    upgrade: {
      minimumHealthCapacity: readNumber(upgrade?.minimumHealthCapacity) ?? (resident ? 0.5 : 1),
      maximumOverCapacity: readNumber(upgrade?.maximumOverCapacity) ?? (resident ? 0 : 1),
    },
    constraints: readPodConstraints(placement?.constraints, at(root, 'scheduling', 'placement', 'constraints')),
    ...(Array.isArray(placement?.acceptedResourceRoles) ? { acceptedResourceRoles: readStrings(placement.acceptedResourceRoles) } : {}),
    killSelection: readEnum(scheduling?.killSelection, ['YOUNGEST_FIRST', 'OLDEST_FIRST'] as const) ?? 'YOUNGEST_FIRST',
    unreachableStrategy: readUnreachable(scheduling?.unreachableStrategy, resident),
    ...(role !== undefined ? { role } : {}),
    ...(linuxInfo ? { linuxInfo } : {}),
    ...(legacySharedCgroups !== undefined ? { legacySharedCgroups } : {}),
    resident,
  };
}

function readContainer(
  value: unknown,
  pointer: JsonPointer,
  podEnv: readonly NormalizedEnvVar[],
  podUser: string | undefined,
  containerNetworking: boolean,
): NormalizedPodContainer | undefined {
  const container = readObject(value);
  if (!container) return undefined;
  const resources = readObject(container.resources);
  const image = readObject(container.image);
  const imageId = readString(image?.id);
  const exec = readObject(container.exec);
  const command = readCommand(exec?.command);
  const user = readString(container.user) ?? podUser;
  const healthCheck = readPodHealthCheck(container.healthCheck, at(pointer, 'healthCheck'));
  const check = readCheck(container.check, at(pointer, 'check'));
  const pullConfigSecret = readString(readObject(image?.pullConfig)?.secret);
  const linuxInfo = readObject(container.linuxInfo);
  const limits = readLimits(container.resourceLimits);
  return {
    name: readString(container.name) ?? '',
    ...(command
      ? { exec: { command, overrideEntrypoint: 'shell' in command ? true : (readBoolean(exec?.overrideEntrypoint) ?? false) } }
      : {}),
    resources: {
      cpus: readNumber(resources?.cpus) ?? 1,
      mem: readNumber(resources?.mem) ?? 128,
      disk: readNumber(resources?.disk) ?? 0,
      gpus: readNumber(resources?.gpus) ?? 0,
      ...(limits ? { limits } : {}),
    },
    endpoints: readArray(container.endpoints).flatMap((item, index) => readEndpoint(item, at(pointer, 'endpoints', index), containerNetworking) ?? []),
    ...(image && imageId !== undefined
      ? {
          image: {
            kind: readEnum(image.kind, ['DOCKER', 'APPC'] as const) ?? 'DOCKER',
            id: imageId,
            forcePull: readBoolean(image.forcePull) ?? false,
            ...(pullConfigSecret !== undefined ? { pullConfigSecret } : {}),
            pointer: at(pointer, 'image'),
          },
        }
      : {}),
    environment: mergeEnv(podEnv, readEnv(container.environment, at(pointer, 'environment'))),
    ...(user !== undefined ? { user } : {}),
    ...(healthCheck ? { healthCheck } : {}),
    ...(check ? { check } : {}),
    volumeMounts: readArray(container.volumeMounts).flatMap((item, index) => {
      const mount = readObject(item);
      const name = readString(mount?.name);
      const mountPath = readString(mount?.mountPath);
      if (name === undefined || mountPath === undefined) return [];
      return [{ name, mountPath, readOnly: readBoolean(mount?.readOnly) ?? false, pointer: at(pointer, 'volumeMounts', index) }];
    }),
    artifacts: readArray(container.artifacts).flatMap((item, index) => readArtifact(item, at(pointer, 'artifacts', index)) ?? []),
    labels: readStringMap(container.labels),
    ...optionalNumber('killGracePeriodSeconds', readObject(container.lifecycle)?.killGracePeriodSeconds),
    ...(linuxInfo ? { linuxInfo } : {}),
    tty: readBoolean(container.tty) ?? false,
    pointer,
  };
}

function readEndpoint(value: unknown, pointer: JsonPointer, containerNetworking: boolean): NormalizedEndpoint | undefined {
  const endpoint = readObject(value);
  const name = readString(endpoint?.name);
  if (!endpoint || name === undefined) return undefined;
  const containerPort = readNumber(endpoint.containerPort);
  // outside container networks a missing hostPort means a dynamic one (0); inside, none (§7.2)
  const hostPort = readNumber(endpoint.hostPort) ?? (containerNetworking ? undefined : 0);
  const protocol = readStrings(endpoint.protocol);
  return {
    name,
    ...(containerPort !== undefined ? { containerPort } : {}),
    ...(hostPort !== undefined ? { hostPort } : {}),
    protocol: protocol.length > 0 ? protocol : ['tcp'],
    labels: readStringMap(endpoint.labels),
    ...(Array.isArray(endpoint.networkNames) ? { networkNames: readStrings(endpoint.networkNames) } : {}),
    pointer,
  };
}

function readPodHealthCheck(value: unknown, pointer: JsonPointer): NormalizedPodHealthCheck | undefined {
  const check = readObject(value);
  if (!check) return undefined;
  const timing = {
    gracePeriodSeconds: readNumber(check.gracePeriodSeconds) ?? 300,
    intervalSeconds: readNumber(check.intervalSeconds) ?? 60,
    timeoutSeconds: readNumber(check.timeoutSeconds) ?? 20,
    maxConsecutiveFailures: readNumber(check.maxConsecutiveFailures) ?? 3,
    // pods.md says 2; the RAML type and the code say 15 (§18.17)
    delaySeconds: readNumber(check.delaySeconds) ?? 15,
    pointer,
  };
  const http = readObject(check.http);
  if (http) return { kind: 'http', ...optionalString('endpoint', http.endpoint), ...optionalString('path', http.path), scheme: readEnum(http.scheme, ['HTTP', 'HTTPS'] as const) ?? 'HTTP', ...timing };
  const tcp = readObject(check.tcp);
  if (tcp) return { kind: 'tcp', ...optionalString('endpoint', tcp.endpoint), scheme: 'HTTP', ...timing };
  const command = readCommand(readObject(check.exec)?.command);
  if (command) return { kind: 'exec', command, scheme: 'HTTP', ...timing };
  return undefined;
}

function readPodVolume(value: unknown, pointer: JsonPointer): NormalizedPodVolume | undefined {
  const volume = readObject(value);
  const name = readString(volume?.name);
  if (!volume || name === undefined) return undefined;
  const persistent = readObject(volume.persistent);
  if (persistent) return { kind: 'persistent', name, persistent: readPersistent(persistent), pointer };
  const secret = readString(volume.secret);
  if (secret !== undefined) return { kind: 'secret', name, secret, pointer };
  const host = readString(volume.host);
  if (host !== undefined) return { kind: 'host', name, host, pointer };
  return { kind: 'ephemeral', name, pointer };
}

function readPodConstraints(value: unknown, pointer: JsonPointer): NormalizedConstraint[] {
  return readArray(value).flatMap((item, index) => {
    const constraint = readObject(item);
    const field = readString(constraint?.fieldName);
    const operator = readString(constraint?.operator);
    if (field === undefined || operator === undefined) return [];
    const constraintValue = readString(constraint?.value);
    return [{ field, operator: operator.toUpperCase(), ...(constraintValue !== undefined ? { value: constraintValue } : {}), pointer: at(pointer, index) }];
  });
}
