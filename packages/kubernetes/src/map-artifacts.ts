import type { Artifact, Container } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sContainer, K8sEnvVar } from './k8s-types.js';
import type { SecretRef } from './secrets.js';
import { escapeExpansion, SANDBOX_PATH } from './map-env.js';
import { SANDBOX_VOLUME } from './map-volumes.js';

export const FETCH_CONTAINER = 'fetch-artifacts';

const UNREACHABLE_SCHEMES = new Set(['hdfs', 's3', 's3a', 's3n', 'file']);

const EXTRACTORS: readonly [RegExp, string][] = [
  [/\.(tar\.gz|tgz)$/i, 'tar -xzf'],
  [/\.(tar\.bz2|tbz2)$/i, 'tar -xjf'],
  [/\.(tar\.xz|txz)$/i, 'tar -xJf'],
  [/\.tar$/i, 'tar -xf'],
  [/\.zip$/i, 'unzip -o -q'],
];

/**
 * An init container that does what the Mesos fetcher did: download every artifact of every
 * container into the shared sandbox, extract known archive types, set the executable bit.
 * Schemes the fetch image cannot read (hdfs, s3, file) are reported and skipped.
 */
export function buildFetchContainer(ctx: MapContext, containers: readonly Container[], secrets: ReadonlyMap<string, SecretRef>): K8sContainer | undefined {
  const lines: string[] = [];
  // URIs with a password come from a Secret (marathon/plaintext-secret): the shell reads them from env
  const env: K8sEnvVar[] = [];
  for (const container of containers) {
    for (const artifact of container.artifacts) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(artifact.uri)?.[1]?.toLowerCase() ?? 'file';
      if (UNREACHABLE_SCHEMES.has(scheme)) {
        ctx.report('kubernetes/artifact-unreachable', 'scheme', { pointer: artifact.pointer, data: { uri: shownUri(artifact.uri), scheme }, disposition: 'unsupported', subtree: true });
        continue;
      }
      const destination = destinationOf(artifact);
      const ref = artifact.uriSecret !== undefined ? secrets.get(artifact.uriSecret) : undefined;
      let source = quote(artifact.uri);
      if (ref) {
        const name = `ARTIFACT_URI_${env.length}`;
        env.push({ name, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } });
        source = `"$${name}"`;
      }
      lines.push(...fetchCommands(artifact, destination, source));
      ctx.report('kubernetes/artifact-fetch', 'fetched', {
        pointer: artifact.pointer,
        data: { uri: shownUri(artifact.uri), initContainer: FETCH_CONTAINER, destination },
        disposition: 'approximated',
        subtree: true,
      });
      if (artifact.cache) ctx.report('kubernetes/artifact-fetch', 'cacheIgnored', { pointer: artifact.pointer, data: { uri: shownUri(artifact.uri), initContainer: FETCH_CONTAINER, destination } });
    }
  }
  if (lines.length === 0) return undefined;
  return {
    name: FETCH_CONTAINER,
    image: ctx.options.fetchImage,
    imagePullPolicy: 'IfNotPresent',
    // only `$(NAME)` of this container's own env (and `$$`) would be expanded by Kubernetes
    command: ['/bin/sh', '-c', escapeExpansion(['set -e', `cd ${SANDBOX_PATH}`, ...lines].join('\n'), new Set(env.map((variable) => variable.name)))],
    ...(env.length > 0 ? { env } : {}),
    volumeMounts: [{ name: SANDBOX_VOLUME, mountPath: SANDBOX_PATH }],
  };
}

/** `destPath`, else the last path segment of the URI without query, as the Mesos fetcher names it. */
function destinationOf(artifact: Artifact): string {
  if (artifact.destPath) return artifact.destPath.replace(/^\/+/, '');
  const path = artifact.uri.replace(/[?#].*$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base || 'artifact';
}

/** `source`: the shell word that yields the URI. */
function fetchCommands(artifact: Artifact, destination: string, source: string): string[] {
  const file = quote(destination);
  const lines: string[] = [];
  if (destination.includes('/')) lines.push(`mkdir -p ${quote(destination.slice(0, destination.lastIndexOf('/')))}`);
  lines.push(`wget -q -O ${file} ${source}`);
  if (artifact.executable) lines.push(`chmod +x ${file}`);
  else if (artifact.extract) {
    const extractor = EXTRACTORS.find(([pattern]) => pattern.test(destination))?.[1];
    if (extractor) lines.push(`${extractor} ${file}`);
  }
  return lines;
}

/** POSIX single-quoting. */
export function quote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The URI as findings show it: a password (`https://user:pw@host`) and the query (presigned URLs
 * carry signatures there) are left out. The init container keeps the URI as written: it needs it.
 */
export function shownUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*):[^/?#@\s]*@/i, '$1:***@').replace(/\?[^#]*/, '?…');
}
