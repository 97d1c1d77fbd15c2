// Secrets: distinctive markers planted in flags, environment variables, the URL, /v2/info, app env
// and labels; then every output file, snapshot, stdout, stderr and error is searched for them.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startMarathonServer, type MarathonServer } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, spawnMigrate, tempDir, type CliRun } from './support/cli.js';

// Credentials Baton is given (flags, environment, URL): they must appear nowhere at all.
const TOKEN = 'tok-FLAG-7f3a9c1e';
const ENV_TOKEN = 'tok-ENV-0d9e8f7a';
const PASSWORD = 'pw-FLAG-81be2d44';
const ENV_PASSWORD = 'pw-ENVVAR-3c2b1a0f';
const URL_PASSWORD = 'pw-URL-c0ffee99';
const URL_QUERY_TOKEN = 'tok-QUERY-5a5a5a5a';
// Secrets in /v2/info (ZooKeeper URL, keystore password): redacted in the snapshot, so nowhere either.
const ZK_PASSWORD = 'pw-ZK-77aa66bb';
const KEYSTORE_PASSWORD = 'pw-KEYSTORE-1f2e3d4c';
// Secrets the user wrote into the definitions in plain text: the reader moves env values and URI
// passwords into Secret references (secrets.md says where to take them from), leaves credential
// labels out, and capture redacts them all, the marathon-lb basic-auth hash included. So they too
// appear nowhere: not in manifests, plan files, snapshots, stdout or stderr.
const LB_AUTH_HASH = 'hash-LBAUTH-9b8a7c6d';
const FETCH_PASSWORD = 'pw-FETCH-4e4e4e4e';
const ENV_LITERAL = 'pw-APPENV-2b2b2b2b';
const ENV_URL_PASSWORD = 'pw-APPENVURL-6d6d6d6d';
const POD_ENV_LITERAL = 'tok-PODENV-8c8c8c8c';
const LABEL_LITERAL = 'pw-LABEL-0e0e0e0e';
const POD_URI_PASSWORD = 'pw-PODURI-5f5f5f5f';

const GIVEN = [TOKEN, ENV_TOKEN, PASSWORD, ENV_PASSWORD, URL_PASSWORD, URL_QUERY_TOKEN, ZK_PASSWORD, KEYSTORE_PASSWORD];
const WRITTEN = [LB_AUTH_HASH, FETCH_PASSWORD, ENV_LITERAL, ENV_URL_PASSWORD, POD_ENV_LITERAL, LABEL_LITERAL, POD_URI_PASSWORD];
const ALL = [...GIVEN, ...WRITTEN];

const groups = {
  id: '/',
  apps: [],
  pods: [],
  groups: [
    {
      id: '/prod',
      apps: [
        {
          id: '/prod/api',
          cmd: 'serve --port $PORT0',
          container: { type: 'DOCKER', docker: { image: 'registry.example.com/api:1.0' } },
          portDefinitions: [{ port: 10000, name: 'http' }],
          env: {
            DB_PASSWORD: ENV_LITERAL,
            DATABASE_URL: `postgres://app:${ENV_URL_PASSWORD}@pg.marathon.l4lb.thisdcos.directory:5432/db`,
            API_TOKEN: { secret: 'api' },
            LOG_LEVEL: 'info',
          },
          secrets: { api: { source: '/prod/api-token' } },
          labels: { HAPROXY_GROUP: 'external', HAPROXY_0_VHOST: 'api.example.com', HAPROXY_0_AUTH: `realm:admin:${LB_AUTH_HASH}`, 'db-password': LABEL_LITERAL },
          fetch: [{ uri: `https://deploy:${FETCH_PASSWORD}@artifacts.example.com/api.tgz` }],
        },
      ],
      pods: [
        {
          id: '/prod/pod',
          spec: {
            id: '/prod/pod',
            environment: { SERVICE_TOKEN: POD_ENV_LITERAL },
            containers: [
              {
                name: 'main',
                image: { kind: 'DOCKER', id: 'busybox' },
                resources: { cpus: 0.1, mem: 32 },
                artifacts: [{ uri: `https://fetch:${POD_URI_PASSWORD}@artifacts.example.com/pod.tgz` }],
              },
            ],
          },
          status: 'STABLE',
        },
      ],
      groups: [],
    },
  ],
};

