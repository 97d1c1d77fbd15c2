import type { Container, Volume } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sObject, K8sVolume, K8sVolumeMount } from './k8s-types.js';
import { SANDBOX_PATH } from './map-env.js';
import { ANNOTATION, objectMetadata } from './metadata.js';
import { childName, shortHash, toDnsLabel, truncateWithHash } from './names.js';
import type { SecretRef } from './secrets.js';

export const SANDBOX_VOLUME = 'mesos-sandbox';
/** Volume names the writer adds itself. */
export const RESERVED_VOLUME_NAMES = [SANDBOX_VOLUME, 'dshm'] as const;

type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

export interface VolumePlan {
  /** Pod volumes, in source order (persistent volumes are claim templates instead). */
  readonly volumes: readonly K8sVolume[];
  /** StatefulSet `volumeClaimTemplates`. */
  readonly claimTemplates: readonly Record<string, unknown>[];
  /** PersistentVolumes and PersistentVolumeClaims, in apply order. */
  readonly objects: readonly K8sObject[];
  /** A claim only one node can mount (Deployments must then update with Recreate). */
  readonly singleNodeClaim?: string;
  /** Some mount lies in the emulated Mesos sandbox. */
  readonly usesSandbox: boolean;
  mountsFor(container: Container): K8sVolumeMount[];
}

interface Target {
  readonly name: string;
  readonly subPath?: string;
  readonly readOnly?: boolean;
}

/** Absolute container path; relative (sandbox) paths resolve under /mnt/mesos/sandbox. */
export function resolveMountPath(path: string): string {
  if (path.startsWith('/')) return path;
  return `${SANDBOX_PATH}/${path.replace(/^\.\/+/, '')}`.replace(/\/+$/, '');
}

