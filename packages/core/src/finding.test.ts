import { describe, expect, it } from 'vitest';
import { renderTemplate } from './finding.js';

describe('renderTemplate', () => {
  it('fills placeholders, keeps unknown ones as written, and renders a template the same way every time', () => {
    const template = 'Port {{ port }}/{{protocol}} of {{id}} ({{missing}}), again {{port}}.';
    for (let round = 0; round < 2; round += 1) {
      expect(renderTemplate(template, { port: 80, protocol: 'tcp', id: '/a', extra: 1 })).toBe('Port 80/tcp of /a ({{missing}}), again 80.');
    }
    expect(renderTemplate('no placeholders')).toBe('no placeholders');
    expect(renderTemplate('{{a}}{{b}}', { a: '', b: 0 })).toBe('0');
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}');
  });
});
