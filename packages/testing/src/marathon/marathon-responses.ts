// Response bodies as Marathon and its Jetty server send them (reference §3, §4).

export interface MarathonResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): MarathonResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

export const text = (status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): MarathonResponse => ({
  status,
  headers: { 'content-type': type, ...headers },
  body,
});

/** Jetty's default error page (basic-auth 401s and unknown routes before 1.5 are not JSON; §3, §18.5). */
export function jettyErrorPage(status: number, reason: string, path: string): MarathonResponse {
  const body = [
    '<html>',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>',
    `<title>Error ${status} ${reason}</title>`,
    '</head>',
    `<body><h2>HTTP ERROR ${status}</h2>`,
    `<p>Problem accessing ${path}. Reason:`,
    `<pre>    ${reason}</pre></p><hr><a href="http://eclipse.org/jetty">Powered by Jetty://</a><hr/>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return text(status, body, 'text/html;charset=ISO-8859-1');
}

/** What a login proxy (or a captive portal) answers instead of Marathon. */
export const loginPage = (): MarathonResponse =>
  text(200, '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"></form></body></html>\n', 'text/html; charset=utf-8');
