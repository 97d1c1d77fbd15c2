import type { Container, Probe, ProbePort } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sProbe, K8sProbeAction } from './k8s-types.js';
import type { PlannedPort, PortPlan } from './map-ports.js';

export interface ProbeSet {
  livenessProbe?: K8sProbe;
  readinessProbe?: K8sProbe;
  startupProbe?: K8sProbe;
}

/**
 * Probe rules:
 * - the first health check is the liveness probe (`failureThreshold` = maxConsecutiveFailures, at
 *   least 1); a Marathon-level check with maxConsecutiveFailures 0 never killed, so it is a
 *   readiness probe only;
 * - a grace period becomes a startup probe with the same action, the same period and
 *   `failureThreshold = ceil(grace / interval)`; the check's delay moves to it;
 * - the readiness check becomes the readiness probe; without one, the first health check also
 *   serves as readiness probe with `failureThreshold: 1` (marathon-lb stopped routing to a task
 *   at its first failed check);
 * - further health or readiness checks and `check`s are reported, not written.
 */
export function mapProbes(ctx: MapContext, container: Container, ports: PortPlan, init: boolean): ProbeSet {
  const result: ProbeSet = {};
  if (init) {
    for (const probe of container.probes) {
      ctx.report('kubernetes/extra-health-check', 'initContainer', { pointer: probe.pointer, data: { container: container.name, purpose: probe.purpose }, disposition: 'unsupported', subtree: true });
    }
    return result;
  }
  const health = container.probes.filter((probe) => probe.purpose === 'health');
  const readiness = container.probes.filter((probe) => probe.purpose === 'readiness');
  for (const probe of container.probes.filter((candidate) => candidate.purpose === 'check')) {
    ctx.report('kubernetes/check-not-mapped', 'check', { pointer: probe.pointer, data: { container: container.name }, disposition: 'unsupported', subtree: true });
  }
  for (const probe of health.slice(1)) {
    ctx.report('kubernetes/extra-health-check', 'health', { pointer: probe.pointer, data: { container: container.name }, disposition: 'unsupported', subtree: true });
  }
  for (const probe of readiness.slice(1)) {
    ctx.report('kubernetes/extra-health-check', 'readiness', { pointer: probe.pointer, data: { container: container.name }, disposition: 'unsupported', subtree: true });
  }

  for (const probe of [health[0], readiness[0]]) {
    if (probe?.ipProtocol === 'IPv6') ctx.report('kubernetes/probe-ip-family', 'ipv6', { pointer: probe.pointer, data: { purpose: probe.purpose, container: container.name } });
  }
  const healthCheck = health[0];
  const healthAction = healthCheck ? probeAction(ctx, container, ports, healthCheck) : undefined;
  let healthAsReadiness: K8sProbe | undefined;
  if (healthCheck && healthAction) {
    const timing = timingOf(healthCheck);
    if (healthCheck.maxConsecutiveFailures === 0 && !healthCheck.local) {
      healthAsReadiness = probeOf(healthAction, timing.delay, timing, 1);
      ctx.report('kubernetes/health-check-never-kills', 'readinessOnly', { pointer: healthCheck.pointer, data: { container: container.name } });
    } else {
      const startup = healthCheck.gracePeriodSeconds > 0;
      if (startup) {
        result.startupProbe = probeOf(healthAction, timing.delay, timing, Math.max(1, Math.ceil(healthCheck.gracePeriodSeconds / timing.period)));
      }
      // the startup probe takes the delay
      const delay = startup ? 0 : timing.delay;
      result.livenessProbe = probeOf(healthAction, delay, timing, Math.max(1, healthCheck.maxConsecutiveFailures));
      healthAsReadiness = probeOf(healthAction, delay, timing, 1);
    }
  }

  const readinessCheck = readiness[0];
  const readinessAction = readinessCheck ? probeAction(ctx, container, ports, readinessCheck) : undefined;
  if (readinessCheck && readinessAction) {
    const timing = timingOf(readinessCheck);
    result.readinessProbe = probeOf(readinessAction, timing.delay, timing);
    const outside = (readinessCheck.readyStatusCodes ?? []).filter((code) => code < 200 || code > 399);
    if (outside.length > 0) {
      ctx.report('kubernetes/ready-status-codes', 'outside', {
        pointer: readinessCheck.pointer,
        data: { container: container.name, codes: (readinessCheck.readyStatusCodes ?? []).join(', ') },
        disposition: 'approximated',
      });
    }
  } else if (healthAsReadiness) {
    result.readinessProbe = healthAsReadiness;
  }
  // Keep the conventional order: liveness, readiness, startup.
  const ordered: ProbeSet = {};
  if (result.livenessProbe) ordered.livenessProbe = result.livenessProbe;
  if (result.readinessProbe) ordered.readinessProbe = result.readinessProbe;
  if (result.startupProbe) ordered.startupProbe = result.startupProbe;
  return ordered;
}

