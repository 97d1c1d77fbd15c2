import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BatonError } from '@baton/core';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with usage errors turned into BATON1001. */
// The explicit return type lets the CLI's .d.ts build name it (TS4058 otherwise).
export function parseFlags<O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new BatonError('BATON1001', { detail, command });
  }
}

export function oneOf<T extends string>(command: string, flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BatonError('BATON1001', { detail: `--${flag} must be one of ${allowed.join(', ')}; got "${value}"`, command });
}
