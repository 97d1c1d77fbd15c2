import { legacy, mapped, noEffect, runtime, under, unsupported, type FieldSpec, type FieldTable } from './field-spec.js';

// The single declarative table of every Marathon field Baton knows (reference §6–§9, §11–§13):
// where it goes in the model, which values are Marathon's defaults, and what is set aside.
// The reader's coverage ledger is driven from it, and the conversion matrix is generated from it.

const HEALTH_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'] as const;
const PORT_PROTOCOLS = ['tcp', 'udp', 'udp,tcp', 'tcp,udp', 'sctp'] as const;

/** Labels with a meaning beyond metadata (§11); every other label is carried as is. */
const labelRows = (prefix: string, to: string): FieldSpec[] =>
  under(prefix, [
    mapped('*', to, 'Copied as metadata; keys or values invalid as Kubernetes labels are the writer\'s to move to annotations.', { type: 'string' }),
    mapped('HAPROXY_GROUP', `${to}, exposure[].group`, 'marathon-lb group (§11.2): which load balancers expose the app.', { type: 'string' }),
    mapped('HAPROXY_{n}_VHOST', `${to}, exposure[kind=vhost].hosts`, 'marathon-lb virtual hosts of service port n: an Ingress intent.', { type: 'string' }),
    mapped('HAPROXY_{n}_PATH', `${to}, exposure[kind=vhost].paths`, 'marathon-lb path prefixes of service port n.', { type: 'string' }),
    mapped('HAPROXY_{n}_GROUP', `${to}, exposure[].group`, 'marathon-lb group of service port n.', { type: 'string' }),
    mapped('HAPROXY_{n}_SSL_CERT', `${to}, exposure[].tls`, 'TLS certificate path on the load balancer: the exposure is TLS.', { type: 'string' }),
    mapped('HAPROXY_{n}_REDIRECT_TO_HTTPS', `${to}, exposure[].redirectToHttps`, 'HTTP to HTTPS redirect.', { type: 'string' }),
    mapped('HAPROXY_{n}_*', `${to}, exposure[].options`, 'Other marathon-lb settings and raw HAProxy templates of port n, kept as exposure options.', { type: 'string' }),
    mapped('HAPROXY_*', `${to}, exposure[].options`, 'Other app-level marathon-lb settings (blue/green deployment labels).', { type: 'string' }),
    mapped('DCOS_SERVICE_*', `${to}, exposure[kind=admin-router]`, 'DC/OS Admin Router exposure at /service/<name>.', { type: 'string' }),
    mapped('DCOS_PACKAGE_*', to, 'DC/OS package metadata; framework schedulers are reported by marathon/framework-app.', { type: 'string' }),
    mapped('DCOS_MIGRATION_API_*', to, 'DC/OS SDK framework migration API: reported by marathon/framework-app.', { type: 'string' }),
    mapped('MARATHON_SINGLE_INSTANCE_APP', `${to}, hints.singleInstance`, 'Marathon keeps at most one instance and never overlaps versions.', { type: 'string' }),
  ]);

/** Port-level labels: `VIP_n` are DC/OS layer-4 load-balancer addresses (§10.4). */
const portLabelRows = (prefix: string, to: string): FieldSpec[] =>
  under(prefix, [
    mapped('*', to, 'Port discovery labels, carried as port labels.', { type: 'string' }),
    mapped('VIP_{n}', `${to}, exposure[kind=vip]`, 'DC/OS named or IP VIP: a ClusterIP Service intent.', { type: 'string' }),
  ]);

const envRows = (prefix: string, to: string): FieldSpec[] =>
  under(prefix, [
    mapped('*', `${to}[].value`, 'Environment variable.', { type: 'string' }),
    mapped('*.secret', `${to}[].secret`, 'Environment variable filled from a declared secret (the value is never read).', { type: 'string' }),
  ]);

const secretRows: FieldSpec[] = [
  mapped('secrets.*.source', 'secrets[].source', 'Secret declaration: the store path, never the value.', { type: 'string' }),
];

const artifactRows = (prefix: string, to: string): FieldSpec[] =>
  under(prefix, [
    mapped('uri', `${to}.uri`, 'Fetched into the sandbox before start.', { type: 'string' }),
    mapped('extract', `${to}.extract`, 'Archive extraction.', { type: 'boolean' }),
    mapped('executable', `${to}.executable`, 'chmod +x after fetch.', { type: 'boolean' }),
    mapped('cache', `${to}.cache`, 'Agent fetcher cache.', { type: 'boolean' }),
    mapped('destPath', `${to}.destPath`, 'Destination inside the sandbox.', { type: 'string' }),
  ]);

