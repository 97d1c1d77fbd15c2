import { BatonError, type Logger } from '@baton/core';
import type { Agent, Dispatcher } from 'undici';
import { parseMarathonUrl } from './marathon-url.js';

export interface MarathonClientOptions {
  /** HTTP basic credentials `user:password` (`--user`). */
  readonly user?: string;
  /** DC/OS ACS token, sent as `Authorization: token=<jwt>` (`--token`). */
  readonly token?: string;
  /** PEM text of the CA that signed Marathon's certificate (`--ca-cert`). */
  readonly caCert?: string;
  /** Skip TLS verification (`--insecure`). */
  readonly insecure?: boolean;
  /** Per attempt, headers and body; default 30 000. */
  readonly timeoutMs?: number;
  /** Attempts for 502, 503, resets and timeouts; default 3. */
  readonly attempts?: number;
  /** First retry delay, doubled each time; default 250. */
  readonly retryDelayMs?: number;
  /** Largest response body read, in bytes (BATON2006 above it); default 256 MiB, as for input files. */
  readonly maxBodyBytes?: number;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
}

export type AuthMode = 'none' | 'basic' | 'token';

export interface GetOptions {
  /** Statuses that mean "not available here" (e.g. 404 for /v2/queue): the result is undefined. */
  readonly tolerate?: readonly number[];
}

export interface MarathonClient {
  /** API root without credentials. */
  readonly baseUrl: string;
  readonly auth: AuthMode;
  getJson(path: string, options?: GetOptions): Promise<unknown>;
  close(): Promise<void>;
}

type Failure = 'timeout' | 'reset' | 'truncated' | 'unreachable';

class AttemptError extends Error {
  constructor(
    readonly failure: Failure,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A body over the limit: not worth retrying, the next answer would be as large. */
class BodyTooLarge extends Error {
  constructor(readonly bytes: string) {
    super(bytes);
  }
}

const RETRY_STATUS = new Set([502, 503]);
const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

// Importing undici costs more than Node's whole start-up; only reading a live Marathon needs it,
// so planning from a file or snapshot never loads it.
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = () => (undici ??= import('undici'));

/** A Marathon REST client: one keep-alive agent, bounded retries with backoff, coded errors (§3, §4). */
export function createMarathonClient(location: string, options: MarathonClientOptions = {}): MarathonClient {
  const { baseUrl, userInfo } = parseMarathonUrl(location);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 250;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger;
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'baton-marathon' };
  const user = options.user ?? userInfo;
  let auth: AuthMode = 'none';
  if (options.token) {
    headers.authorization = `token=${options.token}`;
    auth = 'token';
  } else if (user) {
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    auth = 'basic';
  }
  let agent: Promise<Agent> | undefined;
  const agentOf = () =>
    (agent ??= loadUndici().then(
      ({ Agent }) =>
        new Agent({
          keepAliveTimeout: 10_000,
          connections: 8,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          connect: {
            timeout: timeoutMs,
            ...(options.caCert ? { ca: options.caCert } : {}),
            ...(options.insecure ? { rejectUnauthorized: false } : {}),
          },
        }),
    ));

  const once = async (path: string): Promise<{ status: number; body: string; type: string; location: string | undefined }> => {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signals = options.signal ? AbortSignal.any([timer.signal, options.signal]) : timer.signal;
    let response: Dispatcher.ResponseData;
    try {
      const [{ request }, dispatcher] = await Promise.all([loadUndici(), agentOf()]);
      response = await request(`${baseUrl}${path}`, { dispatcher, method: 'GET', headers, signal: signals });
    } catch (error) {
      clearTimeout(timeout);
      throw toAttemptError(error, timer.signal.aborted, options.signal, false);
    }
    try {
      const body = await readCapped(response, maxBodyBytes);
      const type = String(response.headers['content-type'] ?? '');
      const location = response.headers.location;
      return { status: response.statusCode, body, type, location: Array.isArray(location) ? location[0] : location };
    } catch (error) {
      if (error instanceof BodyTooLarge) throw error;
      throw toAttemptError(error, timer.signal.aborted, options.signal, true);
    } finally {
      clearTimeout(timeout);
    }
  };

  const getJson = async (path: string, get: GetOptions = {}): Promise<unknown> => {
    const where = { url: baseUrl, path: path.split('?')[0] ?? path };
    let last: AttemptError | { status: number; body: string } | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (attempt > 1) await sleep(retryDelayMs * 2 ** (attempt - 2), options.signal);
      const started = performance.now();
      let result: Awaited<ReturnType<typeof once>>;
      try {
        result = await once(path);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          throw new BatonError('BATON2006', { ...where, reason: `the body (${error.bytes}) is larger than the ${maxBodyBytes} bytes Baton reads` });
        }
        if (!(error instanceof AttemptError)) throw error;
        logger?.debug(`GET ${where.path}: ${error.reason} (attempt ${attempt} of ${attempts})`);
        last = error;
        if (error.failure === 'unreachable') break;
        continue;
      }
      logger?.debug(`GET ${where.path} -> ${result.status} in ${Math.round(performance.now() - started)} ms`);
      if (RETRY_STATUS.has(result.status)) {
        last = result;
        continue;
      }
      if (get.tolerate?.includes(result.status)) return undefined;
      if (result.status >= 200 && result.status < 300) return parseBody(result.body, result.type, where);
      // not followed: a redirect may lead to a login page, or carry the credentials to another host
      if (result.status >= 300 && result.status < 400) {
        throw new BatonError('BATON2010', { ...where, status: result.status, location: redirectTarget(result.location, `${baseUrl}${path}`) });
      }
      throw statusError(result.status, result.body, where, attempt);
    }
    if (last instanceof AttemptError) {
      if (last.failure === 'timeout') throw new BatonError('BATON2007', { ...where, timeoutMs, attempts });
      if (last.failure === 'truncated') throw new BatonError('BATON2006', { ...where, reason: `the body was cut off (${last.reason}) after ${attempts} attempt(s)` });
      throw new BatonError('BATON2001', { url: baseUrl, reason: last.reason });
    }
    throw statusError(last?.status ?? 0, last?.body ?? '', where, attempts);
  };

  return { baseUrl, auth, getJson, close: async () => (agent ? (await agent).close() : undefined) };
}

