import { escapePointerToken, type Container, type EnvVar, type JobPolicy, type LedgerClaim, type Mount, type PluginContext, type Volume, type Workload } from '@baton/core';

/** A job as `GET /v1/jobs?embed=activeRuns&embed=schedules` returns it. */
export interface MetronomeJob {
  readonly id: string;
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly run: Readonly<Record<string, any>>;
  readonly schedules?: readonly Readonly<Record<string, any>>[];
  readonly [key: string]: unknown;
}

/** Metronome's defaults (dcos/metronome JobRunSpec and ScheduleSpec). */
export const METRONOME_DEFAULTS = { cpus: 1, mem: 128, disk: 0, maxLaunchDelay: 3600, timezone: 'UTC', startingDeadlineSeconds: 900 } as const;

const SANDBOX = '/mnt/mesos/sandbox';
const JOB_KEYS = ['id', 'description', 'labels', 'run', 'schedules', 'activeRuns', 'history', 'historySummary'];
const RUN_KEYS = [
  'args', 'artifacts', 'cmd', 'cpus', 'gpus', 'disk', 'mem', 'networks', 'ucr', 'docker', 'env', 'maxLaunchDelay', 'placement',
  'user', 'taskKillGracePeriodSeconds', 'restart', 'volumes', 'secrets',
];
const CONCURRENCY: Record<string, 'allow' | 'forbid' | 'replace'> = { ALLOW: 'allow', FORBID: 'forbid', REPLACE: 'replace' };
const OPERATOR: Record<string, string> = { EQ: 'IS', IS: 'IS', LIKE: 'LIKE', UNLIKE: 'UNLIKE' };

