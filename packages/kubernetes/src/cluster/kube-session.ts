import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatonError } from '@baton/core';

// client-node costs ~400 ms to import: only the online paths (apply, capture) load it, through here.
export type ClientNode = typeof import('@kubernetes/client-node');
type KubeConfig = import('@kubernetes/client-node').KubeConfig;

export interface KubeTarget {
  /** A kubeconfig file; default $KUBECONFIG, then ~/.kube/config, then the in-cluster service account. */
  readonly kubeconfig?: string;
  /** A context of that kubeconfig; default its current-context. */
  readonly context?: string;
}

export interface KubeSession {
  readonly k8s: ClientNode;
  readonly kc: KubeConfig;
  readonly context: string;
  readonly server: string;
}

/** Loads the kubeconfig and selects the context, refusing what client-node would silently paper over. */
export async function openKubeSession(target: KubeTarget = {}, env: Readonly<Record<string, string | undefined>> = process.env): Promise<KubeSession> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    if (target.kubeconfig) {
      if (!existsSync(target.kubeconfig)) throw new BatonError('BATON3003', { reason: `the file ${target.kubeconfig} does not exist` });
      kc.loadFromFile(target.kubeconfig);
    } else {
      // loadFromDefault falls back to http://localhost:8080 when it finds nothing; refuse that instead.
      const candidates = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
      const found = candidates.some((file) => existsSync(file)) || existsSync(path.join(os.homedir(), '.kube', 'config')) || Boolean(env.KUBERNETES_SERVICE_HOST);
      if (!found) throw new BatonError('BATON3003', { reason: 'no kubeconfig found in --kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a cluster' });
      kc.loadFromDefault();
    }
  } catch (error) {
    if (BatonError.isInstance(error)) throw error;
    throw new BatonError('BATON3003', { reason: `it could not be read (${messageOf(error)})` }, { cause: error });
  }
  if (target.context) {
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(target.context)) {
      throw new BatonError('BATON3003', { reason: `it has no context "${target.context}" (it has: ${names.join(', ') || 'none'})` });
    }
    kc.setCurrentContext(target.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new BatonError('BATON3003', { reason: `the context "${kc.getCurrentContext() || '(none)'}" names no cluster` });
  return { k8s, kc, context: kc.getCurrentContext(), server: cluster.server };
}

/** A Kubernetes `Status` as a failed call returned it. */
export interface ApiStatus {
  readonly code: number;
  readonly reason?: string;
  readonly message: string;
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly causes?: readonly { readonly reason?: string; readonly message?: string; readonly field?: string }[];
  };
}

/** The Status of a failed client-node call (ApiException carries the raw body as a string), or undefined for other errors. */
export function apiStatusOf(error: unknown): ApiStatus | undefined {
  if (typeof error !== 'object' || error === null || typeof (error as { code?: unknown }).code !== 'number' || !('body' in error)) return undefined;
  const { code, body } = error as { code: number; body: unknown };
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const status = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<ApiStatus> & { kind?: string };
  return {
    code,
    message: typeof status.message === 'string' ? status.message : typeof body === 'string' && body ? body.slice(0, 500) : `HTTP ${code}`,
    ...(typeof status.reason === 'string' && status.reason ? { reason: status.reason } : {}),
    ...(status.details ? { details: status.details } : {}),
  };
}

/**
 * Errors that end the run: unreachable or unauthenticated (BATON3001) or any other API failure (BATON3005).
 * `request` names what was asked, e.g. `GET /version`.
 */
export function sessionError(session: Pick<KubeSession, 'context' | 'server'>, request: string, error: unknown): BatonError {
  if (BatonError.isInstance(error)) return error;
  const status = apiStatusOf(error);
  if (status?.code === 401) {
    return new BatonError('BATON3001', { context: session.context, reason: 'the API server rejected the credentials (401 Unauthorized)' }, { cause: error });
  }
  if (status) return new BatonError('BATON3005', { status: status.code, request, reason: status.message }, { cause: error });
  return new BatonError('BATON3001', { context: session.context, reason: `${session.server}: ${messageOf(error)}` }, { cause: error });
}

export function messageOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
