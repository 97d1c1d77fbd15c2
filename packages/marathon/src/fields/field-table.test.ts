import { describe, expect, it } from 'vitest';
import { MARATHON_RULES } from '../marathon-rules.js';
import { MARATHON_FIELD_TABLE } from './field-table.js';
import { compileFieldTable } from './field-trie.js';
import { formatConversionMatrix } from './format-conversion-matrix.js';

describe('MARATHON_FIELD_TABLE', () => {
  const rows = [...MARATHON_FIELD_TABLE.app, ...MARATHON_FIELD_TABLE.pod, ...MARATHON_FIELD_TABLE.podStatus];

  it('compiles without two rows for one path', () => {
    for (const table of Object.values(MARATHON_FIELD_TABLE)) expect(() => compileFieldTable(table)).not.toThrow();
  });

  it('documents every row, maps every mapped row somewhere and reports every set-aside row', () => {
    for (const row of rows) {
      expect(row.note.length, row.path).toBeGreaterThan(3);
      if (row.disposition === 'mapped') expect(row.to, row.path).toBeTruthy();
      if (row.disposition === 'approximated' || row.disposition === 'unsupported') {
        expect(row.finding, row.path).toBeDefined();
        const rule = MARATHON_RULES[row.finding!.rule];
        expect(rule.messages, row.path).toHaveProperty(row.finding!.messageId);
      }
    }
  });

  it('covers the canonical app and pod fields of the reference (§6, §7)', () => {
    const appPaths = new Set(MARATHON_FIELD_TABLE.app.map((row) => row.path));
    for (const path of ['id', 'cmd', 'args[]', 'container.docker.image', 'container.portMappings[].hostPort', 'networks[].mode', 'portDefinitions[].port', 'healthChecks[].portIndex', 'readinessChecks[].portName', 'secrets.*.source', 'unreachableStrategy.inactiveAfterSeconds', 'resourceLimits.cpus', 'tasksRunning']) {
      expect(appPaths, path).toContain(path);
    }
    const podPaths = new Set(MARATHON_FIELD_TABLE.pod.map((row) => row.path));
    for (const path of ['containers[].exec.command.shell', 'containers[].endpoints[].hostPort', 'volumes[].persistent.size', 'scaling.instances', 'scheduling.placement.constraints[].operator']) {
      expect(podPaths, path).toContain(path);
    }
  });

  it('renders the conversion matrix with one line per row', () => {
    const matrix = formatConversionMatrix();
    expect(matrix.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(rows.length + 1);
    expect(matrix).toContain('| `executor` | unsupported (marathon/custom-executor) |');
  });
});
