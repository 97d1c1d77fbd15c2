import type { IncomingHttpHeaders } from 'node:http';
import { jettyErrorPage, json, type MarathonResponse } from './marathon-responses.js';
import type { MarathonServerOptions } from './marathon-server-options.js';

/**
 * Marathon's authentication (reference §3): Jetty basic auth answers 401 with its HTML page and
 * `WWW-Authenticate: Basic realm="Mesosphere"`; DC/OS takes `Authorization: token=<jwt>` and answers
 * JSON. An authenticated identity without permission gets 403 JSON. Undefined = let the request in.
 */
export function checkAuth(auth: MarathonServerOptions['auth'], headers: IncomingHttpHeaders, path: string): MarathonResponse | undefined {
  if (!auth || (auth.basic === undefined && auth.token === undefined)) return forbidden(auth, path);
  const header = headers.authorization ?? '';
  const basicOk = auth.basic !== undefined && header === `Basic ${Buffer.from(auth.basic).toString('base64')}`;
  const tokenOk = auth.token !== undefined && header === `token=${auth.token}`;
  if (basicOk || tokenOk) return forbidden(auth, path);
  if (auth.token !== undefined && (auth.basic === undefined || header.startsWith('token='))) {
    // the exact DC/OS body is not in the open-source code (§18.2); the RAML example is this one
    return json(401, { message: 'Invalid username or password.' }, { 'www-authenticate': 'acsjwt' });
  }
  const page = jettyErrorPage(401, 'Unauthorized', path);
  return { ...page, headers: { ...page.headers, 'www-authenticate': 'Basic realm="Mesosphere"' } };
}

function forbidden(auth: MarathonServerOptions['auth'], path: string): MarathonResponse | undefined {
  if (!auth?.forbidden?.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) return undefined;
  return json(403, { message: 'Not Authorized to perform this action!' });
}
