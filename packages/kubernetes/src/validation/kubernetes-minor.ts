import table from './generated/field-table.json';

/** Minors the generated data covers, as `1.NN`. */
export const SUPPORTED_KUBERNETES_VERSIONS: readonly `1.${number}`[] = table.minors.map((m) => `1.${m}` as const);

/** `1.34` (also `v1.34` and `1.34.2`) → 34; throws for minors the data does not cover. */
export function kubernetesMinor(version: string): number {
  const m = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version);
  const minor = m ? Number(m[1]) : NaN;
  if (!table.minors.includes(minor)) {
    throw new RangeError(
      `Kubernetes version ${JSON.stringify(version)} is not supported by the manifest validator (supported: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`,
    );
  }
  return minor;
}
