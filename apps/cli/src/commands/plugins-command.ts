import type { CliIo } from '../cli-io.js';
import { loadDefaultPlugins } from '../default-plugins.js';
import { PLUGINS_HELP } from '../help-text.js';
import { oneOf, parseFlags } from '../parse-flags.js';

export async function pluginsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('plugins', args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(PLUGINS_HELP);
    return 0;
  }
  const format = oneOf('plugins', 'format', values.format, ['table', 'json'] as const, 'table');
  const plugins = (await loadDefaultPlugins()).map((plugin) => ({
    name: plugin.meta.name,
    version: plugin.meta.version,
    namespace: plugin.meta.namespace,
    apiVersion: plugin.apiVersion,
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
  for (const p of plugins) {
    const parts = [
      p.readers.length ? `readers: ${p.readers.join(', ')}` : '',
      p.writers.length ? `writers: ${p.writers.join(', ')}` : '',
      p.checkers.length ? `checkers: ${p.checkers.length}` : '',
      `rules: ${p.rules}`,
    ].filter(Boolean);
    io.stdout(`${p.name}@${p.version}  (namespace ${p.namespace}, api v${p.apiVersion})\n  ${parts.join('; ')}\n`);
  }
  return 0;
}
