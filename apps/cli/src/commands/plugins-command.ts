import type { CliIo } from '../cli-io.js';
import { resolveRunSetup } from '../config/resolve-run-setup.js';
import { PLUGINS_HELP } from '../help-text.js';
import { oneOf, parseFlags } from '../parse-flags.js';

export async function pluginsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('plugins', args, {
    format: { type: 'string' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    plugin: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(PLUGINS_HELP);
    return 0;
  }
  const format = oneOf('plugins', 'format', values.format, ['table', 'json'] as const, 'table');
  // The same loading as `migrate plan`: built-ins, then what the config and --plugin name.
  const setup = await resolveRunSetup({
    cwd: io.cwd,
    ...(values.config !== undefined ? { explicit: values.config } : {}),
    disabled: values['no-config'] ?? false,
    cliPlugins: values.plugin ?? [],
  });
  const sources = new Map<unknown, string>(setup.extras.map((extra) => [extra.plugin, extra.file ? `${extra.via} (${extra.file})` : extra.via]));
  const plugins = [...setup.builtIns, ...setup.extras.map((extra) => extra.plugin)].map((plugin) => ({
    name: plugin.meta.name,
    version: plugin.meta.version,
    namespace: plugin.meta.namespace,
    apiVersion: plugin.apiVersion,
    ...(plugin.compatibility?.core ? { core: plugin.compatibility.core } : {}),
    source: sources.get(plugin) ?? 'built-in',
    readers: Object.keys(plugin.readers ?? {}),
    transforms: Object.keys(plugin.transforms ?? {}),
    checkers: Object.values(plugin.checkers ?? {}).map((c) => c.meta.id),
    writers: Object.values(plugin.writers ?? {}).map((w) => w.target),
    rules: Object.keys(plugin.rules ?? {}).length + Object.keys(plugin.checkers ?? {}).length,
  }));
  if (format === 'json') {
    io.stdout(`${JSON.stringify(plugins, null, 2)}\n`);
    return 0;
  }
  if (setup.config) io.stdout(`config: ${setup.config.file}\n`);
  for (const p of plugins) {
    const parts = [
      p.readers.length ? `readers: ${p.readers.join(', ')}` : '',
      p.transforms.length ? `transforms: ${p.transforms.join(', ')}` : '',
      p.writers.length ? `writers: ${p.writers.join(', ')}` : '',
      p.checkers.length ? `checkers: ${p.checkers.length}` : '',
      `rules: ${p.rules}`,
    ].filter(Boolean);
    io.stdout(`${p.name}@${p.version}  (namespace ${p.namespace}, api v${p.apiVersion}${p.core ? `, core ${p.core}` : ''}, ${p.source})\n  ${parts.join('; ')}\n`);
  }
  return 0;
}
