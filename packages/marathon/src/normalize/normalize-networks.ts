import type { JsonPointer } from '@baton/core';
import { readArray, readEnum, readObject, readString, readStringMap, type JsonObject } from './lenient.js';
import { at } from './normalize-shared.js';
import type { NetworkMode, NormalizationConfig, NormalizedNetwork } from './normalized-types.js';

const MODES = ['host', 'container/bridge', 'container'] as const;

/**
 * Canonical `networks` (§6.3, NetworkNormalization): a network without `mode` is a `container`
 * network, and an unnamed container network gets `default_network_name` when it is known.
 * Apps without networks use host networking; pods keep `[]` as given.
 */
export function normalizeNetworks(value: unknown, pointer: JsonPointer, config: NormalizationConfig, whenEmpty: 'host' | 'none'): NormalizedNetwork[] {
  const networks = readArray(value).flatMap((item, index) => {
    const network = readObject(item);
    if (!network) return [];
    const mode: NetworkMode = readEnum(network.mode, MODES) ?? 'container';
    return [withDefaultName({ mode, ...optionalName(readString(network.name)), labels: readStringMap(network.labels), pointer: at(pointer, index) }, config)];
  });
  if (networks.length === 0 && whenEmpty === 'host') return [{ mode: 'host', labels: {}, pointer }];
  return networks;
}

/**
 * NetworkTranslation (§6.4): `ipAddress` and `container.docker.network` to `networks`.
 * Undefined when neither legacy field is used. `NONE` is rejected by Marathon and ignored here.
 */
export function translateLegacyNetworks(ipAddress: JsonObject | undefined, dockerNetwork: unknown, config: NormalizationConfig): NormalizedNetwork[] | undefined {
  const type = readEnum(dockerNetwork, ['HOST', 'BRIDGE', 'USER'] as const);
  const labels = readStringMap(ipAddress?.labels);
  const name = readString(ipAddress?.networkName);
  if (ipAddress) {
    const pointer = '/ipAddress';
    if (type === 'HOST') return [{ mode: 'host', labels: {}, pointer: '/container/docker/network' }];
    if (type === 'BRIDGE') return [{ mode: 'container/bridge', labels, pointer }];
    if (type === 'USER') return [withDefaultName({ mode: 'container', ...optionalName(name), labels, pointer }, config)];
    // ip-per-container on the bridge network is tolerated by Marathon
    if (name !== undefined && name === config.mesosBridgeName) return [{ mode: 'container/bridge', labels, pointer }];
    return [withDefaultName({ mode: 'container', ...optionalName(name), labels, pointer }, config)];
  }
  const pointer = '/container/docker/network';
  if (type === 'HOST') return [{ mode: 'host', labels: {}, pointer }];
  if (type === 'BRIDGE') return [{ mode: 'container/bridge', labels: {}, pointer }];
  if (type === 'USER') return [withDefaultName({ mode: 'container', labels: {}, pointer }, config)];
  return undefined;
}

function optionalName(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name };
}

function withDefaultName(network: NormalizedNetwork, config: NormalizationConfig): NormalizedNetwork {
  if (network.mode !== 'container' || network.name !== undefined || config.defaultNetworkName === undefined) return network;
  return { ...network, name: config.defaultNetworkName };
}
