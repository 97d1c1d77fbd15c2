// Deterministic estates: N apps and N/10 pods (1,000 pods with 10,000 apps) cloned from the real
// definitions, with new unique ids in a group tree, app and group dependencies, written as a
// Baton Marathon snapshot (`migrate plan --from estate.json` reads it, `startMarathonServer` serves it).

/** mulberry32: small, fast, good enough for picking templates; same seed, same estate. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value, width) => String(value).padStart(width, '0');
const CAPTURED_AT = '2026-01-01T00:00:00.000Z';
const VERSION = '2025-12-31T23:59:59.000Z';

/** Shape of an estate for `apps` apps: 250 apps per team, 10 service groups per team, pods at 10 %. */
export function estateShape(apps, pods = apps >= 10 ? Math.round(apps / 10) : 0) {
  const teams = Math.max(1, Math.ceil(apps / 250));
  return { apps, pods, teams, services: apps < 10 ? 1 : 10 };
}

/**
 * @param {{ apps: {spec: object}[], pods: {spec: object}[] }} templates from `loadTemplates`
 * @param {{ apps: number, pods?: number, seed?: number, info?: object | null }} options
 * @returns a MarathonSnapshot (`baton.dev/marathon-snapshot/v1`) and counts
 */
export function generateEstate(templates, options, snapshotVersion) {
  const shape = estateShape(options.apps, options.pods);
  const next = random(options.seed ?? 20260101);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const teams = [];
  for (let t = 0; t < shape.teams; t += 1) {
    const id = `/bench/team-${pad(t, 2)}`;
    const services = [];
    for (let s = 0; s < shape.services; s += 1) services.push({ id: `${id}/svc-${s}`, apps: [], pods: [], groups: [], dependencies: [], version: VERSION });
    teams.push({ id, apps: [], pods: [], groups: services, dependencies: [], version: VERSION, labels: { team: `team-${pad(t, 2)}` } });
  }
  const appIds = [];
  let appDependencies = 0;
  for (let index = 0; index < shape.apps; index += 1) {
    const team = teams[index % shape.teams];
    const service = team.groups[Math.floor(index / shape.teams) % shape.services];
    const id = `${service.id}/app-${pad(index, 5)}`;
    const app = { id, ...structuredClone(pick(templates.apps).spec) };
    // about one app in seven waits for one or two apps defined before it (acyclic); some ids relative
    if (index > 0 && next() < 0.15) {
      const count = next() < 0.3 ? 2 : 1;
      const dependencies = new Set();
      for (let d = 0; d < count; d += 1) {
        const target = appIds[Math.floor(next() * appIds.length)];
        dependencies.add(target.startsWith(`${service.id}/`) && next() < 0.5 ? target.slice(service.id.length + 1) : target);
      }
      app.dependencies = [...dependencies];
      appDependencies += app.dependencies.length;
    }
    service.apps.push(app);
    appIds.push(id);
  }
  for (let index = 0; index < shape.pods; index += 1) {
    const team = teams[index % shape.teams];
    let group = team.groups.find((child) => child.id === `${team.id}/pods`);
    if (!group) {
      group = { id: `${team.id}/pods`, apps: [], pods: [], groups: [], dependencies: [], version: VERSION };
      team.groups.push(group);
    }
    const id = `${group.id}/pod-${pad(index, 4)}`;
    // /v2/groups answers pods as PodStatus, the definition under `spec`
    group.pods.push({
      id,
      spec: { id, ...structuredClone(pick(templates.pods).spec) },
      status: 'STABLE',
      statusSince: VERSION,
      instances: [],
      lastUpdated: VERSION,
      lastChanged: VERSION,
    });
  }
  // one service group in five waits for a service group of an earlier team
  let groupDependencies = 0;
  for (let t = 1; t < shape.teams; t += 1) {
    for (const service of teams[t].groups) {
      if (service.id.endsWith('/pods') || next() >= 0.2) continue;
      service.dependencies = [`${teams[Math.floor(next() * t)].id}/svc-${Math.floor(next() * shape.services)}`];
      groupDependencies += 1;
    }
  }
  const groups = { id: '/', apps: [], pods: [], groups: [{ id: '/bench', apps: [], pods: [], groups: teams, dependencies: [], version: VERSION }], dependencies: [], version: VERSION };
  const info = options.info ?? null;
  const snapshot = {
    snapshotVersion,
    capturedAt: CAPTURED_AT,
    source: { url: 'http://marathon.bench.invalid:8080', auth: 'none' },
    marathon: { version: typeof info?.version === 'string' ? info.version : '1.10.17', info, groups, deployments: [], queue: { queue: [] } },
  };
  return { snapshot, counts: { ...shape, appDependencies, groupDependencies } };
}

/** Every app and pod id of a snapshot, with problems: duplicates, invalid ids (by @baton/marathon's rules). */
export function auditEstate(snapshot, idProblem) {
  const seen = new Set();
  const problems = [];
  let apps = 0;
  let pods = 0;
  const walk = (group) => {
    for (const app of group.apps ?? []) {
      apps += 1;
      check(app.id);
    }
    for (const pod of group.pods ?? []) {
      pods += 1;
      check(pod.spec.id);
    }
    for (const child of group.groups ?? []) walk(child);
  };
  const check = (id) => {
    if (seen.has(id)) problems.push(`${id}: duplicate id`);
    seen.add(id);
    const problem = idProblem(id);
    if (problem) problems.push(`${id}: ${problem}`);
  };
  walk(snapshot.marathon.groups);
  return { apps, pods, problems };
}
