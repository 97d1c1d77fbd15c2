// Renders rule pages for docs/rules/ from rule meta. Pure: the generator writes the files, and
// each checker package's rule-docs test compares the committed files with this output.

const GENERATED_NOTE = (namespace) =>
  `<!-- Generated from the rule's meta by tooling/docs/generate-rule-docs.mjs. Edit the rule in packages/${namespace}/src/rules/ and run \`pnpm --filter @baton/${namespace} docs:rules\`. -->`;

/** Escapes a value for a Markdown table cell. */
function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * @param {{ id: string, description: string, defaultSeverity: string, impact: string, messages: Record<string, string>, hint: string, docs: string, docsUrl?: string }} meta
 * @param {{ plugin: string }} context
 */
export function renderRuleDoc(meta, { plugin }) {
  const namespace = meta.id.split('/')[0];
  const lines = [
    GENERATED_NOTE(namespace),
    '',
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    '| Plugin | Default severity | Impact |',
    '|---|---|---|',
    `| \`${plugin}\` | ${meta.defaultSeverity} | ${meta.impact} |`,
    '',
    '## Messages',
    '',
    '| Message id | Text |',
    '|---|---|',
    ...Object.entries(meta.messages).map(([id, text]) => `| \`${id}\` | ${cell(text)} |`),
    '',
    '## Hint',
    '',
    meta.hint,
    '',
    meta.docs.trim(),
    '',
  ];
  if (meta.docsUrl) lines.splice(lines.length - 1, 0, '', `More: ${meta.docsUrl}`);
  return lines.join('\n');
}

/** File name of a rule's page inside docs/rules/<namespace>/. */
export function ruleDocFileName(ruleId) {
  return `${ruleId.split('/')[1]}.md`;
}

/**
 * The namespace index, docs/rules/<namespace>/README.md.
 * @param {string} namespace
 * @param {{ id: string, description: string, defaultSeverity: string, impact: string }[]} metas
 * @param {{ plugin: string }} context
 */
export function renderRuleIndex(namespace, metas, { plugin }) {
  const sorted = [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [
    GENERATED_NOTE(namespace),
    '',
    `# \`${namespace}\` rules (${plugin})`,
    '',
    '| Rule | Severity | Impact | Description |',
    '|---|---|---|---|',
    ...sorted.map((meta) => `| [${meta.id}](./${ruleDocFileName(meta.id)}) | ${meta.defaultSeverity} | ${meta.impact} | ${cell(meta.description)} |`),
    '',
  ].join('\n');
}

/**
 * Every file of docs/rules/<namespace>/ as { fileName: content }.
 * @param {string} namespace
 * @param {Record<string, { meta: any }>} rules
 * @param {{ plugin: string }} context
 */
export function renderNamespaceDocs(namespace, rules, context) {
  const metas = Object.values(rules).map((rule) => rule.meta);
  const files = { 'README.md': renderRuleIndex(namespace, metas, context) };
  for (const meta of metas) files[ruleDocFileName(meta.id)] = renderRuleDoc(meta, context);
  return files;
}