const appPortMappingRows = (to: string): FieldSpec[] => [
  mapped('containerPort', `${to}.containerPort`, '0 = the host port assigned at launch ($PORTn).', { type: 'number' }),
  mapped('hostPort', `${to}.hostPort`, '0 = dynamic host port; absent on container networks = none.', { type: 'number' }),
  mapped('servicePort', `${to}.servicePort`, 'Load-balancer port (marathon-lb); GET returns the assigned one.', { type: 'number' }),
  mapped('protocol', `${to}.protocols`, '`udp,tcp` becomes two protocols.', { type: 'string', enum: PORT_PROTOCOLS }),
  mapped('name', `${to}.name`, 'Port name ($PORT_<NAME>, readiness portName).', { type: 'string' }),
  mapped('networkNames[]', `${to}.networkNames`, 'Named networks the mapping applies to.', { type: 'string' }),
  ...portLabelRows('labels', `${to}.labels`),
];

/** `linuxInfo` (§6.2, §7.2): each setting is its own row, so a misspelt key is an unknown field, not swallowed. */
const linuxInfoRows = (to: string, seccomp = true): FieldSpec[] => [
  ...(seccomp
    ? [
        mapped('seccomp.profileName', `${to}.seccomp.profileName`, 'Seccomp profile file on the agent, carried for the writer as a hint.', { type: 'string' }),
        mapped('seccomp.unconfined', `${to}.seccomp.unconfined`, 'No seccomp filter, carried for the writer as a hint.', { type: 'boolean' }),
      ]
    : []),
  mapped('ipcInfo.mode', `${to}.ipcInfo.mode`, 'IPC namespace (PRIVATE or SHARE_PARENT), carried for the writer as a hint.', { type: 'string', enum: ['PRIVATE', 'SHARE_PARENT'] }),
  mapped('ipcInfo.shmSize', `${to}.ipcInfo.shmSize`, 'Size of /dev/shm in MiB, carried for the writer as a hint.', { type: 'number' }),
];

/** `residency` (§6.4): deprecated, no effect; its presence marks a resident workload. */
const residencyRows = (note: string): FieldSpec[] => [
  mapped('residency', 'kind', note),
  noEffect('residency.relaunchEscalationTimeoutSeconds', 'Deprecated, no effect in Marathon.', { type: 'number' }),
  noEffect('residency.taskLostBehavior', 'Deprecated, no effect in Marathon.', { type: 'string', enum: ['WAIT_FOREVER', 'RELAUNCH_AFTER_TIMEOUT'] }),
];

const constraintNote = 'Placement constraint (§14); the operator is read case-insensitively.';

const backoffNote = 'Relaunch backoff; Kubernetes restart backoff is fixed.';

