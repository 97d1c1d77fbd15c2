import type { Probe, ProbeAction, ProbePort } from '@baton/core';
import type { NormalizedCheck, NormalizedHealthCheck, NormalizedPodHealthCheck, NormalizedReadinessCheck } from '../normalize/normalized-types.js';

// Marathon checks to neutral probes (§12). Marathon-level HTTP/HTTPS/TCP checks run remotely
// from the leader; MESOS_* and COMMAND checks run next to the task.

export function healthCheckProbe(check: NormalizedHealthCheck): Probe {
  const port: ProbePort = check.port !== undefined ? { number: check.port } : { index: check.portIndex ?? 0 };
  const action: ProbeAction =
    check.protocol === 'COMMAND'
      ? { type: 'exec', command: { shell: check.command ?? '' } }
      : check.protocol.endsWith('TCP')
        ? { type: 'tcp', port }
        : { type: 'http', scheme: check.protocol.endsWith('HTTPS') ? 'HTTPS' : 'HTTP', path: check.path ?? '/', port };
  // Key by key after the literal (same key order): a spread inside the literal made every probe a slow, generic object creation.
  const probe: { -readonly [K in keyof Probe]: Probe[K] } = {
    purpose: 'health',
    action,
    sourceProtocol: check.protocol,
    local: check.protocol === 'COMMAND' || check.protocol.startsWith('MESOS_'),
    gracePeriodSeconds: check.gracePeriodSeconds,
    intervalSeconds: check.intervalSeconds,
    timeoutSeconds: check.timeoutSeconds,
    delaySeconds: check.delaySeconds,
    maxConsecutiveFailures: check.maxConsecutiveFailures,
  } as Probe;
  // IPv6 matters to the target's pod network (cni/ipv6-unsupported); IPv4 is the default.
  if (check.ipProtocol === 'IPv6') probe.ipProtocol = 'IPv6';
  probe.pointer = check.pointer;
  return probe;
}

/** Readiness checks gate deployments only; run by the Marathon leader, never kill. */
export function readinessProbe(check: NormalizedReadinessCheck): Probe {
  return {
    purpose: 'readiness',
    action: { type: 'http', scheme: check.protocol, path: check.path, port: { name: check.portName } },
    sourceProtocol: check.protocol,
    local: false,
    gracePeriodSeconds: 0,
    intervalSeconds: check.intervalSeconds,
    timeoutSeconds: check.timeoutSeconds,
    delaySeconds: 0,
    maxConsecutiveFailures: 0,
    readyStatusCodes: check.httpStatusCodesForReady,
    pointer: check.pointer,
  };
}

/** Generic checks are observed by Mesos and never acted upon. */
export function checkProbe(check: NormalizedCheck): Probe {
  const port: ProbePort =
    check.endpoint !== undefined ? { name: check.endpoint } : check.port !== undefined ? { number: check.port } : { index: check.portIndex ?? 0 };
  const action: ProbeAction =
    check.kind === 'exec'
      ? { type: 'exec', command: check.command ?? { shell: '' } }
      : check.kind === 'tcp'
        ? { type: 'tcp', port }
        : { type: 'http', scheme: check.scheme, path: check.path ?? '/', port };
  return {
    purpose: 'check',
    action,
    sourceProtocol: `check.${check.kind}`,
    local: true,
    gracePeriodSeconds: 0,
    intervalSeconds: check.intervalSeconds,
    timeoutSeconds: check.timeoutSeconds,
    delaySeconds: check.delaySeconds,
    maxConsecutiveFailures: 0,
    pointer: check.pointer,
  };
}

/** Pod health checks are always executed by the executor inside the pod (§12.4). */
export function podHealthProbe(check: NormalizedPodHealthCheck): Probe {
  const port: ProbePort = { name: check.endpoint ?? '' };
  const action: ProbeAction =
    check.kind === 'exec'
      ? { type: 'exec', command: check.command ?? { shell: '' } }
      : check.kind === 'tcp'
        ? { type: 'tcp', port }
        : { type: 'http', scheme: check.scheme, path: check.path ?? '/', port };
  return {
    purpose: 'health',
    action,
    sourceProtocol: `MESOS_${check.kind === 'exec' ? 'COMMAND' : check.kind === 'tcp' ? 'TCP' : check.scheme}`,
    local: true,
    gracePeriodSeconds: check.gracePeriodSeconds,
    intervalSeconds: check.intervalSeconds,
    timeoutSeconds: check.timeoutSeconds,
    delaySeconds: check.delaySeconds,
    maxConsecutiveFailures: check.maxConsecutiveFailures,
    pointer: check.pointer,
  };
}
