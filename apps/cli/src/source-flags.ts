import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BatonError } from '@baton/core';
import type { CliIo } from './cli-io.js';

/** Flags every command that reads Marathon shares. */
export const sourceFlags = {
  from: { type: 'string' },
  token: { type: 'string' },
  user: { type: 'string' },
  'ca-cert': { type: 'string' },
  insecure: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

export interface SourceFlagValues {
  token?: string;
  user?: string;
  'ca-cert'?: string;
  insecure?: boolean;
  timeout?: string;
}

/** Reader options from flags, falling back to BATON_MARATHON_TOKEN / BATON_MARATHON_USER. */
export function sourceOptionsFrom(values: SourceFlagValues, io: CliIo): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const token = values.token ?? io.env.BATON_MARATHON_TOKEN;
  const user = values.user ?? io.env.BATON_MARATHON_USER;
  if (token) options.token = token;
  if (user) {
    if (!user.includes(':')) throw new BatonError('BATON1001', { detail: '--user must look like user:password', command: 'plan' });
    options.user = user;
  }
  if (values['ca-cert']) {
    const file = path.resolve(io.cwd, values['ca-cert']);
    try {
      options.caCert = readFileSync(file, 'utf8');
    } catch (error) {
      throw new BatonError('BATON1002', { path: values['ca-cert'], reason: (error as Error).message });
    }
  }
  if (values.insecure) options.insecure = true;
  if (values.timeout !== undefined) {
    const ms = Number(values.timeout);
    if (!Number.isInteger(ms) || ms <= 0) throw new BatonError('BATON1001', { detail: '--timeout takes a whole number of milliseconds', command: 'plan' });
    options.timeoutMs = ms;
  }
  return options;
}