export function planVolumes(ctx: MapContext, secrets: ReadonlyMap<string, SecretRef>): VolumePlan {
  const { workload, names, options, report } = ctx;
  const taken = new Set<string>(RESERVED_VOLUME_NAMES);
  const k8sNames = new Map<string, string>();
  for (const volume of workload.volumes) {
    let { name } = toDnsLabel(volume.name, { prefix: 'vol', hashSource: volume.name });
    if (taken.has(name)) name = truncateWithHash(`${name}-${shortHash(volume.name)}`, 63, volume.name);
    taken.add(name);
    k8sNames.set(volume.name, name);
  }

  const volumes: K8sVolume[] = [];
  const claimTemplates: Record<string, unknown>[] = [];
  const objects: K8sObject[] = [];
  const targets = new Map<string, Target>();
  let singleNodeClaim: string | undefined;
  let usesSandbox = false;
  const relativeHosts: Extract<Volume, { kind: 'host' }>[] = [];

  for (const volume of workload.volumes) {
    const name = k8sNames.get(volume.name)!;
    switch (volume.kind) {
      case 'ephemeral': {
        const emptyDir: { medium?: 'Memory'; sizeLimit?: string } = {};
        if (volume.medium === 'memory') emptyDir.medium = 'Memory';
        if (volume.sizeMiB) emptyDir.sizeLimit = `${Math.ceil(volume.sizeMiB)}Mi`;
        volumes.push({ name, emptyDir });
        targets.set(volume.name, { name });
        break;
      }
      case 'host': {
        if (!volume.hostPath.startsWith('/')) {
          relativeHosts.push(volume);
          break;
        }
        volumes.push({ name, hostPath: { path: volume.hostPath } });
        targets.set(volume.name, { name });
        const level = ctx.target.admission.podSecurity;
        report('kubernetes/host-path-volume', level === 'privileged' ? 'hostPath' : 'blocked', {
          pointer: volume.pointer,
          data: { volume: volume.name, path: volume.hostPath, level },
          disposition: 'approximated',
          subtree: true,
        });
        break;
      }
      case 'persistent': {
        const storageClass = storageClassFor(options.storageClassMapping, [volume.profileName, `persistent:${volume.type}`, 'persistent']);
        claimTemplates.push({
          metadata: { name },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(storageClass ? { storageClassName: storageClass } : {}),
            resources: { requests: { storage: `${Math.max(1, Math.ceil(volume.sizeMiB))}Mi` } },
          },
        });
        targets.set(volume.name, { name });
        const size = `${volume.sizeMiB} MiB${volume.maxSizeMiB ? `, growing to ${volume.maxSizeMiB} MiB` : ''}`;
        report('kubernetes/persistent-data-migration', 'dataMigration', {
          pointer: volume.pointer,
          data: { volume: volume.name, size, claim: name, name: names.name },
          disposition: 'approximated',
          subtree: true,
        });
        break;
      }
      case 'external': {
        const claim = childName(names.name, name);
        const mapped = externalVolume(ctx, volume, claim);
        objects.push(...mapped.objects);
        volumes.push({ name, persistentVolumeClaim: { claimName: claim } });
        targets.set(volume.name, { name });
        if (mapped.accessMode === 'ReadWriteOnce' || mapped.accessMode === 'ReadWriteOncePod') singleNodeClaim ??= claim;
        break;
      }
      case 'secret': {
        const ref = secrets.get(volume.secret);
        if (!ref) {
          report('kubernetes/secret-undeclared', 'undeclared', {
            pointer: volume.pointer,
            data: { container: '*', secret: volume.secret, usage: `volume ${volume.name}` },
            disposition: 'unsupported',
            subtree: true,
          });
          break;
        }
        volumes.push({ name, secret: { secretName: ref.secretName, items: [{ key: ref.key, path: ref.key }] } });
        targets.set(volume.name, { name, subPath: ref.key, readOnly: true });
        break;
      }
    }
  }

  // A relative host path names a directory of the sandbox, usually a persistent volume mounted
  // there, re-mounted at an absolute path: mount that volume (or the sandbox) with a sub-path.
  for (const volume of relativeHosts) {
    const [first = '', ...rest] = volume.hostPath.replace(/^\.\/+/, '').split('/').filter(Boolean);
    const owner = workload.volumes.find(
      (candidate) => candidate !== volume && targets.has(candidate.name) && (candidate.name === first || mountsAt(workload.containers, candidate.name, resolveMountPath(first))),
    );
    if (owner) {
      const target = targets.get(owner.name)!;
      targets.set(volume.name, { name: target.name, ...(rest.length > 0 ? { subPath: rest.join('/') } : {}) });
    } else {
      targets.set(volume.name, { name: SANDBOX_VOLUME, subPath: [first, ...rest].join('/') });
      usesSandbox = true;
    }
  }

  const mountsFor = (container: Container): K8sVolumeMount[] => {
    const mounts: K8sVolumeMount[] = [];
    const paths = new Set<string>();
    for (const mount of container.mounts) {
      const target = targets.get(mount.volume);
      if (!target) {
        if (workload.volumes.some((volume) => volume.name === mount.volume)) continue; // already reported (undeclared secret)
        report('kubernetes/volume-unresolved', 'unknownVolume', { pointer: mount.pointer, data: { container: container.name, volume: mount.volume }, disposition: 'unsupported', subtree: true });
        continue;
      }
      const mountPath = resolveMountPath(mount.path);
      if (paths.has(mountPath)) {
        report('kubernetes/volume-unresolved', 'duplicatePath', { pointer: mount.pointer, data: { container: container.name, path: mountPath }, disposition: 'unsupported', subtree: true });
        continue;
      }
      paths.add(mountPath);
      const subPath = [target.subPath, mount.subPath].filter((part): part is string => Boolean(part)).join('/');
      mounts.push({
        name: target.name,
        mountPath,
        ...(subPath ? { subPath } : {}),
        ...(mount.readOnly || target.readOnly ? { readOnly: true } : {}),
      });
    }
    return mounts;
  };

  if (!usesSandbox) {
    usesSandbox = [...(workload.initContainers ?? []), ...workload.containers].some((container) =>
      container.mounts.some((mount) => {
        const path = resolveMountPath(mount.path);
        return path === SANDBOX_PATH || path.startsWith(`${SANDBOX_PATH}/`);
      }),
    );
  }
  return { volumes, claimTemplates, objects, ...(singleNodeClaim ? { singleNodeClaim } : {}), usesSandbox, mountsFor };
}

function mountsAt(containers: readonly Container[], volume: string, path: string): boolean {
  return containers.some((container) => container.mounts.some((mount) => mount.volume === volume && resolveMountPath(mount.path) === path));
}

function storageClassFor(mapping: Readonly<Record<string, string>>, keys: readonly (string | undefined)[]): string | undefined {
  for (const key of keys) if (key !== undefined && mapping[key] !== undefined) return mapping[key];
  return undefined;
}

const CSI_ACCESS_MODES: Readonly<Record<string, AccessMode>> = {
  SINGLE_NODE_WRITER: 'ReadWriteOnce',
  SINGLE_NODE_READER_ONLY: 'ReadWriteOnce',
  MULTI_NODE_READER_ONLY: 'ReadOnlyMany',
  MULTI_NODE_SINGLE_WRITER: 'ReadWriteMany',
  MULTI_NODE_MULTI_WRITER: 'ReadWriteMany',
};