function timingOf(probe: Probe): { period: number; timeout: number; delay: number } {
  return {
    period: Math.max(1, Math.round(probe.intervalSeconds)),
    timeout: Math.max(1, Math.round(probe.timeoutSeconds)),
    // Marathon-level (remote) checks never implemented delaySeconds.
    delay: probe.local ? Math.max(0, Math.round(probe.delaySeconds)) : 0,
  };
}

/** The action, `initialDelaySeconds` when there is a delay, then the timing; key by key (spreads of small objects were most of this file's time). */
function probeOf(action: K8sProbeAction, delay: number, timing: { period: number; timeout: number }, failureThreshold?: number): K8sProbe {
  // one literal per action kind: a spread of the three shapes went through V8's slow generic copy
  const probe: K8sProbe = 'httpGet' in action ? { httpGet: action.httpGet } : 'tcpSocket' in action ? { tcpSocket: action.tcpSocket } : { exec: action.exec };
  if (delay > 0) probe.initialDelaySeconds = delay;
  probe.periodSeconds = timing.period;
  probe.timeoutSeconds = timing.timeout;
  if (failureThreshold !== undefined) probe.failureThreshold = failureThreshold;
  return probe;
}

function probeAction(ctx: MapContext, container: Container, ports: PortPlan, probe: Probe): K8sProbeAction | undefined {
  const { action } = probe;
  if (action.type === 'exec') {
    return { exec: { command: 'shell' in action.command ? ['/bin/sh', '-c', action.command.shell] : [...action.command.argv] } };
  }
  const port = resolveProbePort(ctx, container, ports, probe, action.port);
  if (port === undefined) return undefined;
  if (action.type === 'http') return { httpGet: { path: action.path || '/', port, scheme: action.scheme } };
  return { tcpSocket: { port } };
}

/** A named container port when the port is this container's, else its number; undefined when unknown. */
function resolveProbePort(ctx: MapContext, container: Container, ports: PortPlan, probe: Probe, reference: ProbePort): string | number | undefined {
  const own = ports.byContainer.get(container.name) ?? [];
  let planned: PlannedPort | undefined;
  if ('index' in reference) planned = own.find((port) => port.index === reference.index);
  else if ('name' in reference) planned = own.find((port) => port.sourceName === reference.name) ?? ports.all.find((port) => port.sourceName === reference.name);
  else {
    planned = ports.all.find((port) => port.containerPort === reference.number);
    if (!planned && (reference.number < 1 || reference.number > 65535)) {
      // Not a port at all; reported as unresolved below.
    } else if (!planned) {
      planned = ports.all.find((port) => port.fixedHostPort === reference.number || port.servicePort === reference.number);
      if (!planned) return reference.number;
      ctx.report('kubernetes/probe-host-port', 'translated', {
        pointer: probe.pointer,
        data: { purpose: probe.purpose, container: container.name, number: reference.number, portName: planned.ports[0]!.name },
      });
    }
  }
  if (!planned) {
    const described = 'index' in reference ? `index ${reference.index}` : 'name' in reference ? `\`${reference.name}\`` : String(reference.number);
    ctx.report('kubernetes/probe-port-unresolved', 'unresolved', {
      pointer: probe.pointer,
      data: { purpose: probe.purpose, container: container.name, port: described },
      disposition: 'unsupported',
      subtree: true,
    });
    return undefined;
  }
  // Named ports resolve against the probed container's own ports only.
  if (planned.container !== container.name) return planned.containerPort;
  return (planned.ports.find((port) => port.protocol === 'TCP') ?? planned.ports[0])!.name;
}
