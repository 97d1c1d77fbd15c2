import { BatonError } from '@baton/core';

export interface MarathonEndpoint {
  /** API root without credentials, query or trailing slash, e.g. `https://dcos/service/marathon`. */
  readonly baseUrl: string;
  /** `user:password` found in the URL, moved out of it. */
  readonly userInfo?: string;
}

/**
 * Splits credentials out of a Marathon URL (`http://u:p@host` → `http://host` + basic auth):
 * the URL can then appear in messages and snapshots. A path prefix (Admin Router) is kept; an API
 * or UI path pasted with it (`/v2`, `/v2/apps`, `/ui/`) is dropped: Baton asks for the paths itself.
 */
export function parseMarathonUrl(location: string): MarathonEndpoint {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    // never echo the text: it may hold a password
    throw new BatonError('BATON1001', { detail: 'the Marathon URL given to --from is not a valid URL', command: 'plan' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BatonError('BATON1001', { detail: `the Marathon URL must start with http:// or https://, not ${url.protocol}//`, command: 'plan' });
  }
  const userInfo = url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  // people paste the API path they know (`…/v2`, `…/v2/apps`, `…/ui/`): the API root is above it
  url.pathname = url.pathname.replace(/\/+(v2(\/.*)?|ui(\/.*)?)$/, '');
  const baseUrl = url.toString().replace(/\/+$/, '');
  return { baseUrl, ...(userInfo !== undefined ? { userInfo } : {}) };
}

/** The URL without any credentials: safe for messages, logs, snapshots and `source.location`. */
export function publicUrl(location: string): string {
  try {
    return parseMarathonUrl(location).baseUrl;
  } catch {
    return '<invalid URL>';
  }
}