const appTable: FieldSpec[] = [
  mapped('id', 'id', 'Absolute id; relative ids are resolved against the enclosing group.', { type: 'string' }),
  mapped('cmd', 'containers[0].command.shell', 'Shell command (/bin/sh -c).', { type: 'string' }),
  mapped('args[]', 'containers[0].args', 'Arguments to the image entrypoint (argv without an image).', { type: 'string' }),
  mapped('user', 'containers[0].user', 'OS user name.', { type: 'string' }),
  ...envRows('env', 'containers[0].env'),
  mapped('instances', 'replicas', 'Instance count; 0 = suspended (marathon/suspended-app).', { type: 'number' }),
  mapped('cpus', 'containers[0].resources.cpus', 'CPU shares.', { type: 'number' }),
  mapped('mem', 'containers[0].resources.memMiB', 'Memory in MiB.', { type: 'number' }),
  mapped('disk', 'containers[0].resources.diskMiB', 'Sandbox disk in MiB.', { type: 'number', defaults: [0] }),
  mapped('gpus', 'containers[0].resources.gpus', 'GPUs.', { type: 'number', defaults: [0] }),
  mapped('resourceLimits.cpus', 'containers[0].resources.limits.cpus', 'CPU limit or "unlimited".', { type: 'number-or-unlimited' }),
  mapped('resourceLimits.mem', 'containers[0].resources.limits.memMiB', 'Memory limit or "unlimited".', { type: 'number-or-unlimited' }),
  {
    path: 'executor',
    disposition: 'unsupported',
    type: 'string',
    defaults: ['', '//cmd'],
    finding: { rule: 'marathon/custom-executor', messageId: 'executor' },
    note: '"" and //cmd are the command executor; any other value is a custom executor that cannot be reproduced.',
  },
  ...under('executorResources', [
    unsupported('cpus', 'only used by custom executors', { type: 'number', defaults: [0.1] }),
    unsupported('mem', 'only used by custom executors', { type: 'number', defaults: [32] }),
    unsupported('disk', 'only used by custom executors', { type: 'number', defaults: [10] }),
  ]),
  mapped('constraints[][]', 'placement.constraints', constraintNote, { type: 'string' }),
  mapped('acceptedResourceRoles[]', 'placement.acceptedResourceRoles', 'Mesos roles of accepted offers (`slave_public` = public agents).', { type: 'string' }),
  mapped('role', 'placement.role', 'Mesos role (1.9+).', { type: 'string' }),
  ...labelRows('labels', 'labels'),
  ...artifactRows('fetch[]', 'containers[0].artifacts[]'),
  ...legacy('uris', 'fetch', [mapped('uris[]', 'containers[0].artifacts[]', 'Legacy fetch list; extract is set by file extension, as Marathon does.', { type: 'string' })]),
  unsupported('storeUrls', 'the artifact store was removed from Marathon in 1.5', { subtree: true }),
  mapped('dependencies[]', 'dependencies', 'Start order; relative ids are resolved against the enclosing group.', { type: 'string' }),
  ...under('healthChecks[]', [
    mapped('protocol', 'containers[0].probes[purpose=health]', 'Marathon-level (HTTP/HTTPS/TCP) or Mesos-level (MESOS_*, COMMAND) check.', { type: 'string', enum: HEALTH_PROTOCOLS }),
    mapped('path', 'containers[0].probes[].action.path', 'HTTP path.', { type: 'string' }),
    mapped('portIndex', 'containers[0].probes[].action.port.index', 'Port by position; 0 is added when neither port nor portIndex is set.', { type: 'number' }),
    mapped('port', 'containers[0].probes[].action.port.number', 'Literal port.', { type: 'number' }),
    mapped('command.value', 'containers[0].probes[].action.command.shell', 'COMMAND check.', { type: 'string' }),
    mapped('gracePeriodSeconds', 'containers[0].probes[].gracePeriodSeconds', 'Default 300.', { type: 'number' }),
    mapped('intervalSeconds', 'containers[0].probes[].intervalSeconds', 'Default 60.', { type: 'number' }),
    mapped('timeoutSeconds', 'containers[0].probes[].timeoutSeconds', 'Default 20.', { type: 'number' }),
    mapped('maxConsecutiveFailures', 'containers[0].probes[].maxConsecutiveFailures', 'Default 3; 0 = never kill (Marathon-level checks).', { type: 'number' }),
    mapped('delaySeconds', 'containers[0].probes[].delaySeconds', 'Default 15.', { type: 'number' }),
    unsupported('ignoreHttp1xx', 'Kubernetes probes cannot ignore 1xx responses', { type: 'boolean', defaults: [false] }),
    mapped('ipProtocol', 'containers[0].probes[].ipProtocol', 'IPv6 checks need an IPv6 pod network (checked by cni/ipv6-unsupported); probes use the pod IP family.', { type: 'string', enum: ['IPv4', 'IPv6'], defaults: ['IPv4'] }),
  ]),
  ...under('readinessChecks[]', [
    noEffect('name', 'Identifier of the check only.', { type: 'string' }),
    mapped('protocol', 'containers[0].probes[purpose=readiness].action.scheme', 'HTTP or HTTPS.', { type: 'string', enum: ['HTTP', 'HTTPS'] }),
    mapped('path', 'containers[0].probes[].action.path', 'Default /.', { type: 'string' }),
    mapped('portName', 'containers[0].probes[].action.port.name', 'Default http-api.', { type: 'string' }),
    mapped('intervalSeconds', 'containers[0].probes[].intervalSeconds', 'Default 30.', { type: 'number' }),
    mapped('timeoutSeconds', 'containers[0].probes[].timeoutSeconds', 'Default 10.', { type: 'number' }),
    mapped('httpStatusCodesForReady[]', 'containers[0].probes[].readyStatusCodes', 'Default [200].', { type: 'number' }),
    { path: 'preserveLastResponse', disposition: 'runtime', type: 'boolean', defaults: [false], note: 'Only changes what Marathon keeps in deployment status.' },
  ]),
  ...under('check', [
    mapped('http.portIndex', 'containers[0].probes[purpose=check].action.port.index', 'Generic Mesos check (1.8+): observed, never acted on.', { type: 'number' }),
    mapped('http.port', 'containers[0].probes[purpose=check].action.port.number', 'Generic check port.', { type: 'number' }),
    mapped('http.path', 'containers[0].probes[purpose=check].action.path', 'Generic check path.', { type: 'string' }),
    mapped('http.scheme', 'containers[0].probes[purpose=check].action.scheme', 'Generic check scheme.', { type: 'string', enum: ['HTTP', 'HTTPS'] }),
    mapped('tcp.portIndex', 'containers[0].probes[purpose=check].action.port.index', 'Generic TCP check.', { type: 'number' }),
    mapped('tcp.port', 'containers[0].probes[purpose=check].action.port.number', 'Generic TCP check.', { type: 'number' }),
    mapped('exec.command.shell', 'containers[0].probes[purpose=check].action.command.shell', 'Generic command check.', { type: 'string' }),
    mapped('exec.command.argv[]', 'containers[0].probes[purpose=check].action.command.argv', 'Generic command check.', { type: 'string' }),
    mapped('intervalSeconds', 'containers[0].probes[purpose=check].intervalSeconds', 'Default 60.', { type: 'number' }),
    mapped('timeoutSeconds', 'containers[0].probes[purpose=check].timeoutSeconds', 'Default 20.', { type: 'number' }),
    mapped('delaySeconds', 'containers[0].probes[purpose=check].delaySeconds', 'Default 15.', { type: 'number' }),
  ]),
  mapped('backoffSeconds', 'rollout.backoff.seconds', backoffNote, { type: 'number', defaults: [1] }),
  mapped('backoffFactor', 'rollout.backoff.factor', backoffNote, { type: 'number', defaults: [1.15] }),
  mapped('maxLaunchDelaySeconds', 'rollout.backoff.maxLaunchDelaySeconds', `${backoffNote} Default 300 (3600 before 1.8.180).`, { type: 'number', defaults: [300, 3600] }),
  mapped('container.type', 'containers[0].image.runtime', 'DOCKER (default) or MESOS (UCR).', { type: 'string', enum: ['DOCKER', 'MESOS'] }),
  ...under('container.docker', [
    mapped('image', 'containers[0].image.ref', 'Image reference.', { type: 'string' }),
    mapped('forcePullImage', 'containers[0].image.forcePull', 'Pull on every launch.', { type: 'boolean', defaults: [false] }),
    mapped('privileged', 'containers[0].privileged', 'Privileged container.', { type: 'boolean', defaults: [false] }),
    mapped('parameters[].key', 'containers[0].runtimeParameters[].key', 'docker run flag (§16).', { type: 'string' }),
    mapped('parameters[].value', 'containers[0].runtimeParameters[].value', 'docker run flag value.', { type: 'string' }),
    mapped('pullConfig.secret', 'containers[0].image.pullSecret', 'Registry credentials from a declared secret.', { type: 'string' }),
    unsupported('credential', 'registry credentials in this form were removed in Marathon 1.5; use pullConfig', { subtree: true }),
    ...legacy('container.docker.network', 'networks', [
      mapped('network', 'network.mode', 'BRIDGE, HOST or USER, translated to networks (§6.4).', { type: 'string', enum: ['BRIDGE', 'HOST', 'USER'] }),
    ]),
    ...legacy('container.docker.portMappings', 'container.portMappings', [
      mapped('portMappings', 'containers[0].ports', 'An empty list means no ports.'),
      ...under('portMappings[]', appPortMappingRows('containers[0].ports[]')),
    ]),
  ]),
  mapped('container.portMappings', 'containers[0].ports', 'An empty list means no ports.'),
  ...under('container.portMappings[]', appPortMappingRows('containers[0].ports[]')),
  ...under('container.volumes[]', [
    mapped('containerPath', 'containers[0].mounts[].path', 'Relative paths are inside the sandbox.', { type: 'string' }),
    mapped('hostPath', 'volumes[kind=host].hostPath', 'Absolute: agent path; relative: a sandbox directory (usually a persistent volume).', { type: 'string' }),
    mapped('mode', 'containers[0].mounts[].readOnly', 'RO or RW.', { type: 'string', enum: ['RO', 'RW'] }),
    mapped('persistent.type', 'volumes[kind=persistent].type', 'root (default), path or mount.', { type: 'string', enum: ['root', 'path', 'mount'] }),
    mapped('persistent.size', 'volumes[kind=persistent].sizeMiB', 'Size in MiB.', { type: 'number' }),
    mapped('persistent.maxSize', 'volumes[kind=persistent].maxSizeMiB', 'Maximum size (mount volumes).', { type: 'number' }),
    mapped('persistent.profileName', 'volumes[kind=persistent].profileName', 'Storage profile.', { type: 'string' }),
    unsupported('persistent.constraints', 'disk path constraints select Mesos disks and have no model field', { subtree: true }),
    mapped('external.name', 'volumes[kind=external].externalName', 'Volume name or id in the external system.', { type: 'string' }),
    mapped('external.provider', 'volumes[kind=external].provider', 'dvdi or csi.', { type: 'string' }),
    mapped('external.size', 'volumes[kind=external].sizeGiB', 'Size in GiB.', { type: 'number' }),
    mapped('external.shared', 'volumes[kind=external].shared', 'Shared between apps.', { type: 'boolean' }),
    mapped('external.options', 'volumes[kind=external].options', 'Driver options (dvdi/*, CSI capability and secrets), carried as given.', { subtree: true }),
    mapped('secret', 'volumes[kind=secret].secret', 'File-based secret.', { type: 'string' }),
  ]),
  ...under('container.linuxInfo', linuxInfoRows('hints.linuxInfo')),
  ...under('networks[]', [
    mapped('mode', 'network.mode', 'host, container/bridge or container (default when omitted).', { type: 'string', enum: ['host', 'container/bridge', 'container'] }),
    mapped('name', 'network.networks[].name', 'Named network; unnamed container networks get default_network_name.', { type: 'string' }),
    mapped('labels.*', 'network.networks[].labels', 'CNI labels.', { type: 'string' }),
  ]),
  mapped('portDefinitions', 'containers[0].ports', 'An empty list means no ports (no $PORT0).'),
  ...under('portDefinitions[]', [
    mapped('port', 'containers[0].ports[].servicePort', 'Service port, or fixed host port with requirePorts.', { type: 'number' }),
    mapped('protocol', 'containers[0].ports[].protocols', '`udp,tcp` becomes two protocols.', { type: 'string', enum: PORT_PROTOCOLS }),
    mapped('name', 'containers[0].ports[].name', 'Port name.', { type: 'string' }),
    ...portLabelRows('labels', 'containers[0].ports[].labels'),
  ]),
  ...legacy('ports', 'portDefinitions', [
    mapped('ports', 'containers[0].ports', 'An empty list means no ports.'),
    mapped('ports[]', 'containers[0].ports[]', 'Legacy host ports, translated to portDefinitions.', { type: 'number' }),
  ]),
  mapped('requirePorts', 'network.requirePorts', 'Declared ports are fixed host ports (host networking only).', { type: 'boolean', defaults: [false] }),
  mapped('upgradeStrategy.minimumHealthCapacity', 'rollout.minimumHealthCapacity', 'Default 1 (resident: 0.5).', { type: 'number', defaults: [1] }),
  mapped('upgradeStrategy.maximumOverCapacity', 'rollout.maximumOverCapacity', 'Default 1 (resident: 0).', { type: 'number', defaults: [1] }),
  mapped('unreachableStrategy', 'rollout.unreachable', '"disabled" or timers; default {0, 0} (disabled when resident).', { type: 'string', enum: ['disabled'] }),
  mapped('unreachableStrategy.inactiveAfterSeconds', 'rollout.unreachable.inactiveAfterSeconds', 'Replacement after this long unreachable.', { type: 'number' }),
  mapped('unreachableStrategy.expungeAfterSeconds', 'rollout.unreachable.expungeAfterSeconds', 'Expunge after this long unreachable.', { type: 'number' }),
  mapped('killSelection', 'rollout.killSelection', 'Which instances go first on scale-down.', { type: 'string', enum: ['YOUNGEST_FIRST', 'OLDEST_FIRST'], defaults: ['YOUNGEST_FIRST'] }),
  mapped('taskKillGracePeriodSeconds', 'rollout.killGracePeriodSeconds', 'SIGTERM to SIGKILL delay.', { type: 'number' }),
  ...secretRows,
  mapped('tty', 'containers[0].tty', 'Pseudo-TTY.', { type: 'boolean', defaults: [false] }),
  ...legacy('residency', 'persistent volumes', residencyRows('Deprecated, no effect in Marathon; marks a resident app (stateful-service).')),
  ...legacy('ipAddress', 'networks', [
    mapped('ipAddress', 'network.mode', 'IP per task; {} = the default network (§6.4).'),
    mapped('ipAddress.networkName', 'network.networks[].name', 'Named network (the bridge name means container/bridge).', { type: 'string' }),
    mapped('ipAddress.groups[]', 'network.securityGroups', 'Network security groups (ignored by Marathon itself).', { type: 'string' }),
    mapped('ipAddress.labels.*', 'network.networks[].labels', 'Network labels.', { type: 'string' }),
    mapped('ipAddress.discovery.ports[].number', 'containers[0].ports[].containerPort', 'Port on the task IP.', { type: 'number' }),
    mapped('ipAddress.discovery.ports[].name', 'containers[0].ports[].name', 'Port name.', { type: 'string' }),
    mapped('ipAddress.discovery.ports[].protocol', 'containers[0].ports[].protocols', 'Protocol.', { type: 'string', enum: PORT_PROTOCOLS }),
    ...portLabelRows('ipAddress.discovery.ports[].labels', 'containers[0].ports[].labels'),
  ]),
  mapped('version', 'version', 'Version stamp, kept for provenance.', { type: 'string' }),
  runtime('versionInfo', 'Last scaling / config change times.'),
  runtime('tasksStaged', 'Task counts.'),
  runtime('tasksRunning', 'Task counts.'),
  runtime('tasksHealthy', 'Task counts.'),
  runtime('tasksUnhealthy', 'Task counts.'),
  runtime('deployments', 'Running deployments of the app (see marathon/deployment-in-flight).'),
  runtime('tasks', 'Running tasks.'),
  runtime('lastTaskFailure', 'Last task failure.'),
  runtime('readinessCheckResults', 'Readiness results of a running deployment.'),
  runtime('taskStats', 'Task statistics (older spelling).'),
  runtime('tasksStats', 'Task statistics.'),
];

