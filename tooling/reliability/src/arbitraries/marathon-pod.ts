// Marathon pods drawn from the field catalog (../shared/reference/marathon-api.md §7: pod fields
// §7.1, containers §7.2, pod volumes §13.2, pod health checks §12.4; PodStatus §9.3).
import fc from 'fast-check';
import type { AppArbitraries } from './marathon-app.js';
import { hostileString, text } from './strings.js';
import { optionalRecord, smallList, type Kit } from './values.js';

type Json = Record<string, unknown>;

const INT32 = 2_147_483_647;

export function podArbitraries(k: Kit, app: AppArbitraries) {
  const { field, numeric, bool, enumValue } = k;

  // Name `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, at most 63 characters (§7.2)
  const containerName = field(fc.constantFrom('app', 'sidecar', 'web', 'log-shipper', 'c1', '0start', 'a'.repeat(63)), fc.constantFrom('UPPER', 'under_score', '', 'a'.repeat(64)));
  const endpointName = field(fc.constantFrom('http', 'admin', 'metrics', 'grpc', 'web-http', 'a-very-long-endpoint-name', '0'), fc.constantFrom('', 'UPPER'));
  const volumeName = fc.constantFrom('data', 'scratch', 'shared', 'certs', 'pv');
  // pods require `^[a-zA-Z_][a-zA-Z0-9_]{0,253}$` (§7.1)
  const podEnvName = k.strict
    ? fc.oneof(fc.constantFrom('PORT0', 'DB_PASSWORD', 'API_TOKEN', 'lower_case', '_X', `A${'B'.repeat(253)}`), fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/))
    : undefined;

  const command = field(
    fc.oneof(
      optionalRecord({ shell: field(fc.constantFrom('sleep 3600', 'python3 -m http.server $ENDPOINT_HTTP', 'exit 0'), hostileString.filter((shell) => shell.length > 0)) }),
      fc.record({ argv: field(fc.array(text, { minLength: 1, maxLength: 3 })) }),
    ),
  );

  const timing = {
    gracePeriodSeconds: app.seconds,
    intervalSeconds: app.seconds,
    maxConsecutiveFailures: numeric(0, INT32, true),
    timeoutSeconds: app.seconds,
    delaySeconds: app.seconds,
  };
  // exactly one of http, tcp, exec (§7.2); loose mode also mixes them
  const podHealthCheck = field(
    fc.oneof(
      fc.record({ http: field(optionalRecord({ endpoint: endpointName, path: field(fc.constantFrom('/', '/health'), hostileString), scheme: enumValue(['HTTP', 'HTTPS']) })) }),
      fc.record({ tcp: field(optionalRecord({ endpoint: endpointName })) }),
      fc.record({ exec: field(fc.record({ command })) }),
      ...(k.strict ? [] : [optionalRecord({ http: fc.constant({}), tcp: fc.constant({}) })]),
    ).chain((kind) => optionalRecord(timing).map((times) => ({ ...kind, ...times }))),
  );

  const endpoint = field(
    optionalRecord({
      name: endpointName,
      containerPort: numeric(0, 65_535, true),
      hostPort: numeric(0, 65_535, true),
      protocol: field(fc.uniqueArray(fc.constantFrom('tcp', 'udp', 'http', 'https', 'sctp'), { minLength: 1, maxLength: 2 })),
      labels: app.portLabels,
      networkNames: field(fc.array(fc.constantFrom('dcos', 'calico', 'missing'), { maxLength: 2 })),
    }),
  );

  const resources = field(optionalRecord({ cpus: numeric(0.001, 4096), mem: numeric(0.001, 4_194_304), disk: numeric(0, 100_000_000), gpus: numeric(0, 64, true) }));
  const limit = (max: number) => field(fc.oneof(fc.double({ min: 0.001, max, noNaN: true }), fc.constant('unlimited')));

  const podContainer = (names: readonly string[]) =>
    field(
      fc.record(
        {
          name: containerName,
          exec: field(fc.oneof(optionalRecord({ command, overrideEntrypoint: bool }), fc.record({ command }).map((value) => ({ ...value, overrideEntrypoint: true })))),
          resources,
          resourceLimits: field(optionalRecord({ cpus: limit(8192), mem: limit(8_388_608) })),
          endpoints: field(smallList(endpoint)),
          image: field(
            optionalRecord({
              kind: enumValue(['DOCKER'], 'APPC'),
              id: app.image,
              pullConfig: field(optionalRecord({ secret: app.secretRef(names) })),
              forcePull: bool,
              labels: field(fc.dictionary(fc.constantFrom('version', 'arch'), text, { maxKeys: 1 })),
            }),
          ),
          environment: app.env(names, podEnvName),
          user: field(fc.constantFrom('root', 'nobody', '1000')),
          healthCheck: podHealthCheck,
          check: field(optionalRecord({ tcp: field(optionalRecord({ endpoint: endpointName })), intervalSeconds: app.seconds, timeoutSeconds: app.seconds, delaySeconds: app.seconds })),
          volumeMounts: field(smallList(optionalRecord({ name: field(volumeName, fc.constant('missing')), mountPath: field(fc.constantFrom('/data', 'scratch', '/etc/certs', '../up'), hostileString.filter((path) => path.length > 0)), readOnly: bool }))),
          artifacts: field(smallList(app.artifact, 2)),
          labels: app.labels,
          lifecycle: field(optionalRecord({ killGracePeriodSeconds: numeric(0, 86_400) })),
          linuxInfo: app.linuxInfo,
          tty: bool,
        },
        { requiredKeys: ['name'] },
      ),
    );

  const podVolume = (names: readonly string[]) =>
    field(
      fc.oneof(
        fc.record({ name: field(volumeName) }),
        fc.record({ name: field(volumeName), host: field(fc.constantFrom('/var/log', '/etc/hosts', 'relative/dir', '../up'), hostileString.filter((path) => path.length > 0)) }),
        fc.record({ name: field(volumeName), secret: app.secretRef(names) }),
        fc.record({
          name: field(volumeName),
          persistent: field(optionalRecord({ type: enumValue(['root', 'path', 'mount']), size: numeric(1, 1_000_000_000, true), maxSize: numeric(1, 2_000_000_000, true), profileName: field(fc.constantFrom('fast')) })),
        }),
      ),
    );

  const podFields = (names: readonly string[]) =>
    optionalRecord({
      labels: app.labels,
      version: field(fc.constant('2025-01-01T00:00:00.000Z')),
      user: field(fc.constantFrom('root', 'nobody')),
      environment: app.env(names, podEnvName),
      volumes: field(smallList(podVolume(names))),
      networks: field(
        smallList(
          optionalRecord({
            mode: enumValue(['host', 'container/bridge', 'container']),
            name: field(fc.constantFrom('dcos', 'calico')),
            labels: field(fc.dictionary(fc.constantFrom('policy'), text, { maxKeys: 1 })),
          }),
          2,
        ),
      ),
      scaling: field(optionalRecord({ kind: enumValue(['fixed'], 'elastic'), instances: numeric(0, INT32, true), ...(k.strict ? {} : { maxInstances: numeric(0, 50, true) }) })),
      scheduling: field(
        optionalRecord({
          backoff: field(optionalRecord({ backoff: numeric(0, 86_400), backoffFactor: numeric(0, 1000), maxLaunchDelay: numeric(0, 86_400) })),
          upgrade: field(optionalRecord({ minimumHealthCapacity: numeric(0, 1), maximumOverCapacity: numeric(0, 1) })),
          placement: field(
            optionalRecord({
              constraints: field(smallList(app.podConstraint)),
              acceptedResourceRoles: field(fc.uniqueArray(fc.constantFrom('*', 'slave_public'), { minLength: 1, maxLength: 2 })),
            }),
          ),
          killSelection: enumValue(['YOUNGEST_FIRST', 'OLDEST_FIRST']),
          unreachableStrategy: field(fc.oneof(optionalRecord({ inactiveAfterSeconds: numeric(0, INT32, true), expungeAfterSeconds: numeric(0, INT32, true) }), fc.constant('disabled'))),
        }),
      ),
      executorResources: field(optionalRecord({ cpus: numeric(0.1, 16), mem: numeric(32, 65_536), disk: numeric(10, 100_000) })),
      role: field(fc.constantFrom('*', 'prod')),
      linuxInfo: field(optionalRecord({ ipcInfo: field(fc.oneof(fc.constant({ mode: 'SHARE_PARENT' }), optionalRecord({ mode: fc.constant('PRIVATE'), shmSize: numeric(1, 65_536, true) }))) })),
      legacySharedCgroups: bool,
    });

  /** A Marathon pod definition. */
  function marathonPod(options: { id?: fc.Arbitrary<unknown> } = {}): fc.Arbitrary<Json> {
    return app.secretNames.chain((names) =>
      fc
        .record({
          id: options.id ?? app.pathId,
          fields: podFields(names),
          secrets: fc.option(app.secrets(names), { nil: undefined }),
          containers: k.strict ? fc.array(podContainer(names), { minLength: 1, maxLength: 3 }) : field(fc.array(podContainer(names), { minLength: 1, maxLength: 3 }), fc.constant([])),
        })
        .map(({ id, fields, secrets: declared, containers }) => ({
          id,
          containers,
          ...fields,
          ...(declared !== undefined && names.length > 0 ? { secrets: declared } : {}),
        })),
    );
  }

  return { marathonPod };
}

/** How /v2/groups answers a pod: a PodStatus with the definition under `spec` (§9.3). */
export function podStatus(pod: Json): Json {
  return {
    id: pod.id,
    spec: pod,
    status: 'STABLE',
    statusSince: '2025-01-01T00:00:00.000Z',
    instances: [{ id: 'instance-1', status: 'STABLE', statusSince: '2025-01-01T00:00:00.000Z', agentHostname: 'agent-1', containers: [] }],
    lastUpdated: '2025-01-01T00:00:00.000Z',
    lastChanged: '2025-01-01T00:00:00.000Z',
  };
}
