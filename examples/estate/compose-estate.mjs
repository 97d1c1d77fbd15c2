// Composes the example estate from real Marathon definitions in ../shared/fixtures/marathon-docs
// (Marathon's own docs, system tests and marathon-lb; provenance in that folder's SOURCES.md).
// It writes what a Marathon 1.5+ leader answers: groups.json (GET /v2/groups with apps, pods as
// PodStatus and groups embedded), info.json (GET /v2/info), deployments.json and queue.json.
// Definitions are copied as written; only ids are placed in the tree and version stamps added.
// usage: node examples/estate/compose-estate.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const fixtures = new URL('../../../shared/fixtures/marathon-docs/', import.meta.url);
const here = new URL('./', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));
const VERSION = '2021-07-27T09:00:00.000Z';
const sources = [];

/** An app as the file defines it (or `definition`, one app of the file), placed at `id`. */
function app(file, id, { definition = read(file), ...extra } = {}) {
  sources.push({ id, kind: 'app', file });
  return { ...definition, ...extra, id, version: VERSION, versionInfo: { lastScalingAt: VERSION, lastConfigChangeAt: VERSION } };
}

/** Pods in a group response are PodStatus objects with the definition under `spec`. */
function pod(file, id) {
  sources.push({ id, kind: 'pod', file });
  const spec = { ...read(file), id, version: VERSION };
  return { id, spec, status: 'STABLE', statusSince: VERSION, instances: [], lastUpdated: VERSION, lastChanged: VERSION };
}

function group(id, { apps = [], pods = [], groups = [], dependencies = [] } = {}) {
  return { id, apps, pods, groups, dependencies, version: VERSION };
}

const sleepGroup = read('system-test-group__sleep-group.json').groups[0];

const groups = group('/', {
  groups: [
    group('/prod', {
      groups: [
        group('/prod/data', {
          apps: [
            app('doc-md__persistent-volumes__L0193__postgres.json', '/prod/data/postgres'),
            app('doc-md__persistent-volumes__L0266__mysql.json', '/prod/data/mysql'),
            app('doc-md__external-volumes__L0023__hello.json', '/prod/data/reports'),
          ],
        }),
        group('/prod/web', {
          dependencies: ['/prod/data'],
          apps: [
            app('marathon-lb__ci-backends-ucr_bridge.json', '/prod/web/nginx'),
            app('marathon-lb__app-nginx-marathon-1.5.json', '/prod/web/nginx-blue'),
            app('doc-md__secrets__L0023__app-with-secrets.json', '/prod/web/billing', { dependencies: ['/prod/data/postgres'] }),
            app('doc-md__secrets__L0074__app-with-secrets.json', '/prod/web/billing-worker'),
          ],
          pods: [pod('doc-md__pods__L0984__complete-pod.json', '/prod/web/complete-pod')],
        }),
        group('/prod/frameworks', { apps: [app('system-test-app__fake-framework.json', '/prod/frameworks/pyfw')] }),
      ],
    }),
    group('/staging', {
      groups: [
        group('/staging/web', { apps: [app('doc-md__native-docker__L0161__bridged-webapp.json', '/staging/web/bridged-webapp')] }),
        group('/staging/sleep', {
          apps: sleepGroup.apps.map((definition, index) => app('system-test-group__sleep-group.json', `/staging/sleep/goodnight-${index + 1}`, { definition })),
        }),
        group('/staging/pods', { pods: [pod('system-test-pod__persistent-volume-pod.json', '/staging/pods/persistent')] }),
      ],
    }),
  ],
});

// a real deployment (GET /v2/deployments example) rolling /prod/web/nginx-blue
const [deployment] = read('api-v2-example__get-deployments-response.json');
const deployments = [
  {
    ...deployment,
    affectedApps: ['/prod/web/nginx-blue'],
    affectedPods: [],
    steps: [{ actions: [{ action: 'RestartApplication', app: '/prod/web/nginx-blue' }] }],
    currentActions: [{ action: 'RestartApplication', app: '/prod/web/nginx-blue', readinessCheckResults: [] }],
    currentStep: 1,
    totalSteps: 1,
  },
];

// a real launch-queue entry (GET /v2/queue example) for the staging web app, which cannot be placed
const queueItem = read('api-v2-example__get-queue-response.json').queue[1];
const stagingApp = groups.groups[1].groups[0].apps[0];
const queue = { queue: [{ ...queueItem, app: stagingApp }] };

const write = (name, value) => writeFileSync(new URL(name, here), `${JSON.stringify(value, null, 2)}\n`);
write('groups.json', groups);
write('info.json', read('api-v2-example__get-info-response.json'));
write('deployments.json', deployments);
write('queue.json', queue);
write('sources.json', sources);
console.log(`wrote ${sources.length} definitions`);
