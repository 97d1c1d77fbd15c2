// Marathon apps drawn from the field catalog (../shared/reference/marathon-api.md §6: top-level
// fields §6.1, container §6.2, networks §6.3, legacy fields §6.4; ids §5; labels §11; health
// checks §12; volumes §13; constraints §14; docker parameters §16; AppInfo runtime fields §9.1).
import fc from 'fast-check';
import { hostileString, idSegment, strictIdSegment, text } from './strings.js';
import { optionalRecord, smallList, wrongValue, type Kit } from './values.js';

type Json = Record<string, unknown>;

const INT32 = 2_147_483_647;

/** Everything an app is made of, drawn with one kit (strict or loose). */
export function appArbitraries(k: Kit) {
  const { field, numeric, bool, enumValue } = k;
  const segment = k.strict ? strictIdSegment : idSegment;

  // ---- ids (§5) --------------------------------------------------------------------------------
  const pathId: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 12, arbitrary: fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`) },
    { weight: 4, arbitrary: fc.array(segment, { minLength: 1, maxLength: 2 }).map((segments) => segments.join('/')) },
    {
      weight: 3,
      // `.` and `..` are valid segments (§5), resolved like a path: ids cannot climb out of the root
      arbitrary: fc.constantFrom(
        '/../../etc/x',
        '../../etc/passwd',
        './web',
        '../sibling',
        '/prod/./web',
        '/' + 'long-segment-'.repeat(20) + 'end',
        '/' + Array.from({ length: 40 }, (_, index) => `g${index}`).join('/'),
        '/0/1/2',
        '/a.b/c.d',
      ),
    },
    ...(k.strict
      ? []
      : [
          {
            weight: 3,
            arbitrary: fc.constantFrom('/prod//web', '/prod/web/', '//double', '/日本/サービス', '/😀/🎉', '/Prod/Web', '/prod/web app', '/prod/restart', '/x/tasks'),
          },
          { weight: 1, arbitrary: fc.constantFrom('', '/', '.', '..', ' ') },
          { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(['/a']), fc.constant({ id: '/a' })) },
        ]),
  );

  // ---- env, labels, secrets (§6.1, §11) ---------------------------------------------------------
  const ENV_NAMES = [
    'PORT0', 'HOST', 'JAVA_OPTS', 'LOG_LEVEL', 'DB_PASSWORD', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'database_url', 'lower_case',
    '1STARTS_WITH_DIGIT', 'with-dash', 'a.b', 'with space', 'ÜMLAUT', 'X'.repeat(300), 'MARATHON_APP_ID', 'MESOS_SANDBOX', 'a=b',
  ];
  // apps take any non-empty name (LegacyEnvVars, §6.1)
  const envName: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ENV_NAMES) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,12}$/) },
    { weight: 1, arbitrary: k.strict ? hostileString.filter((name) => name.length > 0) : hostileString },
  );
  const envValue = (secretNames: readonly string[]): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 8, arbitrary: text },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '$PORT0',
          '${PORT_HTTP}',
          'http://$HOST:$PORT0/health',
          'http://db.marathon.mesos:5432',
          'api.marathon.l4lb.thisdcos.directory:80',
          'postgres://app:pw@pg.marathon.l4lb.thisdcos.directory:5432/db',
          '-Xmx512m -Dfile.encoding=UTF-8',
          '$(MESOS_SANDBOX)/conf',
        ),
      },
      ...(secretNames.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...secretNames).map((secret) => ({ secret })) }] : []),
      ...(k.strict ? [] : [{ weight: 1, arbitrary: fc.constantFrom({ secret: 'undeclared' }, { secret: 1 }, { secret: null }, {}, { value: 'x' }) }, { weight: 1, arbitrary: wrongValue }]),
    );
  const env = (secretNames: readonly string[], name: fc.Arbitrary<string> = envName) => field(fc.dictionary(name, envValue(secretNames), { maxKeys: 5 }));

  const LABEL_KEYS = [
    'team', 'owner', 'app.kubernetes.io/name', 'environment', 'HAPROXY_GROUP', 'HAPROXY_0_VHOST', 'HAPROXY_0_PATH', 'HAPROXY_0_MODE',
    'HAPROXY_0_PORT', 'HAPROXY_0_SSL_CERT', 'HAPROXY_0_REDIRECT_TO_HTTPS', 'HAPROXY_0_STICKY', 'HAPROXY_0_BALANCE', 'HAPROXY_0_AUTH',
    'HAPROXY_0_ENABLED', 'HAPROXY_0_BACKEND_HEAD', 'HAPROXY_0_HTTP_BACKEND_PROXYPASS_PATH', 'HAPROXY_0_BACKEND_NETWORK_ALLOWED_ACL',
    'HAPROXY_1_VHOST', 'HAPROXY_9_VHOST', 'HAPROXY_DEPLOYMENT_GROUP', 'HAPROXY_DEPLOYMENT_COLOUR', 'DCOS_SERVICE_NAME', 'DCOS_SERVICE_PORT_INDEX',
    'DCOS_SERVICE_SCHEME', 'DCOS_PACKAGE_NAME', 'DCOS_PACKAGE_FRAMEWORK_NAME', 'DCOS_PACKAGE_IS_FRAMEWORK', 'DCOS_MIGRATION_API_VERSION',
    'MARATHON_SINGLE_INSTANCE_APP', 'VIP_0', 'baton.dev/namespace', 'baton.dev/kind', 'x'.repeat(70), 'Upper Case Key', 'key/with/slashes',
  ];
  const LABEL_VALUES = [
    'true', 'false', 'web.example.com', 'a.example.com,b.example.com', '/api /v2', '-i /API', 'http', 'tcp', '80', '0', '1', 'external',
    'internal', '*', 'leastconn', 'realm:admin:$apr1$x$y', '/certs/site.pem', '10.0.0.0/8 192.168.0.0/16', 'kafka', 'v1', '/api:8080',
    'backend {backend}\n  balance roundrobin\n', 'https',
  ];
  const labels = field(
    fc.dictionary(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...LABEL_KEYS) }, { weight: 1, arbitrary: hostileString }),
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...LABEL_VALUES) }, { weight: 2, arbitrary: text }, ...(k.strict ? [] : [{ weight: 1, arbitrary: wrongValue }])),
      { maxKeys: 5 },
    ),
  );
  const portLabels = field(
    fc.dictionary(
      fc.constantFrom('VIP_0', 'VIP_1', 'network-scope', 'custom'),
      fc.oneof(fc.constantFrom('/web:80', '/team/api:8080', '10.0.0.1:80', 'web:80', 'bad', ':0', '/x:99999'), text),
      { maxKeys: 2 },
    ),
  );

  const secretNames = fc.uniqueArray(fc.constantFrom('db', 'api-key', 'pull', 'tls', 'token', 'Secret_1', 'a/b'), { maxLength: 3 });
  const secrets = (names: readonly string[]) =>
    fc
      .tuple(...names.map(() => field(optionalRecord({ source: field(fc.constantFrom('/prod/db-password', 'team/api-key', 'docker-config'), hostileString) }))))
      .map((values) => Object.fromEntries(names.map((name, index) => [name, values[index]])));
  const secretRef = (names: readonly string[]) => (names.length > 0 ? field(fc.constantFrom(...names), fc.constant('undeclared')) : field(fc.constant('undeclared')));

  // ---- constraints (§14) -------------------------------------------------------------------------
  const constraintField = fc.constantFrom('hostname', '@hostname', '@region', '@zone', 'rack', 'rack_id', 'attr with space', 'gpu');
  const OPERATORS = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS'] as const;
  /** A value Marathon accepts for the operator (UNIQUE takes none; MAX_PER an integer; LIKE a regex…). */
  const valueFor: Record<(typeof OPERATORS)[number], fc.Arbitrary<string | undefined>> = {
    UNIQUE: fc.constant(undefined),
    CLUSTER: fc.option(fc.constantFrom('rack-1', 'us-east-1', 'gpu-node'), { nil: undefined }),
    GROUP_BY: fc.option(fc.constantFrom('1', '3', '10'), { nil: undefined }),
    LIKE: fc.constantFrom('rack-1', 'a|b|c', '.*', 'rack-[0-9]+', 'us-(east|west)-1'),
    UNLIKE: fc.constantFrom('rack-1', 'a|b|c', '.*', 'rack-[0-9]+'),
    MAX_PER: fc.constantFrom('1', '2', '10'),
    IS: fc.constantFrom('rack-1', 'us-east-1', '3', 'a/b.c_d-e'),
  };
  const strictConstraint = fc
    .constantFrom(...OPERATORS)
    .chain((operator) => fc.tuple(constraintField, fc.constant(operator), valueFor[operator]))
    .map(([name, operator, value]) => (value === undefined ? [name, operator] : [name, operator, value]));
  const constraintOperator = enumValue([...OPERATORS], 'NEAR');
  const constraintValue = fc.constantFrom('rack-1', 'us-east-1', '3', '1', 'a|b|c', '.*', 'rack-[0-9]+', '(', '', 'gpu-node');
  const appConstraint = k.strict
    ? strictConstraint
    : field(
        fc.oneof(strictConstraint, fc.tuple(constraintField, constraintOperator), fc.tuple(constraintField, constraintOperator, constraintValue)),
        fc.constantFrom(['hostname'], ['a', 'b', 'c', 'd'], [1, 2], 'hostname:UNIQUE'),
      );
  const podConstraint = k.strict
    ? strictConstraint.map(([fieldName, operator, value]) => (value === undefined ? { fieldName, operator } : { fieldName, operator, value }))
    : optionalRecord({ fieldName: constraintField, operator: constraintOperator, value: constraintValue });

  // ---- fetch (§6.1) ------------------------------------------------------------------------------
  const artifact = field(
    optionalRecord({
      uri: field(
        fc.constantFrom(
          'https://example.com/app.tgz',
          'http://repo/app.jar',
          'hdfs://namenode/app.zip',
          's3://bucket/key.tar.gz',
          'file:///opt/app/bin',
          'docker.tar.gz',
          'https://example.com/a%20b/c?d=e&f=g#h',
        ),
        hostileString,
      ),
      extract: bool,
      executable: bool,
      cache: bool,
      destPath: field(fc.constantFrom('bin/app', 'conf/app.yml', '../escape', '/abs', 'a b/c'), hostileString),
    }),
  );

  // ---- health, readiness, checks (§12) -----------------------------------------------------------
  const seconds = numeric(0, INT32, true);
  const healthCheck = field(
    optionalRecord({
      protocol: enumValue(['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'], 'GRPC'),
      path: field(fc.constantFrom('/', '/health', '/ping?full=1'), hostileString),
      portIndex: numeric(0, 4, true),
      port: numeric(0, 65_535, true),
      command: field(optionalRecord({ value: field(fc.constantFrom('curl -f http://localhost:$PORT0/', 'exit 0', 'test -f /tmp/ready'), hostileString) })),
      gracePeriodSeconds: seconds,
      intervalSeconds: seconds,
      timeoutSeconds: seconds,
      maxConsecutiveFailures: numeric(0, INT32, true),
      delaySeconds: seconds,
      ignoreHttp1xx: bool,
      ipProtocol: enumValue(['IPv4', 'IPv6']),
    }),
  );
  const readinessCheck = field(
    optionalRecord({
      name: text,
      protocol: enumValue(['HTTP', 'HTTPS']),
      path: field(fc.constantFrom('/', '/ready'), hostileString),
      portName: field(fc.constantFrom('http', 'http-api', 'default', 'admin', 'missing')),
      intervalSeconds: seconds,
      timeoutSeconds: numeric(1, INT32, true),
      httpStatusCodesForReady: field(fc.uniqueArray(fc.integer({ min: 100, max: 999 }), { minLength: 1, maxLength: 3 })),
      preserveLastResponse: bool,
    }),
  );
  const appCheck = field(
    fc.oneof(
      optionalRecord({ http: field(optionalRecord({ portIndex: numeric(0, 3, true), path: field(fc.constantFrom('/', '/check')), scheme: enumValue(['HTTP', 'HTTPS']) })), intervalSeconds: seconds, timeoutSeconds: seconds, delaySeconds: seconds }),
      optionalRecord({ tcp: field(optionalRecord({ portIndex: numeric(0, 3, true) })), intervalSeconds: seconds }),
      optionalRecord({ exec: field(optionalRecord({ command: field(optionalRecord({ shell: field(fc.constantFrom('true', 'exit 1'), hostileString) })) })), delaySeconds: seconds }),
    ),
  );

  // ---- ports and networks (§6.1, §6.2, §6.3, §10) ------------------------------------------------
  const portName = field(
    fc.constantFrom('http', 'https', 'admin', 'default', 'grpc', 'metrics', 'http-api', 'a-very-long-port-name-beyond-fifteen', '0', '8080'),
    fc.constantFrom('UPPER', 'under_score', ''),
  );
  const portProtocol = enumValue(['tcp', 'udp', 'udp,tcp'], 'sctp', 'TCP', 'http');
  const port = numeric(0, 65_535, true);
  const portDefinition = field(optionalRecord({ port, protocol: portProtocol, name: portName, labels: portLabels }));
  const portMapping = field(
    optionalRecord({
      containerPort: port,
      hostPort: port,
      servicePort: port,
      protocol: portProtocol,
      name: portName,
      labels: portLabels,
      networkNames: field(fc.array(fc.constantFrom('dcos', 'calico', 'missing'), { maxLength: 2 })),
    }),
  );
  const networkName = field(fc.constantFrom('dcos', 'calico', 'overlay_1', 'a'), fc.constantFrom('Bad Name', 'UPPER'));
  const network = field(
    optionalRecord({
      mode: enumValue(['host', 'container/bridge', 'container'], 'HOST', 'bridge'),
      name: networkName,
      labels: field(fc.dictionary(fc.constantFrom('policy', 'group'), text, { maxKeys: 2 })),
    }),
  );

  // ---- volumes (§13) -------------------------------------------------------------------------------
  const mode = enumValue(['RO', 'RW']);
  const containerPath = field(fc.constantFrom('/data', 'data', '/var/lib/app', 'logs', '../escape', '/dev/shm', 'a b'), hostileString.filter((path) => path.length > 0));
  const persistent = field(
    optionalRecord({
      type: enumValue(['root', 'path', 'mount']),
      size: numeric(1, 1_000_000_000, true),
      maxSize: numeric(1, 2_000_000_000, true),
      profileName: field(fc.constantFrom('fast', 'ssd')),
      constraints: field(fc.array(fc.tuple(fc.constantFrom('path'), fc.constantFrom('LIKE', 'UNLIKE'), fc.constantFrom('/mnt/ssd.*', '/mnt/[a-z]+')), { maxLength: 2 })),
    }),
  );
  const appVolume = (names: readonly string[]) =>
    field(
      fc.oneof(
        optionalRecord({ containerPath, hostPath: field(fc.constantFrom('/var/run/docker.sock', '/etc/hosts', '/srv/data', 'data', '../up'), hostileString), mode }),
        optionalRecord({ containerPath: field(fc.constantFrom('data', 'pgdata', 'pg-data_1')), mode, persistent }),
        optionalRecord({
          containerPath,
          mode,
          external: field(
            optionalRecord({
              name: field(fc.constantFrom('pg-data', 'vol-0abc', 'shared-vol', 'Name With Space'), hostileString),
              provider: enumValue(['dvdi', 'csi']),
              size: numeric(1, 16_384, true),
              shared: bool,
              options: field(
                fc.oneof(
                  fc.dictionary(fc.constantFrom('dvdi/driver', 'dvdi/volumetype', 'dvdi/iops', 'dvdi/newfstype'), fc.constantFrom('rexray', 'pxd', 'io1', '100', 'xfs'), { maxKeys: 3 }),
                  optionalRecord({
                    pluginName: field(fc.constantFrom('ebs.csi.aws.com', 'unknown.csi.example.com')),
                    capability: field(
                      optionalRecord({
                        accessMode: enumValue(['SINGLE_NODE_WRITER', 'SINGLE_NODE_READER_ONLY', 'MULTI_NODE_READER_ONLY', 'MULTI_NODE_SINGLE_WRITER', 'MULTI_NODE_MULTI_WRITER']),
                        accessType: enumValue(['block', 'mount']),
                        fsType: field(fc.constantFrom('ext4', 'xfs')),
                        mountFlags: field(fc.array(fc.constantFrom('noatime', 'ro'), { maxLength: 2 })),
                      }),
                    ),
                    nodeStageSecret: field(fc.dictionary(fc.constantFrom('key'), secretRef(names), { maxKeys: 1 })),
                    nodePublishSecret: field(fc.dictionary(fc.constantFrom('key'), secretRef(names), { maxKeys: 1 })),
                    volumeContext: field(fc.dictionary(fc.constantFrom('type', 'zone'), text, { maxKeys: 2 })),
                  }),
                ),
              ),
            }),
          ),
        }),
        optionalRecord({ containerPath, secret: secretRef(names) }),
      ),
    );

  // ---- container (§6.2) and docker parameters (§16) ------------------------------------------------
  const DOCKER_PARAMETER_KEYS = [
    'user', 'u', 'env', 'e', 'workdir', 'w', 'entrypoint', 'cap-add', 'cap-drop', 'privileged', 'read-only', 'security-opt', 'sysctl',
    'shm-size', 'tmpfs', 'volume', 'v', 'add-host', 'dns', 'dns-search', 'hostname', 'label', 'net', 'network', 'ipc', 'pid', 'ulimit',
    'log-driver', 'log-opt', 'device', 'memory-swap', 'oom-kill-disable', 'cpu-shares', 'init', 'stop-signal', 'stop-timeout', 'volumes-from',
    'link', 'name', 'restart', 'rm', 'publish', 'volume-driver', 'unknown-flag',
  ];
  const dockerParameter = field(
    optionalRecord({
      key: field(fc.constantFrom(...DOCKER_PARAMETER_KEYS), fc.constant('')),
      value: field(fc.constantFrom('1000', 'root', 'FOO=bar', 'NET_ADMIN', 'ALL', '64m', 'nofile=1024:2048', 'host', 'db:10.0.0.2', 'json-file', 'SIGINT', 'true', '-1', '99999999999'), hostileString),
    }),
  );
  // any non-empty string is accepted by Marathon (§6.2)
  const image = field(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('nginx', 'nginx:1.25', 'library/redis:7-alpine', 'registry.example.com:5000/team/app:v1.2.3', `ghcr.io/org/app@sha256:${'a'.repeat(64)}`, 'python:3', 'busybox:latest') },
      { weight: 1, arbitrary: fc.constantFrom(' ', 'UPPER/Case:Tag', 'image with space', 'a'.repeat(300), ':no-name') },
      { weight: 1, arbitrary: hostileString.filter((value) => value.length > 0) },
    ),
    fc.constant(''),
  );
  const linuxInfo = field(
    optionalRecord({
      seccomp: field(fc.oneof(fc.constant({ unconfined: true }), fc.constant({ unconfined: false, profileName: 'default.json' }), optionalRecord({ profileName: field(fc.constantFrom('default.json', 'strict')), unconfined: bool }))),
      ipcInfo: field(fc.oneof(fc.constant({ mode: 'SHARE_PARENT' }), optionalRecord({ mode: fc.constant('PRIVATE'), shmSize: numeric(1, 65_536, true) }), optionalRecord({ mode: enumValue(['PRIVATE', 'SHARE_PARENT']), shmSize: numeric(0, 4096, true) }))),
    }),
  );
  const container = (names: readonly string[]) =>
    field(
      optionalRecord({
        type: enumValue(['DOCKER', 'MESOS'], 'APPC'),
        docker: field(
          optionalRecord({
            image,
            forcePullImage: bool,
            privileged: bool,
            parameters: field(smallList(dockerParameter)),
            pullConfig: field(optionalRecord({ secret: secretRef(names) })),
            ...(k.strict ? {} : { credential: field(optionalRecord({ principal: text, secret: text })) }),
            network: enumValue(['BRIDGE', 'HOST', 'USER'], 'NONE'),
            portMappings: field(smallList(portMapping)),
          }),
        ),
        portMappings: field(smallList(portMapping)),
        volumes: field(smallList(appVolume(names))),
        linuxInfo,
      }),
      fc.constant(null),
    );

  // ---- the app -------------------------------------------------------------------------------------
  /** AppInfo fields a GET response adds (§9.1): runtime status, never configuration. */
  const runtimeFields = optionalRecord({
    version: field(fc.constant('2025-01-01T00:00:00.000Z')),
    versionInfo: field(optionalRecord({ lastScalingAt: fc.constant('2025-01-01T00:00:00.000Z'), lastConfigChangeAt: fc.constant('2025-01-01T00:00:00.000Z') })),
    tasksRunning: numeric(0, 10, true),
    tasksStaged: numeric(0, 10, true),
    tasksHealthy: numeric(0, 10, true),
    tasksUnhealthy: numeric(0, 10, true),
    deployments: field(fc.array(optionalRecord({ id: fc.uuid() }), { maxLength: 1 })),
    tasks: field(fc.array(optionalRecord({ id: text, host: text, ports: fc.array(fc.integer({ min: 0, max: 65_535 }), { maxLength: 2 }), state: fc.constantFrom('TASK_RUNNING', 'TASK_STAGING') }), { maxLength: 2 })),
    lastTaskFailure: field(optionalRecord({ message: hostileString, state: fc.constant('TASK_FAILED'), timestamp: fc.constant('2025-01-01T00:00:00.000Z') })),
    readinessCheckResults: field(fc.array(optionalRecord({ name: text, ready: fc.boolean() }), { maxLength: 1 })),
  });

  /** Legacy fields (≤1.4 shapes, §6.4) that Marathon translates. */
  const legacyFields = optionalRecord({
    ports: field(fc.array(fc.integer({ min: 0, max: 65_535 }), { maxLength: 3 })),
    uris: field(fc.array(fc.constantFrom('https://example.com/app.tgz', 'http://repo/conf.yml', 'docker.tar.gz'), { maxLength: 2 })),
    storeUrls: field(fc.array(fc.constant('http://store/app'), { maxLength: 1 })),
    ipAddress: field(
      optionalRecord({
        networkName: field(fc.constantFrom('dcos', 'mesos-bridge', 'calico')),
        groups: field(fc.array(fc.constantFrom('frontend', 'backend'), { maxLength: 2 })),
        labels: field(fc.dictionary(fc.constantFrom('group'), text, { maxKeys: 1 })),
        discovery: field(optionalRecord({ ports: field(smallList(optionalRecord({ number: port, name: portName, protocol: portProtocol, labels: portLabels }))) })),
      }),
      fc.constant(null),
    ),
    residency: field(optionalRecord({ relaunchEscalationTimeoutSeconds: numeric(0, INT32, true), taskLostBehavior: enumValue(['WAIT_FOREVER', 'RELAUNCH_AFTER_TIMEOUT']) })),
  });

  const limit = (max: number) => field(fc.oneof(fc.double({ min: 0.001, max, noNaN: true }), fc.constant('unlimited')));

  /** The configuration fields of §6.1–§6.3, given the app's declared secret names. */
  const appFields = (names: readonly string[]) =>
    optionalRecord({
      cmd: field(fc.constantFrom('python3 -m http.server $PORT0', 'sleep 3600', './bin/start --port $PORT_HTTP', 'cd $MESOS_SANDBOX && ./run'), hostileString.filter((cmd) => cmd.length > 0), fc.constant(null)),
      args: field(fc.array(text, { maxLength: 3 })),
      user: field(fc.constantFrom('root', 'nobody', '1000', 'app')),
      env: env(names),
      instances: numeric(0, INT32, true),
      cpus: numeric(0.001, 4096),
      mem: numeric(0, 4_194_304),
      disk: numeric(0, 100_000_000),
      gpus: numeric(0, 64, true),
      resourceLimits: field(optionalRecord({ cpus: limit(8192), mem: limit(8_388_608) })),
      executor: field(fc.constantFrom('', '//cmd', '/opt/mesosphere/bin/executor', 'custom/exec')),
      executorResources: field(optionalRecord({ cpus: numeric(0.1, 16), mem: numeric(32, 65_536), disk: numeric(10, 100_000) })),
      constraints: field(smallList(appConstraint)),
      acceptedResourceRoles: field(fc.uniqueArray(fc.constantFrom('*', 'slave_public', 'prod'), { minLength: 1, maxLength: 2 })),
      role: field(fc.constantFrom('*', 'slave_public', 'prod', 'team-a')),
      labels,
      fetch: field(smallList(artifact)),
      dependencies: field(fc.array(pathId, { maxLength: 2 })),
      healthChecks: field(smallList(healthCheck)),
      readinessChecks: field(smallList(readinessCheck, 1)),
      check: appCheck,
      backoffSeconds: numeric(0, INT32, true),
      backoffFactor: numeric(1, 1000),
      maxLaunchDelaySeconds: numeric(0, INT32, true),
      container: container(names),
      networks: field(smallList(network, 2)),
      portDefinitions: field(smallList(portDefinition)),
      requirePorts: bool,
      upgradeStrategy: field(optionalRecord({ minimumHealthCapacity: numeric(0, 1), maximumOverCapacity: numeric(0, 1) })),
      unreachableStrategy: field(fc.oneof(optionalRecord({ inactiveAfterSeconds: numeric(0, INT32, true), expungeAfterSeconds: numeric(0, INT32, true) }), fc.constant('disabled'))),
      killSelection: enumValue(['YOUNGEST_FIRST', 'OLDEST_FIRST'], 'Youngest_First', 'YoungestFirst'),
      taskKillGracePeriodSeconds: numeric(0, INT32, true),
      tty: bool,
    });

  /** A Marathon app definition. */
  function marathonApp(options: { id?: fc.Arbitrary<unknown> } = {}): fc.Arbitrary<Json> {
    return secretNames.chain((names) =>
      fc
        .record({
          id: options.id ?? pathId,
          fields: appFields(names),
          secrets: fc.option(secrets(names), { nil: undefined }),
          runtime: fc.option(runtimeFields, { freq: 4, nil: undefined }),
          legacy: fc.option(legacyFields, { freq: 3, nil: undefined }),
        })
        .map(({ id, fields, secrets: declared, runtime, legacy }) => ({
          id,
          ...fields,
          ...(declared !== undefined && names.length > 0 ? { secrets: declared } : {}),
          ...runtime,
          ...legacy,
        })),
    );
  }

  return { pathId, segment, env, labels, portLabels, secretNames, secrets, secretRef, podConstraint, artifact, image, linuxInfo, seconds, marathonApp };
}

export type AppArbitraries = ReturnType<typeof appArbitraries>;
