// Marathon path ids (§5). Mirrors PathId.canonicalPath: a relative id is appended to the base,
// `.` is dropped and `..` climbs (never above the root).

export const ROOT_ID = '/';

function segments(id: string): string[] {
  return id.split('/').filter((segment) => segment.length > 0);
}

export function isAbsoluteId(id: string): boolean {
  return id.startsWith('/');
}

/** True when `canonicalId` would return `id` as it is: absolute, no empty, `.` or `..` segment. */
function isCanonical(id: string): boolean {
  return id.startsWith('/') && !id.includes('//') && !id.includes('/.') && (id.length === 1 || !id.endsWith('/'));
}

export function canonicalId(id: string, base: string = ROOT_ID): string {
  // nearly every id in a /v2/groups answer is canonical already: no split and join for them
  if (isCanonical(id)) return id;
  const path = isAbsoluteId(id) ? segments(id) : [...segments(base), ...segments(id)];
  const result: string[] = [];
  for (const segment of path) {
    if (segment === '.') continue;
    if (segment === '..') result.pop();
    else result.push(segment);
  }
  return `/${result.join('/')}`;
}

export function parentId(id: string): string {
  const parts = segments(id);
  return `/${parts.slice(0, -1).join('/')}`;
}

export function lastSegment(id: string): string {
  if (!id.endsWith('/')) return id.slice(id.lastIndexOf('/') + 1);
  return segments(id).at(-1) ?? '';
}

/** True when `id` is `prefix` itself or lies below it (`/prod` covers `/prod/web`, not `/production`). */
export function isWithin(id: string, prefix: string): boolean {
  const normalized = canonicalId(prefix);
  if (normalized === ROOT_ID) return true;
  return id === normalized || id.startsWith(`${normalized}/`);
}

const SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
const RESERVED_LAST = new Set(['restart', 'tasks', 'versions']);

/** Why Marathon would reject this absolute id (§5), or undefined when it is valid. */
export function idProblem(id: string): string | undefined {
  const parts = segments(id);
  const bad = parts.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) return `segment "${bad}" is not lower-case letters, digits, "-" and "."`;
  const last = parts.at(-1);
  if (last !== undefined && RESERVED_LAST.has(last)) return `the last segment "${last}" is reserved`;
  return undefined;
}