const info = {
  name: 'marathon',
  version: '1.10.17',
  elected: true,
  marathon_config: { mesos_role: '*', ssl_keystore_password: KEYSTORE_PASSWORD, mesos_authentication_secret_file: '/etc/marathon/secret' },
  zookeeper_config: { zk: `zk://zkuser:${ZK_PASSWORD}@zk-1:2181,zk-2:2181/marathon` },
  http_config: { http_port: 8080 },
};

let server: MarathonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every file under `dir`, relative path → text. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) files.set(name, readFileSync(full, 'utf8'));
  }
  return files;
}

/** Where each marker shows up: `stdout`, `stderr`, or a file name. */
function findMarkers(markers: readonly string[], places: ReadonlyMap<string, string>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const marker of markers) {
    const where = [...places].filter(([, content]) => content.includes(marker) || content.includes(encodeURIComponent(marker))).map(([place]) => place);
    if (where.length > 0) found[marker] = where;
  }
  return found;
}

function outputsOf(run: CliRun, ...dirs: string[]): Map<string, string> {
  const places = new Map<string, string>([
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ]);
  for (const dir of dirs) for (const [name, content] of readTree(dir)) places.set(`${path.basename(dir)}/${name}`, content);
  return places;
}

describe('credentials never leave the process', () => {
  it('plans with credentials from flags, the URL and the environment: no credential or /v2/info secret in any file, stdout or stderr', async () => {
    server = await startMarathonServer({ groups, info, auth: { token: TOKEN, basic: `admin:${PASSWORD}` } });
    const work = tempDir();
    const url = `http://admin:${URL_PASSWORD}@127.0.0.1:${server.port}/?token=${URL_QUERY_TOKEN}`;
    mkdirSync(path.join(work, 'capture'));
    const runs = [
      // token flag (the server accepts it)
      await migrate(['plan', '--from', server.url, '--token', TOKEN, '--out', path.join(work, 'token-flag'), '--fail-on', 'never', '--format', 'json'], { env: { BATON_TIMINGS: path.join(work, 'timings.json') } }),
      // token from the environment
      // with progress lines on stderr, as on a terminal
      await migrate(['plan', '--from', server.url, '--out', path.join(work, 'token-env'), '--fail-on', 'never'], { env: { BATON_MARATHON_TOKEN: TOKEN }, interactive: true }),
      // basic credentials in the URL: rejected (wrong password), so this one fails with 401
      await migrate(['plan', '--from', url, '--out', path.join(work, 'url'), '--fail-on', 'never', '--debug']),
      // basic credentials as a flag, and from the environment, SARIF on stdout
      await migrate(['plan', '--from', server.url, '--user', `admin:${PASSWORD}`, '--out', path.join(work, 'user-flag'), '--fail-on', 'never', '--format', 'sarif']),
      await migrate(['plan', '--from', server.url, '--out', path.join(work, 'user-env'), '--fail-on', 'never'], { env: { BATON_MARATHON_USER: `admin:${PASSWORD}` } }),
      // a snapshot, then a plan from it
      await migrate(['capture', '--from', server.url, '--token', TOKEN, '--out', path.join(work, 'capture', 'snapshot.json')]),
      await migrate(['plan', '--from', path.join(work, 'capture', 'snapshot.json'), '--out', path.join(work, 'replay'), '--fail-on', 'never']),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 3, 0, 0, 0, 0]);
    const places = new Map<string, string>();
    runs.forEach((run, index) => {
      places.set(`run ${index} stdout`, run.stdout);
      places.set(`run ${index} stderr`, run.stderr);
    });
    for (const [name, content] of readTree(work)) places.set(name, content);
    expect(places.size).toBeGreaterThan(30);
    expect(findMarkers(ALL, places)).toEqual({});
    // what the workloads need instead: Secret references, and secrets.md saying where the values are
    const manifest = places.get(path.join('token-flag', 'manifests', 'prod', 'api.yaml')) ?? '';
    for (const name of ['DB_PASSWORD', 'DATABASE_URL', 'ARTIFACT_URI_0']) expect(manifest).toMatch(new RegExp(`name: ${name}\\n\\s+valueFrom:\\n\\s+secretKeyRef:`));
    const checklist = places.get(path.join('token-flag', 'secrets.md')) ?? '';
    for (const source of ['/prod/api#/env/DB_PASSWORD', '/prod/api#/env/DATABASE_URL', '/prod/api#/fetch/0/uri', '/prod/pod#/spec/environment/SERVICE_TOKEN', '/prod/pod#/spec/containers/0/artifacts/0/uri']) {
      expect(checklist).toContain(source);
    }
    // the replayed snapshot plans the same manifests as the live Marathon
    for (const [name, content] of places) {
      if (name.startsWith(`token-flag${path.sep}manifests`)) expect([name, places.get(name.replace('token-flag', 'replay'))]).toEqual([name, content]);
    }
  });

  it('reports plain-text credentials in env and labels as findings that name the key, never the value', async () => {
    server = await startMarathonServer({ groups, info });
    const out = path.join(tempDir(), 'plan');
    const run = await migrate(['plan', '--from', server.url, '--out', out, '--fail-on', 'never', '--format', 'json']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    const pointers = plan.workloads.flatMap((workload: any) =>
      workload.findings.filter((finding: any) => finding.ruleId === 'marathon/plaintext-secret').map((finding: any) => `${workload.id}${finding.pointer}`),
    );
    expect(pointers.sort()).toEqual([
      '/prod/api/env/DATABASE_URL',
      '/prod/api/env/DB_PASSWORD',
      '/prod/api/fetch/0/uri',
      '/prod/api/labels/db-password',
      '/prod/pod/spec/containers/0/artifacts/0/uri',
      '/prod/pod/spec/environment/SERVICE_TOKEN',
    ]);
    expect(findMarkers(ALL, new Map([['plan.json', readFileSync(path.join(out, 'plan.json'), 'utf8')]]))).toEqual({});
  });

  it('keeps credentials out of every error, at every exit status, also with --debug and from the built program', async () => {
    server = await startMarathonServer({ groups, info, auth: { token: 'the-right-token' } });
    const work = tempDir();
    const closed = `http://admin:${URL_PASSWORD}@127.0.0.1:9/`;
    const cases: [string[], number, Record<string, string>?][] = [
      // 1: findings at or above --fail-on
      [['plan', '--from', server.url, '--token', 'the-right-token', '--out', path.join(work, 'a'), '--fail-on', 'info'], 1],
      // 2: usage errors that carry a credential
      [['plan', '--from', server.url, '--token', TOKEN, '--timeout', `x${PASSWORD}`], 2],
      [['plan', '--from', server.url, '--user', `no-colon-${PASSWORD}`], 2],
      [['plan', '--from', `http://admin:${URL_PASSWORD}@[not-a-host`, '--token', TOKEN], 2],
      [['plan', '--from', `ftp://admin:${URL_PASSWORD}@example.com/`], 2],
      [['plan', '--from', path.join(work, 'missing.json'), '--token', TOKEN], 2],
      // 3: rejected credentials, unreachable host (with --debug: causes and stacks)
      [['plan', '--from', server.url, '--token', TOKEN, '--debug'], 3],
      [['plan', '--from', server.url, '--user', `admin:${PASSWORD}`, '--debug'], 3],
      [['plan', '--from', server.url], 3, { BATON_MARATHON_TOKEN: ENV_TOKEN, BATON_MARATHON_USER: `admin:${ENV_PASSWORD}` }],
      [['plan', '--from', closed, '--debug'], 3],
      [['capture', '--from', `http://admin:${URL_PASSWORD}@127.0.0.1:${server.port}/?token=${URL_QUERY_TOKEN}`, '--debug'], 3],
      // 4: a plugin that cannot be loaded
      [['plan', '--from', server.url, '--token', TOKEN, '--plugin', './no-such-plugin.mjs'], 4],
    ];
    for (const [argv, code, env] of cases) {
      const inProcess = await migrate(argv, { cwd: work, ...(env ? { env } : {}) });
      expect([argv.join(' '), inProcess.code]).toEqual([argv.join(' '), code]);
      expect(findMarkers([TOKEN, ENV_TOKEN, PASSWORD, ENV_PASSWORD, URL_PASSWORD, URL_QUERY_TOKEN], outputsOf(inProcess)), argv.join(' ')).toEqual({});
    }
    // the built program, once per exit status
    for (const [argv, code, env] of [cases[1]!, cases[6]!, cases[9]!, cases[11]!]) {
      const child = await spawnMigrate(argv, { cwd: work, ...(env ? { env } : {}) });
      expect(child.code).toBe(code);
      expect(findMarkers([TOKEN, PASSWORD, URL_PASSWORD], outputsOf(child))).toEqual({});
    }
  });
});
