/** A Baton Marathon snapshot (`baton.dev/marathon-snapshot/v1`), read structurally: the kit does not depend on @baton/marathon. */
export interface MarathonSnapshotLike {
  readonly snapshotVersion?: string;
  readonly marathon: {
    readonly version?: string | null;
    readonly info?: Record<string, unknown> | null;
    readonly groups: Record<string, unknown>;
    /** `/v2/pods/::status`, read where the groups carried no pods (Marathon 1.4). */
    readonly pods?: readonly unknown[] | null;
    readonly deployments?: readonly unknown[] | null;
    readonly queue?: { readonly queue: readonly unknown[] } | null;
  };
}

export type MarathonFault =
  /** Answer `status` (502/503 storms during a leader election) instead of the real response. */
  | { readonly kind: 'status'; readonly status: number; readonly path?: string | RegExp; readonly times?: number }
  /** Wait before answering. */
  | { readonly kind: 'delay'; readonly delayMs: number; readonly path?: string | RegExp; readonly times?: number }
  /** Close the connection without an answer (ECONNRESET on the client). */
  | { readonly kind: 'reset'; readonly path?: string | RegExp; readonly times?: number }
  /** Send the headers and half the body, then close the connection. */
  | { readonly kind: 'truncate'; readonly path?: string | RegExp; readonly times?: number }
  /** Answer 200 with an HTML page, as a login proxy in front of Marathon does. */
  | { readonly kind: 'non-json'; readonly path?: string | RegExp; readonly times?: number }
  /**
   * Redirect (§3: Marathon 302-redirects /v2/events to the leader; SSO proxies redirect to their login
   * page). `location` defaults to the request's own URL: a redirect loop.
   */
  | { readonly kind: 'redirect'; readonly status?: 301 | 302 | 303 | 307 | 308; readonly location?: string; readonly path?: string | RegExp; readonly times?: number }
  /** Send the status line and headers of the real answer, then nothing: a stalled response. */
  | { readonly kind: 'stall'; readonly path?: string | RegExp; readonly times?: number }
  /** Send the real answer a few bytes at a time, `intervalMs` apart: a slow body. */
  | { readonly kind: 'drip'; readonly intervalMs: number; readonly bytesPerChunk?: number; readonly path?: string | RegExp; readonly times?: number }
  /** Answer 200 JSON of `bytes` bytes, with a Content-Length (`announce`) or chunked: an oversized body. */
  | { readonly kind: 'oversized'; readonly bytes: number; readonly announce?: boolean; readonly path?: string | RegExp; readonly times?: number }
  /** The real answer with another Content-Type (a proxy that relabels bodies). */
  | { readonly kind: 'content-type'; readonly contentType: string; readonly path?: string | RegExp; readonly times?: number };

export interface MarathonServerOptions {
  /** A snapshot object or the path of a snapshot file. */
  readonly snapshot?: MarathonSnapshotLike | string;
  /** A directory with `groups.json` (a `/v2/groups` response) and optionally `info.json`, `pods.json`, `deployments.json`, `queue.json`. */
  readonly directory?: string;
  /** A `/v2/groups` response (the root group). */
  readonly groups?: Record<string, unknown>;
  /** Pods (PodStatus or Pod) beside `groups`, each placed into the group its id names. */
  readonly pods?: readonly unknown[];
  /** A `/v2/info` response; a minimal one is made when absent. */
  readonly info?: Record<string, unknown>;
  readonly deployments?: readonly unknown[];
  readonly queue?: { readonly queue: readonly unknown[] };
  /**
   * Marathon version answered by /v2/info; changes behaviour as the reference describes: `/v2/pods`
   * from 1.4 (before: 404, §1), pods embedded in `/v2/groups` from 1.5 (up to 1.4 GroupInfo has no
   * `pods`, §8), unknown routes 500 JSON from 1.5 (before: Jetty's 404 page, §4).
   */
  readonly version?: string;
  readonly auth?: {
    /** `user:password` for HTTP basic auth (`--http_credentials`). */
    readonly basic?: string;
    /** A DC/OS ACS token accepted as `Authorization: token=<jwt>`. */
    readonly token?: string;
    /** Path prefixes the authenticated identity may not read: 403. */
    readonly forbidden?: readonly string[];
  };
  /** Applied in order to every matching request, each at most `times` times (default: always). */
  readonly faults?: readonly MarathonFault[];
  /** Serve the API under a path prefix, as DC/OS Admin Router does (`/service/marathon`). */
  readonly pathPrefix?: string;
  /** Delay added to every answer. */
  readonly latencyMs?: number;
  /**
   * No leader is elected (§3 LeaderProxyFilter): every API route answers 502 `Could not determine
   * the current leader` (text), `/v2/leader` 404 `{"message":"There is no leader"}` (§2.1); `/ping`
   * still answers. Combine with a `status` fault of limited `times` for an election that ends.
   */
  readonly leaderless?: boolean;
  /**
   * Serve HTTPS with this key and certificate (PEM), as Marathon does on `--https_port` with a
   * keystore and DC/OS Admin Router with the cluster CA (§3). The URL is then `https://`.
   */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number;
}

export interface MarathonRequestRecord {
  readonly method: string;
  /** Path with query, as sent. */
  readonly url: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly status: number;
}

export interface MarathonServer {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`), with the path prefix when given. */
  readonly url: string;
  readonly port: number;
  /** Every request, in order (status 0 = the connection was dropped). */
  readonly requests: MarathonRequestRecord[];
  close(): Promise<void>;
}
