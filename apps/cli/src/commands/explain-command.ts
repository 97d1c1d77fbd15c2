import { BatonError, ERROR_CATALOG, isErrorCode, renderTemplate } from '@baton/core';
import type { CliIo } from '../cli-io.js';
import { collectRules } from '../collect-rules.js';
import { loadDefaultPlugins } from '../default-plugins.js';
import { EXPLAIN_HELP } from '../help-text.js';
import { parseFlags } from '../parse-flags.js';

export async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('explain', args, { list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return 0;
  }
  const rules = collectRules(await loadDefaultPlugins());
  if (values.list) {
    io.stdout('Rules\n');
    for (const rule of rules) io.stdout(`  ${rule.id.padEnd(36)} ${rule.defaultSeverity.padEnd(8)} ${rule.impact.padEnd(9)} ${rule.description}\n`);
    io.stdout('\nError codes\n');
    for (const [code, def] of Object.entries(ERROR_CATALOG)) io.stdout(`  ${code}  exit ${def.exitCode}  ${def.title}\n`);
    return 0;
  }
  const topic = positionals[0];
  if (!topic) throw new BatonError('BATON1001', { detail: 'name a rule id or an error code, or pass --list', command: 'explain' });
  const upper = topic.toUpperCase();
  if (isErrorCode(upper)) {
    const def = ERROR_CATALOG[upper];
    const placeholder = (text: string) => renderTemplate(text, {}).replace(/\{\{\s*([\w.-]+)\s*\}\}/g, '<$1>');
    io.stdout(
      `${upper}: ${def.title}\n\nCategory: ${def.category} (exit status ${def.exitCode})\n\n` +
        `What happened\n  ${placeholder(def.what)}\n\nWhy\n  ${placeholder(def.why)}\n\nWhat to do\n  ${placeholder(def.fix)}\n`,
    );
    return 0;
  }
  const rule = rules.find((r) => r.id === topic);
  if (!rule) throw new BatonError('BATON1007', { topic });
  const messages = Object.entries(rule.messages)
    .map(([id, text]) => `  ${id}: ${text}`)
    .join('\n');
  io.stdout(
    `${rule.id}: ${rule.description}\n\nPlugin: ${rule.plugin}\nDefault severity: ${rule.defaultSeverity}\nImpact: ${rule.impact}\n\n` +
      `${rule.docs}\n\nWhat to do\n  ${rule.hint}\n\nMessages\n${messages}\n`,
  );
  return 0;
}