/** `prod.billing.invoice-run` → `/prod/billing/invoice-run`: dots are Metronome's folders. */
export function workloadIdOf(jobId: string): string {
  return `/${jobId.split('.').filter(Boolean).join('/')}`;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One Metronome job as a `job` workload of Baton's model, with every field of the definition
 * claimed in the coverage ledger (mapped, default, runtime, approximated or unsupported with a finding).
 */
export function jobToWorkload(job: MetronomeJob, origin: string, index: number, ctx: PluginContext<any>): Workload {
  const id = workloadIdOf(job.id);
  const run = job.run;
  const claim = (pointer: string, disposition: LedgerClaim['disposition'], to?: string, subtree = false) =>
    ctx.ledger.claim(id, pointer, { disposition, ...(to ? { to } : {}), ...(subtree ? { subtree } : {}) });
  const notMapped = (messageId: string, pointer: string, data: Record<string, unknown> = {}) =>
    ctx.report({ rule: 'metronome/field-not-mapped', messageId, workload: id, pointer, data: { id: job.id, ...data }, disposition: 'approximated', subtree: true });

  for (const key of Object.keys(job)) if (!JOB_KEYS.includes(key)) unknown(`/${escapePointerToken(key)}`);
  for (const key of Object.keys(run)) if (!RUN_KEYS.includes(key)) unknown(`/run/${escapePointerToken(key)}`);
  function unknown(pointer: string) {
    ctx.report({ rule: 'metronome/unknown-field', messageId: 'unknown', workload: id, pointer, data: { id: job.id, pointer }, disposition: 'unsupported', subtree: true });
  }

  claim('/id', 'mapped', 'id');
  if (job.description !== undefined) {
    ctx.report({ rule: 'metronome/description-not-kept', messageId: 'description', workload: id, pointer: '/description', data: { id: job.id, description: job.description }, disposition: 'unsupported' });
  }
  claim('/labels', 'mapped', 'labels', true);
  claim('/activeRuns', 'runtime', undefined, true);
  claim('/history', 'runtime', undefined, true);
  claim('/historySummary', 'runtime', undefined, true);

  // Image: Docker or UCR (Docker images; appc is not runnable on Kubernetes).
  let image: Container['image'];
  if (run.docker?.image) {
    image = { ref: run.docker.image, forcePull: run.docker.forcePullImage === true, runtime: 'docker', pointer: '/run/docker/image' };
    claim('/run/docker/image', 'mapped', 'containers[0].image');
    claim('/run/docker/forcePullImage', 'mapped', 'containers[0].image.forcePull');
  } else if (run.ucr?.image?.id) {
    image = { ref: run.ucr.image.id, forcePull: run.ucr.image.forcePull === true, runtime: 'ucr', pointer: '/run/ucr/image/id' };
    claim('/run/ucr/image', 'mapped', 'containers[0].image', true);
    if (run.ucr.image.kind === 'appc') notMapped('appcImage', '/run/ucr/image/kind');
  }
  claim('/run/docker/privileged', 'mapped', 'containers[0].privileged');
  claim('/run/ucr/privileged', 'mapped', 'containers[0].privileged');
  const runtimeParameters = ((run.docker?.parameters ?? []) as { key: string; value: string }[]).map((parameter, position) => ({
    key: parameter.key,
    value: parameter.value,
    pointer: `/run/docker/parameters/${position}`,
  }));
  claim('/run/docker/parameters', 'mapped', 'containers[0].runtimeParameters', true);

  // Command: cmd runs through the shell; args alone are appended to the image entrypoint.
  let command: Container['command'];
  let args: string[] | undefined;
  if (typeof run.cmd === 'string') {
    command = { shell: run.cmd };
    claim('/run/cmd', 'mapped', 'containers[0].command');
    if (Array.isArray(run.args) && run.args.length > 0) notMapped('argsWithCmd', '/run/args');
    else claim('/run/args', 'default');
  } else if (Array.isArray(run.args)) {
    args = run.args;
    claim('/run/args', 'mapped', 'containers[0].args', true);
  }

  // Secrets, env, volumes.
  const secrets = Object.entries((run.secrets ?? {}) as Record<string, { source?: string }>).map(([name, secret]) => ({
    name,
    source: secret.source ?? name,
    pointer: `/run/secrets/${escapePointerToken(name)}`,
  }));
  claim('/run/secrets', 'mapped', 'secrets', true);
  const env: EnvVar[] = Object.entries((run.env ?? {}) as Record<string, string | { secret: string }>).map(([name, value]) => {
    const pointer = `/run/env/${escapePointerToken(name)}`;
    return typeof value === 'string' ? { name, value, pointer } : { name, secret: value.secret, pointer };
  });
  claim('/run/env', 'mapped', 'containers[0].env', true);
  const volumes: Volume[] = [];
  const mounts: Mount[] = [];
  ((run.volumes ?? []) as Record<string, string>[]).forEach((volume, position) => {
    const pointer = `/run/volumes/${position}`;
    const name = `volume-${position}`;
    const path = volume.containerPath!.startsWith('/') ? volume.containerPath! : `${SANDBOX}/${volume.containerPath}`;
    if (volume.secret !== undefined) volumes.push({ kind: 'secret', name, secret: volume.secret, pointer });
    else volumes.push({ kind: 'host', name, hostPath: volume.hostPath ?? '', pointer });
    mounts.push({ volume: name, path, readOnly: volume.secret !== undefined || volume.mode === 'RO', pointer });
  });
  claim('/run/volumes', 'mapped', 'volumes, containers[0].mounts', true);

  const artifacts = ((run.artifacts ?? []) as Record<string, any>[]).map((artifact, position) => ({
    uri: String(artifact.uri),
    extract: artifact.extract !== false,
    executable: artifact.executable === true,
    cache: artifact.cache === true,
    pointer: `/run/artifacts/${position}`,
  }));
  claim('/run/artifacts', 'mapped', 'containers[0].artifacts', true);

  claim('/run/cpus', 'mapped', 'containers[0].resources.cpus');
  claim('/run/mem', 'mapped', 'containers[0].resources.memMiB');
  claim('/run/disk', 'mapped', 'containers[0].resources.diskMiB');
  claim('/run/gpus', 'mapped', 'containers[0].resources.gpus');
  claim('/run/user', 'mapped', 'containers[0].user');
  claim('/run/taskKillGracePeriodSeconds', 'mapped', 'containers[0].killGracePeriodSeconds');

  const container: Mutable<Container> = {
    name: 'job',
    pointer: '/run',
    ...(image ? { image } : {}),
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
    resources: { cpus: num(run.cpus, METRONOME_DEFAULTS.cpus), memMiB: num(run.mem, METRONOME_DEFAULTS.mem), diskMiB: num(run.disk, METRONOME_DEFAULTS.disk), gpus: num(run.gpus, 0) },
    env,
    mounts,
    probes: [],
    ports: [],
    artifacts,
    runtimeParameters,
    labels: {},
  };
  if (typeof run.user === 'string') container.user = run.user;
  if (run.docker?.privileged === true || run.ucr?.privileged === true) container.privileged = true;
  if (typeof run.taskKillGracePeriodSeconds === 'number') container.killGracePeriodSeconds = run.taskKillGracePeriodSeconds;

  // Network: host by default.
  const networks = (run.networks ?? []) as { mode: string; name?: string; labels?: Record<string, string> }[];
  const mode = networks[0]?.mode === 'container/bridge' ? 'bridge' : networks[0]?.mode === 'container' ? 'container' : 'host';
  claim('/run/networks', 'mapped', 'network', true);

  const constraints = ((run.placement?.constraints ?? []) as { attribute: string; operator: string; value?: string }[]).map((constraint, position) => ({
    field: constraint.attribute,
    operator: OPERATOR[constraint.operator] ?? constraint.operator,
    ...(constraint.value !== undefined ? { value: constraint.value } : {}),
    pointer: `/run/placement/constraints/${position}`,
  }));
  claim('/run/placement', 'mapped', 'placement.constraints', true);

  if (num(run.maxLaunchDelay, METRONOME_DEFAULTS.maxLaunchDelay) !== METRONOME_DEFAULTS.maxLaunchDelay) notMapped('maxLaunchDelay', '/run/maxLaunchDelay', { seconds: run.maxLaunchDelay });
  else claim('/run/maxLaunchDelay', 'default');

  // Retries and deadline: NEVER is exactly backoffLimit 0; ON_FAILURE keeps Kubernetes' bounded retries.
  const policy: Mutable<JobPolicy> = { pointer: '/run/restart' };
  const restart = run.restart ?? {};
  if ((restart.policy ?? 'NEVER') === 'NEVER') {
    policy.retries = 0;
    claim('/run/restart/policy', 'mapped', 'job.retries');
  } else notMapped('onFailure', '/run/restart/policy');
  if (typeof restart.activeDeadlineSeconds === 'number') {
    policy.activeDeadlineSeconds = restart.activeDeadlineSeconds;
    claim('/run/restart/activeDeadlineSeconds', 'mapped', 'job.activeDeadlineSeconds');
  }

  // Schedules: the first becomes the workload's; Metronome's defaults are written out, because
  // Kubernetes' differ (the controller's time zone, no starting deadline).
  const schedules = job.schedules ?? [];
  claim('/schedules', 'mapped', 'job.schedule', true);
  const first = schedules[0];
  if (first) {
    policy.schedule = {
      ...(typeof first.id === 'string' ? { id: first.id } : {}),
      cron: String(first.cron),
      timeZone: typeof first.timezone === 'string' ? first.timezone : METRONOME_DEFAULTS.timezone,
      startingDeadlineSeconds: num(first.startingDeadlineSeconds, METRONOME_DEFAULTS.startingDeadlineSeconds),
      concurrency: CONCURRENCY[String(first.concurrencyPolicy ?? 'ALLOW')] ?? 'allow',
      enabled: first.enabled !== false,
      pointer: '/schedules/0',
    };
    claim('/schedules/0/nextRunAt', 'runtime');
    for (let position = 1; position < schedules.length; position++) {
      notMapped('extraSchedule', `/schedules/${position}`, { schedule: String(schedules[position]!.id ?? position), first: String(first.id ?? 0) });
    }
  }

  return {
    id,
    sourceKind: 'job',
    kind: 'job',
    origin,
    originPointer: `/${index}`,
    replicas: 1,
    containers: [container],
    volumes,
    network: {
      mode,
      networks: mode === 'container' ? networks.map((network, position) => ({ ...(network.name ? { name: network.name } : {}), labels: network.labels ?? {}, pointer: `/run/networks/${position}` })) : [],
      requirePorts: false,
    },
    placement: { constraints },
    rollout: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
    dependencies: [],
    labels: { ...(job.labels ?? {}) },
    exposure: [],
    secrets,
    hints: {},
    job: policy,
  };
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
