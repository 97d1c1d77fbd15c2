import type { Exposure, JsonPointer, Port } from '@baton/core';
import { at } from '../normalize/normalize-shared.js';

// Load-balancer intents people wrote as labels (§11): marathon-lb `HAPROXY_*` app labels,
// DC/OS `VIP_n` port labels and Admin Router `DCOS_SERVICE_*` app labels.

const PORT_LABEL = /^HAPROXY_(\d+)_(.+)$/;
/** Port-level labels that become fields of the exposure; the rest are kept as options. */
const MODELLED = new Set(['VHOST', 'PATH', 'GROUP', 'SSL_CERT', 'REDIRECT_TO_HTTPS', 'ENABLED']);

export function exposureFromLabels(labels: Readonly<Record<string, string>>, labelsPointer: JsonPointer, ports: readonly Port[]): Exposure[] {
  return [...marathonLb(labels, labelsPointer, ports), ...vips(ports), ...adminRouter(labels, labelsPointer)];
}

function marathonLb(labels: Readonly<Record<string, string>>, labelsPointer: JsonPointer, ports: readonly Port[]): Exposure[] {
  // most apps have no marathon-lb label at all (HAPROXY_GROUP included)
  if (!Object.keys(labels).some((key) => key.startsWith('HAPROXY_'))) return [];
  const perPort = new Map<number, Map<string, string>>();
  const appLevel: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    const match = PORT_LABEL.exec(key);
    if (match) {
      const index = Number(match[1]);
      const settings = perPort.get(index) ?? new Map<string, string>();
      settings.set(match[2]!, value);
      perPort.set(index, settings);
    } else if (key.startsWith('HAPROXY_') && key !== 'HAPROXY_GROUP') appLevel[key.slice('HAPROXY_'.length)] = value;
  }
  const appGroup = labels.HAPROXY_GROUP;
  // with a group, marathon-lb serves every service port of the app; otherwise only labelled ports
  const indexes = new Set(perPort.keys());
  if (appGroup !== undefined) for (const port of ports) indexes.add(port.index);

  const exposures: Exposure[] = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const settings = perPort.get(index) ?? new Map<string, string>();
    if (settings.get('ENABLED')?.toLowerCase() === 'false') continue;
    const hosts = split(settings.get('VHOST'), ',');
    const paths = split(settings.get('PATH'), ' ').filter((path) => !path.startsWith('-'));
    const http = hosts.length > 0 || settings.get('MODE')?.toLowerCase() === 'http';
    const group = settings.get('GROUP') ?? appGroup;
    const options: Record<string, string> = { ...appLevel };
    for (const [key, value] of settings) if (!MODELLED.has(key)) options[key] = value;
    const first = settings.has('VHOST') ? 'VHOST' : settings.keys().next().value;
    exposures.push({
      kind: http ? 'vhost' : 'tcp-lb',
      portIndex: index,
      ...(hosts.length > 0 ? { hosts } : {}),
      ...(paths.length > 0 ? { paths } : {}),
      ...(group !== undefined ? { group } : {}),
      ...(settings.has('SSL_CERT') ? { tls: true } : {}),
      ...(settings.get('REDIRECT_TO_HTTPS')?.toLowerCase() === 'true' ? { redirectToHttps: true } : {}),
      options,
      pointer: first === undefined ? at(labelsPointer, 'HAPROXY_GROUP') : at(labelsPointer, `HAPROXY_${index}_${first}`),
    });
  }
  return exposures;
}

const VIP_LABEL = /^VIP_\d+$/;

function vips(ports: readonly Port[]): Exposure[] {
  const exposures: Exposure[] = [];
  for (const port of ports) {
    for (const key of Object.keys(port.labels)) {
      if (VIP_LABEL.test(key)) exposures.push({ kind: 'vip', portIndex: port.index, vip: port.labels[key]!, options: {}, pointer: at(port.pointer, 'labels', key) });
    }
  }
  return exposures;
}

function adminRouter(labels: Readonly<Record<string, string>>, labelsPointer: JsonPointer): Exposure[] {
  const name = labels.DCOS_SERVICE_NAME;
  if (name === undefined) return [];
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (key.startsWith('DCOS_SERVICE_') && key !== 'DCOS_SERVICE_NAME') options[key.slice('DCOS_SERVICE_'.length)] = value;
  const index = Number(labels.DCOS_SERVICE_PORT_INDEX ?? 0);
  return [
    {
      kind: 'admin-router',
      portIndex: Number.isInteger(index) ? index : 0,
      paths: [`/service/${name.replace(/^\/+/, '')}`],
      options,
      pointer: at(labelsPointer, 'DCOS_SERVICE_NAME'),
    },
  ];
}

function split(value: string | undefined, separator: string): string[] {
  return (value ?? '')
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