const podHealthRows = (to: string): FieldSpec[] => [
  mapped('http.endpoint', `${to}.action.port.name`, 'Endpoint of this container.', { type: 'string' }),
  mapped('http.path', `${to}.action.path`, 'HTTP path.', { type: 'string' }),
  mapped('http.scheme', `${to}.action.scheme`, 'HTTP or HTTPS.', { type: 'string', enum: ['HTTP', 'HTTPS'] }),
  mapped('tcp.endpoint', `${to}.action.port.name`, 'TCP check on an endpoint.', { type: 'string' }),
  mapped('exec.command.shell', `${to}.action.command.shell`, 'Command check.', { type: 'string' }),
  mapped('exec.command.argv[]', `${to}.action.command.argv`, 'Command check.', { type: 'string' }),
  mapped('gracePeriodSeconds', `${to}.gracePeriodSeconds`, 'Default 300.', { type: 'number' }),
  mapped('intervalSeconds', `${to}.intervalSeconds`, 'Default 60.', { type: 'number' }),
  mapped('timeoutSeconds', `${to}.timeoutSeconds`, 'Default 20.', { type: 'number' }),
  mapped('maxConsecutiveFailures', `${to}.maxConsecutiveFailures`, 'Default 3.', { type: 'number' }),
  mapped('delaySeconds', `${to}.delaySeconds`, 'Default 15.', { type: 'number' }),
];