/** The body as text, refusing to buffer more than `max` bytes (announced or streamed). */
async function readCapped(response: Dispatcher.ResponseData, max: number): Promise<string> {
  const announced = Number(response.headers['content-length']);
  if (Number.isFinite(announced) && announced > max) {
    response.body.destroy();
    throw new BodyTooLarge(`${announced} bytes announced`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      response.body.destroy();
      throw new BodyTooLarge(`more than ${max} bytes sent`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** Where a redirect points, without credentials, query or fragment (they may hold tokens). */
function redirectTarget(location: string | undefined, from: string): string {
  if (!location) return '(no Location header)';
  try {
    const url = new URL(location, from);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(an invalid Location header)';
  }
}

function parseBody(body: string, type: string, where: { url: string; path: string }): unknown {
  if (body.trim() === '') throw new BatonError('BATON2006', { ...where, reason: 'the body is empty' });
  try {
    return JSON.parse(body);
  } catch (error) {
    const kind = type.split(';')[0]?.trim() || 'no content type';
    if (/html/i.test(kind) || /^\s*<(!doctype|html|head|body)/i.test(body)) {
      throw new BatonError('BATON2006', {
        ...where,
        reason: `an HTML page (${kind}) answered instead of Marathon's JSON, as the login page of an SSO proxy or a captive portal does; pass the credentials the proxy expects (--token, --user) or the URL of the Marathon API behind it`,
      });
    }
    throw new BatonError('BATON2006', { ...where, reason: `not JSON (${kind}): ${(error as Error).message}` });
  }
}

function statusError(status: number, body: string, where: { url: string; path: string }, attempts: number): BatonError {
  if (status === 401) return new BatonError('BATON2002', where);
  if (status === 403) return new BatonError('BATON2003', where);
  if (status === 404) return new BatonError('BATON2004', where);
  return new BatonError('BATON2005', { ...where, status, attempts, reason: messageOf(body) });
}

/** Marathon errors are `{"message": …}` (§4); proxies send HTML or text. Keep it short. */
function messageOf(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed?.message === 'string') message = parsed.message;
  } catch {
    message = body.replace(/<[^>]*>/g, ' ');
  }
  message = message.replace(/\s+/g, ' ').trim();
  if (message === '') return 'no message';
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}

function toAttemptError(error: unknown, timedOut: boolean, outer: AbortSignal | undefined, duringBody: boolean): Error {
  if (outer?.aborted && !timedOut) return outer.reason instanceof Error ? outer.reason : new Error('aborted');
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (timedOut || /TIMEOUT|ETIMEDOUT/.test(code)) return new AttemptError('timeout', 'timed out');
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|ALTNAME/.test(code)) return new AttemptError('unreachable', `TLS: ${message}`);
  if (duringBody || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return new AttemptError('truncated', message);
  if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED'].includes(code)) return new AttemptError('reset', `connection reset (${message})`);
  return new AttemptError('unreachable', code ? `${code}: ${message}` : message);
}

function errorCode(error: unknown): string {
  const own = (error as { code?: unknown })?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === 'string' ? cause : '';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
