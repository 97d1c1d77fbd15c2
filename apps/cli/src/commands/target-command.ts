import { BatonError } from '@baton/core';
import type { CliIo } from '../cli-io.js';
import { TARGET_HELP } from '../help-text.js';
import { oneOf, parseFlags } from '../parse-flags.js';
import { builtInProfile, builtInProfileIds } from '../resolve-target.js';

export async function targetCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    'target',
    args,
    {
      format: { type: 'string' },
      context: { type: 'string' },
      kubeconfig: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  const [action, name] = positionals;
  if (values.help || action === undefined) {
    io.stdout(TARGET_HELP);
    return action === undefined && !values.help ? 2 : 0;
  }
  switch (action) {
    case 'list': {
      const format = oneOf('target', 'format', values.format, ['table', 'json'] as const, 'table');
      const profiles = await Promise.all((await builtInProfileIds()).map(builtInProfile));
      const rows = profiles.map((p) => ({
        id: p.id,
        title: p.title,
        kubernetes: p.kubernetesVersion,
        cni: p.cni.plugin + (p.cni.policyEngine && p.cni.policyEngine !== p.cni.plugin ? ` + ${p.cni.policyEngine}` : ''),
        defaultStorageClass: p.storage.defaultClass ?? '(none)',
        admission: p.admission.openshiftScc ? `SCC ${p.admission.openshiftScc}` : p.admission.autopilot ? 'Autopilot' : `PSA ${p.admission.podSecurity}`,
      }));
      if (format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        const header = ['ID', 'CNI', 'DEFAULT STORAGECLASS', 'ADMISSION', 'TITLE'];
        const cells = rows.map((r) => [r.id, r.cni, r.defaultStorageClass, r.admission, r.title]);
        const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
        for (const line of [header, ...cells]) io.stdout(`${line.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
      }
      return 0;
    }
    case 'show': {
      if (!name) throw new BatonError('BATON1001', { detail: 'name a profile: migrate target show <profile>', command: 'target' });
      io.stdout(`${JSON.stringify(await builtInProfile(name), null, 2)}\n`);
      return 0;
    }
    case 'capture':
      return (await import('./target-capture-command.js')).targetCaptureCommand(values, io);
    default:
      throw new BatonError('BATON1001', { detail: `unknown action "${action}" (list, show or capture)`, command: 'target' });
  }
}
