import type { Mount, Volume } from '@baton/core';
import type { NormalizedAppVolume } from '../normalize/normalized-types.js';
import { sandboxPath, uniqueNamer } from './model-parts.js';

const SANDBOX_VOLUME = 'mesos-sandbox';

/** CSI access modes (§13.1) to Kubernetes ones. */
const CSI_ACCESS_MODES: Record<string, 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany'> = {
  SINGLE_NODE_WRITER: 'ReadWriteOnce',
  SINGLE_NODE_READER_ONLY: 'ReadWriteOnce',
  MULTI_NODE_READER_ONLY: 'ReadOnlyMany',
  MULTI_NODE_SINGLE_WRITER: 'ReadWriteMany',
  MULTI_NODE_MULTI_WRITER: 'ReadWriteMany',
};

/**
 * App volumes (§13.1) as model volumes plus the mounts of the app's container. A relative
 * `hostPath` names a sandbox directory: usually a persistent volume re-mounted at an absolute
 * path (the MySQL recipe), otherwise a sub-directory of the sandbox.
 */
export function appVolumes(volumes: readonly NormalizedAppVolume[]): { volumes: Volume[]; mounts: Mount[] } {
  const name = uniqueNamer();
  const result: Volume[] = [];
  const mounts: Mount[] = [];
  const persistentByPath = new Map<string, string>();

  for (const volume of volumes) {
    if (volume.kind !== 'persistent') continue;
    const volumeName = name(volume.containerPath);
    persistentByPath.set(trimPath(volume.containerPath), volumeName);
    result.push({
      kind: 'persistent',
      name: volumeName,
      sizeMiB: volume.persistent.size,
      ...(volume.persistent.maxSize !== undefined ? { maxSizeMiB: volume.persistent.maxSize } : {}),
      type: volume.persistent.type,
      ...(volume.persistent.profileName !== undefined ? { profileName: volume.persistent.profileName } : {}),
      pointer: volume.pointer,
    });
    mounts.push({ volume: volumeName, path: sandboxPath(volume.containerPath), readOnly: false, pointer: volume.pointer });
  }

  let sandbox: string | undefined;
  for (const volume of volumes) {
    const path = sandboxPath(volume.containerPath);
    switch (volume.kind) {
      case 'persistent':
        break;
      case 'host': {
        const readOnly = volume.mode === 'RO';
        if (volume.hostPath.startsWith('/')) {
          const volumeName = name(volume.containerPath.split('/').filter(Boolean).at(-1) ?? 'host');
          result.push({ kind: 'host', name: volumeName, hostPath: volume.hostPath, pointer: volume.pointer });
          mounts.push({ volume: volumeName, path, readOnly, pointer: volume.pointer });
          break;
        }
        const persistent = persistentByPath.get(trimPath(volume.hostPath));
        if (persistent !== undefined) {
          mounts.push({ volume: persistent, path, readOnly, pointer: volume.pointer });
          break;
        }
        if (sandbox === undefined) {
          sandbox = name(SANDBOX_VOLUME);
          result.push({ kind: 'ephemeral', name: sandbox, pointer: volume.pointer });
        }
        mounts.push({ volume: sandbox, path, readOnly, subPath: trimPath(volume.hostPath), pointer: volume.pointer });
        break;
      }
      case 'external': {
        const options = volume.external.options;
        const capability = options.capability as Record<string, unknown> | undefined;
        const csiMode = typeof capability?.accessMode === 'string' ? CSI_ACCESS_MODES[capability.accessMode] : undefined;
        const driver = typeof options['dvdi/driver'] === 'string' ? options['dvdi/driver'] : typeof options.pluginName === 'string' ? options.pluginName : undefined;
        const volumeName = name(volume.external.name || volume.containerPath);
        result.push({
          kind: 'external',
          name: volumeName,
          externalName: volume.external.name,
          provider: volume.external.provider,
          ...(driver !== undefined ? { driver } : {}),
          ...(volume.external.size !== undefined ? { sizeGiB: volume.external.size } : {}),
          shared: volume.external.shared,
          accessMode: csiMode ?? (volume.external.shared ? 'ReadWriteMany' : 'ReadWriteOnce'),
          options,
          pointer: volume.pointer,
        });
        mounts.push({ volume: volumeName, path, readOnly: volume.mode === 'RO', pointer: volume.pointer });
        break;
      }
      case 'secret': {
        const volumeName = name(`secret-${volume.secret}`);
        result.push({ kind: 'secret', name: volumeName, secret: volume.secret, pointer: volume.pointer });
        mounts.push({ volume: volumeName, path, readOnly: true, pointer: volume.pointer });
        break;
      }
      case 'anonymous': {
        const volumeName = name(volume.containerPath.split('/').filter(Boolean).at(-1) ?? 'data');
        result.push({ kind: 'ephemeral', name: volumeName, pointer: volume.pointer });
        mounts.push({ volume: volumeName, path, readOnly: volume.mode === 'RO', pointer: volume.pointer });
        break;
      }
    }
  }
  return { volumes: result, mounts };
}

function trimPath(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
