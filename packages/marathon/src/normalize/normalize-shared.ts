import { escapePointerToken, type JsonPointer } from '@baton/core';
import {
  isObject,
  readBoolean,
  readEnum,
  readNumber,
  readObject,
  readString,
  readStrings,
  type JsonObject,
} from './lenient.js';
import type {
  NormalizedArtifact,
  NormalizedBackoff,
  NormalizedCheck,
  NormalizedEnvVar,
  NormalizedPersistent,
  NormalizedSecret,
  ResourceLimit,
  UnreachableStrategy,
} from './normalized-types.js';

// Pieces apps and pods share. Defaults are Marathon's (RAML types, reference §6–§7, §12).

/** `pointer` + escaped tokens; escaping is skipped for the common token without `~` or `/`. */
export function at(pointer: JsonPointer, ...tokens: readonly (string | number)[]): JsonPointer {
  let result = pointer;
  for (const token of tokens) result += `/${escapeToken(String(token))}`;
  return result;
}

export function escapeToken(token: string): string {
  return token.includes('~') || token.includes('/') ? escapePointerToken(token) : token;
}

/** Marathon extracts legacy `uris` only when the extension is an archive (FetchUri.isExtract). */
const ARCHIVE = /\.(tgz|tar\.gz|tbz2|tar\.bz2|txz|tar\.xz|zip)$/i;

export function isArchiveUri(uri: string): boolean {
  return ARCHIVE.test(uri.split(/[?#]/)[0] ?? uri);
}

export function readEnv(value: unknown, pointer: JsonPointer): NormalizedEnvVar[] {
  const result: NormalizedEnvVar[] = [];
  if (!isObject(value)) return result;
  for (const name of Object.keys(value)) {
    const item = value[name];
    const itemPointer = at(pointer, name);
    const secret = isObject(item) ? readString(item.secret) : undefined;
    if (secret !== undefined) result.push({ name, secret, pointer: itemPointer });
    else if (!isObject(item) && !Array.isArray(item)) {
      const text = readString(item);
      if (text !== undefined) result.push({ name, value: text, pointer: itemPointer });
    }
  }
  return result;
}

/** Pod environment copied into a container: the container's own variables win (§7.1). */
export function mergeEnv(pod: readonly NormalizedEnvVar[], own: readonly NormalizedEnvVar[]): NormalizedEnvVar[] {
  const names = new Set(own.map((variable) => variable.name));
  return [...pod.filter((variable) => !names.has(variable.name)), ...own];
}

export function readSecrets(value: unknown, pointer: JsonPointer): NormalizedSecret[] {
  const result: NormalizedSecret[] = [];
  for (const [name, item] of Object.entries(readObject(value) ?? {})) {
    const source = readString(readObject(item)?.source);
    if (source !== undefined) result.push({ name, source, pointer: at(pointer, name) });
  }
  return result;
}

export function readArtifact(value: unknown, pointer: JsonPointer): NormalizedArtifact | undefined {
  const artifact = readObject(value);
  const uri = readString(artifact?.uri);
  if (!artifact || uri === undefined) return undefined;
  const destPath = readString(artifact.destPath);
  return {
    uri,
    extract: readBoolean(artifact.extract) ?? true,
    executable: readBoolean(artifact.executable) ?? false,
    cache: readBoolean(artifact.cache) ?? false,
    ...(destPath !== undefined ? { destPath } : {}),
    pointer,
  };
}

export function readLimit(value: unknown): ResourceLimit | undefined {
  return value === 'unlimited' ? 'unlimited' : readNumber(value);
}

export function readLimits(value: unknown): { cpus?: ResourceLimit; mem?: ResourceLimit } | undefined {
  const limits = readObject(value);
  if (!limits) return undefined;
  const cpus = readLimit(limits.cpus);
  const mem = readLimit(limits.mem);
  if (cpus === undefined && mem === undefined) return undefined;
  return { ...(cpus !== undefined ? { cpus } : {}), ...(mem !== undefined ? { mem } : {}) };
}

export function readPersistent(value: JsonObject): NormalizedPersistent {
  const profileName = readString(value.profileName);
  const maxSize = readNumber(value.maxSize);
  return {
    // a profile implies a mount disk (§13.1)
    type: readEnum(value.type, ['root', 'path', 'mount'] as const) ?? (profileName !== undefined ? 'mount' : 'root'),
    size: readNumber(value.size) ?? 0,
    ...(maxSize !== undefined ? { maxSize } : {}),
    ...(profileName !== undefined ? { profileName } : {}),
  };
}

export function readBackoff(seconds: unknown, factor: unknown, maxLaunchDelay: unknown): NormalizedBackoff {
  return {
    seconds: readNumber(seconds) ?? 1,
    factor: readNumber(factor) ?? 1.15,
    // 3600 before Marathon 1.8.180; the value in a GET response is the effective one
    maxLaunchDelaySeconds: readNumber(maxLaunchDelay) ?? 300,
  };
}

/** `{0, 0}` since Marathon ~1.5.1, `disabled` for resident workloads (§6.5, §18.8). */
export function readUnreachable(value: unknown, resident: boolean): UnreachableStrategy {
  if (readEnum(value, ['disabled'] as const)) return 'disabled';
  const strategy = readObject(value);
  if (!strategy) return resident ? 'disabled' : { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 };
  return {
    inactiveAfterSeconds: readNumber(strategy.inactiveAfterSeconds) ?? 0,
    expungeAfterSeconds: readNumber(strategy.expungeAfterSeconds) ?? 0,
  };
}

export function readCommand(value: unknown): { shell: string } | { argv: string[] } | undefined {
  const command = readObject(value);
  if (!command) return undefined;
  const shell = readString(command.shell);
  if (shell !== undefined) return { shell };
  const argv = readStrings(command.argv);
  return argv.length > 0 ? { argv } : undefined;
}

/** Generic check (§12.3): `http`, `tcp` or `exec`, with interval 60, timeout 20, delay 15. */
export function readCheck(value: unknown, pointer: JsonPointer): NormalizedCheck | undefined {
  const check = readObject(value);
  if (!check) return undefined;
  const timing = {
    intervalSeconds: readNumber(check.intervalSeconds) ?? 60,
    timeoutSeconds: readNumber(check.timeoutSeconds) ?? 20,
    delaySeconds: readNumber(check.delaySeconds) ?? 15,
    pointer,
  };
  const http = readObject(check.http);
  const tcp = readObject(check.tcp);
  const exec = readObject(check.exec);
  if (http) return { kind: 'http', ...portRef(http), ...optionalString('path', http.path), scheme: readEnum(http.scheme, ['HTTP', 'HTTPS'] as const) ?? 'HTTP', ...timing };
  if (tcp) return { kind: 'tcp', ...portRef(tcp), scheme: 'HTTP', ...timing };
  const command = readCommand(exec?.command);
  if (command) return { kind: 'exec', command, scheme: 'HTTP', ...timing };
  return undefined;
}

function portRef(value: JsonObject): { portIndex?: number; port?: number; endpoint?: string } {
  const portIndex = readNumber(value.portIndex);
  const port = readNumber(value.port);
  const endpoint = readString(value.endpoint);
  return {
    ...(portIndex !== undefined ? { portIndex } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
  };
}

export function optionalString<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  const text = readString(value);
  return (text === undefined ? {} : { [key]: text }) as { [P in K]?: string };
}

export function optionalNumber<K extends string>(key: K, value: unknown): { [P in K]?: number } {
  const number = readNumber(value);
  return (number === undefined ? {} : { [key]: number }) as { [P in K]?: number };
}
