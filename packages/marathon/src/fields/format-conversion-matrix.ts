import type { FieldSpec, FieldTable } from './field-spec.js';
import { MARATHON_FIELD_TABLE } from './field-table.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

function rows(specs: readonly FieldSpec[], prefix = ''): string[] {
  return specs.map((spec) => {
    const defaults = spec.defaults ? spec.defaults.map((value) => `\`${JSON.stringify(value)}\``).join(', ') : '';
    const legacy = spec.legacy ? ` Deprecated: read as \`${spec.legacy.replacement}\`.` : '';
    const finding = spec.finding ? ` (${spec.finding.rule})` : '';
    return `| \`${cell(prefix + spec.path)}\` | ${spec.disposition}${finding} | ${spec.to ? `\`${cell(spec.to)}\`` : ''} | ${defaults} | ${cell(spec.note + legacy)} |`;
  });
}

/** The conversion matrix (markdown) generated from the field table that drives the coverage ledger. */
export function formatConversionMatrix(table: FieldTable = MARATHON_FIELD_TABLE): string {
  const header = ['| Marathon field | Disposition | Model field | Marathon default | Note |', '|---|---|---|---|---|'];
  return [
    '## Apps',
    '',
    ...header,
    ...rows(table.app),
    '',
    '## Pods',
    '',
    ...header,
    ...rows(table.pod),
    '',
    '## Pods in `/v2/groups` (PodStatus)',
    '',
    ...header,
    ...rows(table.podStatus),
    '| `spec.*` | as for pods |  |  | The pod definition. |',
    '',
  ].join('\n');
}
