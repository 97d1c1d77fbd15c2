import type { MarathonClientOptions } from './http/marathon-client.js';
import type { SelectionOptions } from './select/workload-selection.js';

/** Options of the Marathon reader: connection, selection, and facts for plain files. */
export interface MarathonReaderOptions extends Omit<MarathonClientOptions, 'signal' | 'logger'>, SelectionOptions {
  /** Largest input file read, in bytes (BATON1009 above it); default 256 MiB. */
  readonly maxInputBytes?: number;
  /** `--default_network_name` when /v2/info does not say (files): names unnamed container networks. */
  readonly defaultNetworkName?: string;
  /** `--env_vars_prefix` when /v2/info does not say (files). */
  readonly envVarsPrefix?: string;
}

const KEYS = [
  'user', 'token', 'caCert', 'insecure', 'timeoutMs', 'attempts', 'retryDelayMs', 'maxBodyBytes', 'only', 'exclude', 'label',
  'maxInputBytes', 'defaultNetworkName', 'envVarsPrefix',
] as const;

/** Factory options first, then the run's plugin options (the CLI's flags) on top; unknown keys are ignored. */
export function mergeReaderOptions(base: MarathonReaderOptions, run: Readonly<Record<string, unknown>>): MarathonReaderOptions {
  const merged: Record<string, unknown> = { ...base };
  for (const key of KEYS) if (run[key] !== undefined) merged[key] = run[key];
  return merged as MarathonReaderOptions;
}
