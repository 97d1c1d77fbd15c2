import { versionAtLeast, type MarathonState } from './load-marathon-state.js';
import { jettyErrorPage, json, text, type MarathonResponse } from './marathon-responses.js';
import { MarathonTree } from './marathon-tree.js';

type Json = Record<string, unknown>;

const COUNTS = ['tasksStaged', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy'] as const;

/** The read-only part of Marathon's REST API (reference §2.1), answered from the stored state. */
export function createMarathonRoutes(state: MarathonState, port: number): (method: string, url: URL) => MarathonResponse {
  const tree = new MarathonTree(state.root, state.pods);
  const leader = `127.0.0.1:${port}`;
  const info: Json = state.info
    ? { ...state.info, version: state.version }
    : {
        name: 'marathon',
        version: state.version,
        buildref: 'unknown',
        elected: true,
        leader,
        frameworkId: 'baton-testing-framework',
        marathon_config: { mesos_role: '*', mesos_bridge_name: 'mesos-bridge', local_port_min: 10000, local_port_max: 20000, features: [] },
        zookeeper_config: { zk: 'zk://localhost:2181/marathon' },
        http_config: { http_port: port },
      };
  const pods = versionAtLeast(state.version, [1, 4]);
  // legacy (≤1.4) GroupInfo is the same minus `pods` (§8): a 1.4 reader must ask /v2/pods
  const groupPods = versionAtLeast(state.version, [1, 5]);

  // AppInfo on /v2/apps always carries counts and deployments (§2.1 AppsResource.index)
  const deploymentsOf = (id: string) =>
    (state.deployments ?? []).filter((deployment) => ((deployment as Json).affectedApps as unknown[] | undefined)?.includes(id)).map((deployment) => ({ id: (deployment as Json).id }));
  const appInfo = (app: Json, extra: Json = {}): Json => ({
    ...app,
    ...Object.fromEntries(COUNTS.map((key) => [key, typeof app[key] === 'number' ? app[key] : 0])),
    deployments: deploymentsOf(String(app.id)),
    ...extra,
  });

  // unknown routes: 500 {"message":"URI not found"} since 1.5, Jetty's 404 page before (§4, §18.5)
  const unknown = (path: string) => (versionAtLeast(state.version, [1, 5]) ? json(500, { message: 'URI not found' }) : jettyErrorPage(404, 'Not Found', path));

  return (method, url) => {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (method !== 'GET' && !(method === 'HEAD' && path === '/v2/pods' && pods)) return unknown(path);
    if (path === '/ping') return text(200, 'pong\n');
    if (path === '/v2/info') return json(200, info);
    if (path === '/v2/leader') return json(200, { leader: typeof info.leader === 'string' ? info.leader : leader });
    if (path === '/v2/deployments') return json(200, state.deployments ?? []);
    if (path === '/v2/queue') return json(200, state.queue ?? { queue: [] });

    if (path === '/v2/groups' || path.startsWith('/v2/groups/')) {
      const id = decodeURIComponent(path.slice('/v2/groups'.length)) || '/';
      const group = tree.groups.get(id);
      if (!group) return json(404, { message: `Group '${id}' does not exist` });
      return json(200, tree.view(group, url.searchParams.getAll('embed'), groupPods));
    }

    if (path === '/v2/apps') {
      const idFilter = url.searchParams.get('id');
      const cmdFilter = url.searchParams.get('cmd');
      const apps = tree.apps.filter(
        (app) => (!idFilter || String(app.id).includes(idFilter)) && (!cmdFilter || (typeof app.cmd === 'string' && app.cmd.includes(cmdFilter))),
      );
      return json(200, { apps: apps.map((app) => appInfo(app)) });
    }
    if (path.startsWith('/v2/apps/')) {
      const rest = decodeURIComponent(path.slice('/v2/apps'.length));
      if (rest.endsWith('/*')) {
        const prefix = rest.slice(0, -2) || '/';
        const apps = tree.apps.filter((app) => String(app.id).startsWith(prefix === '/' ? '/' : `${prefix}/`));
        return json(200, { '*': apps.map((app) => appInfo(app)) });
      }
      const tasks = rest.match(/^(.*)\/tasks$/);
      const versions = rest.match(/^(.*)\/versions$/);
      const id = tasks?.[1] ?? versions?.[1] ?? rest;
      const app = tree.app(id);
      if (!app) return json(404, { message: `App '${id}' does not exist` });
      if (tasks) return json(200, { tasks: Array.isArray(app.tasks) ? app.tasks : [] });
      if (versions) return json(200, { versions: typeof app.version === 'string' ? [app.version] : [] });
      // the single-app endpoint always embeds counts, tasks and deployments (§2.1)
      return json(200, { app: appInfo(app, { tasks: Array.isArray(app.tasks) ? app.tasks : [] }) });
    }

    if (pods && (path === '/v2/pods' || path.startsWith('/v2/pods/'))) {
      if (path === '/v2/pods') return method === 'HEAD' ? text(200, '') : json(200, tree.pods.map((pod) => pod.spec));
      const rest = decodeURIComponent(path.slice('/v2/pods'.length));
      if (rest === '/::status') return json(200, tree.pods);
      const status = rest.endsWith('::status');
      const versions = rest.endsWith('::versions');
      const id = rest.replace(/::(status|versions)$/, '');
      const pod = tree.pod(id);
      // PodsResource.find answers a double-encoded 404 body (§2.1)
      if (!pod) return json(404, { message: `{"message": "pod with ${id} does not exist"}` });
      if (status) return json(200, pod);
      const spec = pod.spec as Json;
      if (versions) return json(200, typeof spec.version === 'string' ? [spec.version] : []);
      return json(200, spec);
    }
    return unknown(path);
  };
}