const podContainerRows: FieldSpec[] = [
  mapped('name', 'containers[].name', 'Container name.', { type: 'string' }),
  mapped('exec.command.shell', 'containers[].command.shell', 'Shell command (overrides the entrypoint).', { type: 'string' }),
  mapped('exec.command.argv[]', 'containers[].command.argv', 'argv (args when the entrypoint is kept).', { type: 'string' }),
  mapped('exec.overrideEntrypoint', 'containers[].command', 'argv replaces (true) or follows (false) the entrypoint.', { type: 'boolean' }),
  mapped('resources.cpus', 'containers[].resources.cpus', 'CPU.', { type: 'number' }),
  mapped('resources.mem', 'containers[].resources.memMiB', 'Memory in MiB.', { type: 'number' }),
  mapped('resources.disk', 'containers[].resources.diskMiB', 'Disk in MiB.', { type: 'number', defaults: [0] }),
  mapped('resources.gpus', 'containers[].resources.gpus', 'GPUs.', { type: 'number', defaults: [0] }),
  mapped('resourceLimits.cpus', 'containers[].resources.limits.cpus', 'CPU limit or "unlimited".', { type: 'number-or-unlimited' }),
  mapped('resourceLimits.mem', 'containers[].resources.limits.memMiB', 'Memory limit or "unlimited".', { type: 'number-or-unlimited' }),
  ...under('endpoints[]', [
    mapped('name', 'containers[].ports[].name', 'Endpoint name (ENDPOINT_<NAME>).', { type: 'string' }),
    mapped('containerPort', 'containers[].ports[].containerPort', 'Port inside the pod network.', { type: 'number' }),
    mapped('hostPort', 'containers[].ports[].hostPort', '0 = dynamic host port.', { type: 'number' }),
    mapped('protocol[]', 'containers[].ports[].protocols', 'tcp / udp; http and https are TCP with an app protocol.', { type: 'string' }),
    mapped('networkNames[]', 'containers[].ports[].networkNames', 'Named networks of the endpoint.', { type: 'string' }),
    ...portLabelRows('labels', 'containers[].ports[].labels'),
  ]),
  mapped('image.kind', 'containers[].image.runtime', 'DOCKER (pods run on UCR).', { type: 'string', enum: ['DOCKER', 'APPC'] }),
  mapped('image.id', 'containers[].image.ref', 'Image reference.', { type: 'string' }),
  mapped('image.forcePull', 'containers[].image.forcePull', 'Pull on every launch.', { type: 'boolean', defaults: [false] }),
  mapped('image.pullConfig.secret', 'containers[].image.pullSecret', 'Registry credentials from a declared secret.', { type: 'string' }),
  noEffect('image.labels.*', 'Image discovery labels, only used by APPC images (removed in 1.9).', { type: 'string' }),
  ...envRows('environment', 'containers[].env'),
  mapped('user', 'containers[].user', 'Overrides the pod user.', { type: 'string' }),
  ...under('healthCheck', podHealthRows('containers[].probes[purpose=health]')),
  ...under('check', podHealthRows('containers[].probes[purpose=check]')),
  mapped('volumeMounts[].name', 'containers[].mounts[].volume', 'Pod volume name.', { type: 'string' }),
  mapped('volumeMounts[].mountPath', 'containers[].mounts[].path', 'Relative paths are inside the sandbox.', { type: 'string' }),
  mapped('volumeMounts[].readOnly', 'containers[].mounts[].readOnly', 'Read-only mount.', { type: 'boolean' }),
  ...artifactRows('artifacts[]', 'containers[].artifacts[]'),
  mapped('labels.*', 'containers[].labels', 'Container (task) labels.', { type: 'string' }),
  mapped('lifecycle.killGracePeriodSeconds', 'containers[].killGracePeriodSeconds', 'SIGTERM to SIGKILL delay.', { type: 'number' }),
  ...under('linuxInfo', linuxInfoRows('hints.linuxInfo.containers')),
  mapped('tty', 'containers[].tty', 'Pseudo-TTY.', { type: 'boolean', defaults: [false] }),
];