/**
 * DVDI: a dynamically provisioned PVC (16 GiB when no size was given, as DVDI created them).
 * CSI: a static PersistentVolume for the existing volume (`volumeHandle`, reclaim policy Retain,
 * pre-bound to the claim) and the PVC bound to it.
 */
function externalVolume(ctx: MapContext, volume: Extract<Volume, { kind: 'external' }>, claim: string): { objects: K8sObject[]; accessMode: AccessMode } {
  const { workload, names, options, report } = ctx;
  const raw = volume.options as Record<string, unknown>;
  const capability = isRecord(raw.capability) ? raw.capability : {};
  const isCsi = volume.provider === 'csi';
  const driver = volume.driver ?? (typeof raw.pluginName === 'string' ? raw.pluginName : typeof raw['dvdi/driver'] === 'string' ? (raw['dvdi/driver'] as string) : volume.provider);
  const csiMode = typeof capability.accessMode === 'string' ? CSI_ACCESS_MODES[capability.accessMode] : undefined;
  const accessMode: AccessMode = volume.accessMode ?? csiMode ?? (volume.shared ? 'ReadWriteMany' : 'ReadWriteOnce');
  const storageClass = storageClassFor(options.storageClassMapping, [driver, volume.provider]);
  const annotations = { [ANNOTATION.externalVolume]: `${volume.provider}:${volume.externalName}` };
  const objects: K8sObject[] = [];

  if (!isCsi) {
    const size = `${volume.sizeGiB ?? 16}Gi`;
    objects.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: objectMetadata(workload, names, claim, { annotations }),
      spec: { accessModes: [accessMode], ...(storageClass ? { storageClassName: storageClass } : {}), resources: { requests: { storage: size } } },
    });
    report('kubernetes/external-volume', 'dvdi', {
      pointer: volume.pointer,
      data: { externalName: volume.externalName, driver, claim, storageClass: storageClass ? `\`${storageClass}\`` : 'the cluster default' },
      disposition: 'approximated',
      subtree: true,
    });
    return { objects, accessMode };
  }

  const size = `${volume.sizeGiB ?? 1}Gi`;
  const persistentVolume = truncateWithHash(`${names.namespace}-${claim}`, 63, `${names.namespace}/${claim}`);
  const block = capability.accessType === 'block';
  const mountFlags = Array.isArray(capability.mountFlags) ? capability.mountFlags.filter((flag): flag is string => typeof flag === 'string') : [];
  const volumeContext = isRecord(raw.volumeContext) ? stringRecord(raw.volumeContext) : undefined;
  const { namespace: _namespace, ...pvMetadata } = objectMetadata(workload, names, persistentVolume, { annotations });
  objects.push({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: pvMetadata,
    spec: {
      capacity: { storage: size },
      accessModes: [accessMode],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: storageClass ?? '',
      ...(block ? { volumeMode: 'Block' } : {}),
      ...(mountFlags.length > 0 ? { mountOptions: mountFlags } : {}),
      claimRef: { namespace: names.namespace, name: claim },
      csi: {
        driver,
        volumeHandle: volume.externalName,
        ...(typeof capability.fsType === 'string' && !block ? { fsType: capability.fsType } : {}),
        ...(capability.accessMode === 'SINGLE_NODE_READER_ONLY' || accessMode === 'ReadOnlyMany' ? { readOnly: true } : {}),
        ...(volumeContext && Object.keys(volumeContext).length > 0 ? { volumeAttributes: volumeContext } : {}),
      },
    },
  });
  objects.push({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: objectMetadata(workload, names, claim, { annotations }),
    spec: {
      accessModes: [accessMode],
      storageClassName: storageClass ?? '',
      ...(block ? { volumeMode: 'Block' } : {}),
      volumeName: persistentVolume,
      resources: { requests: { storage: size } },
    },
  });
  report('kubernetes/external-volume', 'csi', {
    pointer: volume.pointer,
    data: { externalName: volume.externalName, driver, volume: persistentVolume, claim },
    disposition: 'approximated',
    subtree: true,
  });
  if (raw.nodeStageSecret !== undefined || raw.nodePublishSecret !== undefined) {
    report('kubernetes/external-volume', 'csiSecrets', { pointer: volume.pointer, data: { externalName: volume.externalName, claim } });
  }
  return { objects, accessMode };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') result[key] = String(item);
  }
  return result;
}
