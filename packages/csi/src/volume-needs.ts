// How each volume of a workload lands on the target: which StorageClass and driver serve it,
// with which access and volume mode. Shared by the rules so they agree on the resolution.

import type { AccessMode, CsiDriverProfile, StorageClassProfile, TargetProfile, Volume, Workload } from '@baton/core';
import { dvdiDriverMapping } from './catalog/csi-driver-catalog.js';
import type { ResolvedCsiOptions } from './csi-options.js';

export type PersistentVolume = Extract<Volume, { kind: 'persistent' }>;
export type ExternalVolume = Extract<Volume, { kind: 'external' }>;
export type HostVolume = Extract<Volume, { kind: 'host' }>;

/** False when the profile does not list the cluster's storage (generic, OpenShift per platform). */
export function inventoryKnown(target: TargetProfile): boolean {
  return (target.storage.inventory ?? 'complete') !== 'unknown';
}

export function findDriver(target: TargetProfile, name: string): CsiDriverProfile | undefined {
  return target.storage.drivers.find((d) => d.name === name || (d.aliases ?? []).includes(name));
}

export interface ClassResolution {
  readonly storageClass?: StorageClassProfile;
  /** How the class was chosen; `none` when neither a mapping nor a default exists. */
  readonly via: 'mapping' | 'default' | 'none';
  /** The mapping key and the class name it names, when the mapping was used. */
  readonly mappedKey?: string;
  readonly mappedName?: string;
}

function mappingKeys(volume: Volume): string[] {
  if (volume.kind === 'persistent') return [volume.profileName, volume.type, 'persistent', '*'].filter((k): k is string => typeof k === 'string');
  if (volume.kind === 'external') return [externalDriverKey(volume), volume.provider, 'external', '*'].filter((k): k is string => typeof k === 'string');
  return [];
}

/** The StorageClass a persistent or external volume would use: the most specific mapping, else the default class. */
export function resolveStorageClass(volume: Volume, target: TargetProfile, options: ResolvedCsiOptions): ClassResolution {
  for (const key of mappingKeys(volume)) {
    const name = options.storageClassMapping[key];
    if (name === undefined) continue;
    const storageClass = target.storage.classes.find((c) => c.name === name);
    return { via: 'mapping', mappedKey: key, mappedName: name, ...(storageClass ? { storageClass } : {}) };
  }
  const fallback = target.storage.classes.find((c) => c.name === target.storage.defaultClass);
  return fallback ? { via: 'default', storageClass: fallback } : { via: 'none' };
}

/** The Marathon-side driver name of an external volume: DVDI `dvdi/driver` or CSI `pluginName`. */
export function externalDriverKey(volume: ExternalVolume): string | undefined {
  if (volume.driver) return volume.driver;
  const options = volume.options as Record<string, unknown>;
  const dvdi = options['dvdi/driver'];
  if (typeof dvdi === 'string') return dvdi;
  const plugin = options.pluginName;
  return typeof plugin === 'string' ? plugin : undefined;
}

export interface DriverResolution {
  /** Kubernetes driver name, when known. */
  readonly name?: string;
  /** The driver's profile on the target (absent: the target lacks it). */
  readonly profile?: CsiDriverProfile;
  readonly via: 'mapping' | 'storage-class' | 'csi-plugin' | 'dvdi-catalog' | 'unknown';
  /** Marathon-side driver key (`rexray`, a pluginName). */
  readonly key?: string;
}

/** Which Kubernetes driver serves an external volume, and whether the target has it. */
export function resolveExternalDriver(volume: ExternalVolume, target: TargetProfile, options: ResolvedCsiOptions): DriverResolution {
  const key = externalDriverKey(volume);
  const found = (name: string, via: DriverResolution['via']): DriverResolution => {
    const profile = findDriver(target, name);
    return { name, via, ...(key ? { key } : {}), ...(profile ? { profile } : {}) };
  };
  if (key && options.driverMapping[key]) return found(options.driverMapping[key]!, 'mapping');
  const mapped = resolveStorageClass(volume, target, options);
  if (mapped.via === 'mapping' && mapped.storageClass) return found(mapped.storageClass.provisioner, 'storage-class');
  if (volume.provider === 'csi' && key) return found(key, 'csi-plugin');
  if (key && dvdiDriverMapping[key]) return found(dvdiDriverMapping[key]!, 'dvdi-catalog');
  return { via: 'unknown', ...(key ? { key } : {}) };
}

/** The driver behind a StorageClass: the profile's entry, else the catalog's, else unknown. */
export function driverOfClass(target: TargetProfile, storageClass: StorageClassProfile): CsiDriverProfile | undefined {
  return findDriver(target, storageClass.provisioner);
}

/** The driver a volume ends up on, through its external driver or its StorageClass. */
export function driverOfVolume(volume: Volume, target: TargetProfile, options: ResolvedCsiOptions): CsiDriverProfile | undefined {
  if (volume.kind === 'external') return resolveExternalDriver(volume, target, options).profile;
  if (volume.kind === 'persistent') {
    const { storageClass } = resolveStorageClass(volume, target, options);
    return storageClass ? driverOfClass(target, storageClass) : undefined;
  }
  return undefined;
}

/** Access mode the volume needs: the Marathon CSI capability, `shared` DVDI volumes, else RWO. */
export function requestedAccessMode(volume: Volume): AccessMode {
  if (volume.kind !== 'external') return 'ReadWriteOnce';
  if (volume.accessMode) return volume.accessMode;
  return volume.shared ? 'ReadWriteMany' : 'ReadWriteOnce';
}

export function requestedVolumeMode(volume: Volume): 'Filesystem' | 'Block' {
  if (volume.kind !== 'external') return 'Filesystem';
  const capability = (volume.options as Record<string, unknown>).capability as Record<string, unknown> | undefined;
  return capability?.accessType === 'block' ? 'Block' : 'Filesystem';
}

/** Whether `driver` offers `mode` for a volume of `volumeMode`. */
export function offersAccessMode(driver: CsiDriverProfile, mode: AccessMode, volumeMode: 'Filesystem' | 'Block'): boolean {
  if (!driver.accessModes.includes(mode)) return false;
  return volumeMode === 'Block' || !(driver.blockOnlyAccessModes ?? []).includes(mode);
}

export const MULTI_NODE_MODES: readonly AccessMode[] = ['ReadWriteMany', 'ReadOnlyMany'];

export function requestedSizeMiB(volume: Volume): number | undefined {
  if (volume.kind === 'persistent') return volume.sizeMiB;
  if (volume.kind === 'external' && volume.sizeGiB !== undefined) return volume.sizeGiB * 1024;
  return undefined;
}

/** Absolute host paths (relative ones are Mesos sandbox directories, which become emptyDir or subPath). */
export function absoluteHostVolumes(workload: Workload): HostVolume[] {
  return workload.volumes.filter((v): v is HostVolume => v.kind === 'host' && v.hostPath.startsWith('/'));
}

/** Whether every mount of `volume` is read-only (and there is at least one). */
export function mountedReadOnly(workload: Workload, volume: string): boolean {
  const mounts = workload.containers.flatMap((c) => c.mounts).filter((m) => m.volume === volume);
  return mounts.length > 0 && mounts.every((m) => m.readOnly);
}