const podTable: FieldSpec[] = [
  mapped('id', 'id', 'Absolute id.', { type: 'string' }),
  ...labelRows('labels', 'labels'),
  mapped('version', 'version', 'Version stamp, kept for provenance.', { type: 'string' }),
  mapped('user', 'containers[].user', 'OS user of every container (a container may override).', { type: 'string' }),
  ...envRows('environment', 'containers[].env'),
  ...secretRows,
  ...under('containers[]', podContainerRows),
  ...under('volumes[]', [
    mapped('name', 'volumes[].name', 'Volume name.', { type: 'string' }),
    mapped('host', 'volumes[kind=host].hostPath', 'Absolute: agent path; relative: a sandbox directory.', { type: 'string' }),
    mapped('secret', 'volumes[kind=secret].secret', 'File-based secret.', { type: 'string' }),
    mapped('persistent.type', 'volumes[kind=persistent].type', 'root (default), path or mount.', { type: 'string', enum: ['root', 'path', 'mount'] }),
    mapped('persistent.size', 'volumes[kind=persistent].sizeMiB', 'Size in MiB.', { type: 'number' }),
    mapped('persistent.maxSize', 'volumes[kind=persistent].maxSizeMiB', 'Maximum size.', { type: 'number' }),
    mapped('persistent.profileName', 'volumes[kind=persistent].profileName', 'Storage profile.', { type: 'string' }),
    unsupported('persistent.constraints', 'disk path constraints select Mesos disks and have no model field', { subtree: true }),
  ]),
  ...under('networks[]', [
    mapped('mode', 'network.mode', 'host, container/bridge or container.', { type: 'string', enum: ['host', 'container/bridge', 'container'] }),
    mapped('name', 'network.networks[].name', 'Named network.', { type: 'string' }),
    mapped('labels.*', 'network.networks[].labels', 'CNI labels.', { type: 'string' }),
  ]),
  noEffect('scaling.kind', 'Only "fixed" exists.', { type: 'string' }),
  mapped('scaling.instances', 'replicas', 'Instance count; 0 = suspended.', { type: 'number' }),
  unsupported('scaling.maxInstances', 'autoscaling bounds were removed from Marathon pods in 2017', { type: 'number' }),
  ...under('scheduling', [
    mapped('backoff.backoff', 'rollout.backoff.seconds', backoffNote, { type: 'number', defaults: [1] }),
    mapped('backoff.backoffFactor', 'rollout.backoff.factor', backoffNote, { type: 'number', defaults: [1.15] }),
    mapped('backoff.maxLaunchDelay', 'rollout.backoff.maxLaunchDelaySeconds', backoffNote, { type: 'number', defaults: [300, 3600] }),
    mapped('upgrade.minimumHealthCapacity', 'rollout.minimumHealthCapacity', 'Default 1 (persistent: 0.5).', { type: 'number', defaults: [1] }),
    mapped('upgrade.maximumOverCapacity', 'rollout.maximumOverCapacity', 'Default 1 (persistent: 0).', { type: 'number', defaults: [1] }),
    mapped('placement.constraints[].fieldName', 'placement.constraints[].field', constraintNote, { type: 'string' }),
    mapped('placement.constraints[].operator', 'placement.constraints[].operator', constraintNote, { type: 'string' }),
    mapped('placement.constraints[].value', 'placement.constraints[].value', constraintNote, { type: 'string' }),
    mapped('placement.acceptedResourceRoles[]', 'placement.acceptedResourceRoles', 'Mesos roles of accepted offers.', { type: 'string' }),
    mapped('killSelection', 'rollout.killSelection', 'Which instances go first on scale-down.', { type: 'string', enum: ['YOUNGEST_FIRST', 'OLDEST_FIRST'], defaults: ['YOUNGEST_FIRST'] }),
    mapped('unreachableStrategy', 'rollout.unreachable', '"disabled" or timers.', { type: 'string', enum: ['disabled'] }),
    mapped('unreachableStrategy.inactiveAfterSeconds', 'rollout.unreachable.inactiveAfterSeconds', 'Replacement after this long unreachable.', { type: 'number' }),
    mapped('unreachableStrategy.expungeAfterSeconds', 'rollout.unreachable.expungeAfterSeconds', 'Expunge after this long unreachable.', { type: 'number' }),
    ...legacy('scheduling.residency', 'persistent volumes', residencyRows('Deprecated, no effect; marks a resident pod.')),
  ]),
  ...under('executorResources', [
    unsupported('cpus', 'per-instance executor overhead has no model field', { type: 'number', defaults: [0.1] }),
    unsupported('mem', 'per-instance executor overhead has no model field', { type: 'number', defaults: [32] }),
    unsupported('disk', 'per-instance executor overhead has no model field', { type: 'number', defaults: [10] }),
  ]),
  mapped('role', 'placement.role', 'Mesos role (1.9+).', { type: 'string' }),
  // pod-level seccomp is rejected by Marathon (§7.1): only IPC settings
  ...under('linuxInfo', linuxInfoRows('hints.linuxInfo.pod', false)),
  mapped('legacySharedCgroups', 'hints.legacySharedCgroups', 'Containers share one cgroup (1.10+).', { type: 'boolean' }),
];

const podStatusTable: FieldSpec[] = [
  runtime('id', 'Copy of spec.id.'),
  runtime('status', 'DEGRADED, STABLE or TERMINAL.'),
  runtime('statusSince', 'Status time.'),
  runtime('message', 'Status message.'),
  runtime('instances', 'Running instances.'),
  runtime('terminationHistory', 'Recent terminations.'),
  runtime('lastUpdated', 'Status time.'),
  runtime('lastChanged', 'Status time.'),
];

/** Every Marathon field Baton knows, per definition kind. */
export const MARATHON_FIELD_TABLE: FieldTable = { app: appTable, pod: podTable, podStatus: podStatusTable };
