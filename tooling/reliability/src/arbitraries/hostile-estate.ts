// A small, valid estate whose every free-text field is hostile (YAML indicators, `: `, `#`, anchors,
// quotes, newlines, control characters, Unicode): what the manifests, Markdown and HTML reports and
// plan.json must carry without breaking.
import fc from 'fast-check';
import type { GeneratedEstate } from './marathon-estate.js';
import { hostileString, strictIdSegment } from './strings.js';

const nonEmpty = hostileString.filter((value) => value.length > 0);
const hostileMap = (keys: fc.Arbitrary<string>) => fc.dictionary(keys, hostileString, { maxKeys: 4 });

export const hostileEstate: fc.Arbitrary<GeneratedEstate> = fc
  .record({
    group: strictIdSegment,
    app: strictIdSegment,
    pod: strictIdSegment,
    cmd: nonEmpty,
    args: fc.array(hostileString, { maxLength: 3 }),
    env: hostileMap(nonEmpty),
    podEnv: hostileMap(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/)),
    labels: hostileMap(hostileString),
    vhost: hostileString,
    path: hostileString,
    healthPath: hostileString,
    healthCommand: nonEmpty,
    constraint: hostileString,
    image: nonEmpty,
    uri: nonEmpty,
    mountPath: nonEmpty,
    dependency: hostileString,
    secretSource: hostileString,
  })
  .map((h): GeneratedEstate => {
    const app = {
      id: h.app,
      cmd: h.cmd,
      instances: 2,
      container: { type: 'DOCKER', docker: { image: h.image, parameters: [{ key: 'label', value: h.path }] }, volumes: [{ containerPath: h.mountPath, hostPath: '/srv/data', mode: 'RO' }] },
      portDefinitions: [{ port: 10_001, name: 'http', labels: { VIP_0: `/${h.app}:80` } }],
      env: { ...h.env, FROM_STORE: { secret: 'store' } },
      secrets: { store: { source: h.secretSource } },
      labels: { ...h.labels, HAPROXY_GROUP: 'external', HAPROXY_0_VHOST: h.vhost, HAPROXY_0_PATH: h.path },
      healthChecks: [
        { protocol: 'MESOS_HTTP', path: h.healthPath, portIndex: 0 },
        { protocol: 'COMMAND', command: { value: h.healthCommand } },
      ],
      constraints: [['rack', 'CLUSTER', h.constraint]],
      fetch: [{ uri: h.uri }],
      dependencies: [h.dependency],
    };
    const argsApp = { id: `${h.app}-args`, args: h.args.length > 0 ? h.args : [h.cmd], container: { docker: { image: 'busybox' } }, labels: h.labels };
    const pod = {
      id: h.pod,
      environment: h.podEnv,
      labels: h.labels,
      containers: [
        {
          name: 'main',
          image: { kind: 'DOCKER', id: h.image },
          exec: { command: { shell: h.cmd } },
          resources: { cpus: 0.1, mem: 64 },
          endpoints: [{ name: 'http', containerPort: 8080, labels: { VIP_0: `/${h.pod}:80` } }],
          healthCheck: { http: { endpoint: 'http', path: h.healthPath } },
          volumeMounts: [{ name: 'scratch', mountPath: h.mountPath }],
          artifacts: [{ uri: h.uri }],
          labels: h.labels,
        },
      ],
      volumes: [{ name: 'scratch' }],
      networks: [{ mode: 'container' }],
    };
    const document = { id: '/', apps: [], pods: [], groups: [{ id: h.group, apps: [app, argsApp], pods: [pod], groups: [] }] };
    return {
      shape: 'groups',
      strict: true,
      text: JSON.stringify(document),
      items: ['/groups/0/apps/0', '/groups/0/apps/1', '/groups/0/pods/0'].map((pointer, index) => ({ pointer, kind: index < 2 ? 'app' : 'pod', unknown: [] })),
      junkGroups: 0,
    };
  });
