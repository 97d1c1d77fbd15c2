import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { stringifyManifests } from './index.js';

// YAML 1.1 is what kubectl's go-yaml reads: yes/no/on/off, 1:20 and 2001-12-14 are not strings there.
function roundTrip(docs: unknown[], version: '1.1' | '1.2' = '1.2'): unknown[] {
  const parsed = parseAllDocuments(stringifyManifests(docs), { version });
  if (!Array.isArray(parsed)) throw new Error('not a document list');
  for (const d of parsed) if (d.errors.length > 0) throw d.errors[0];
  return parsed.map((d) => d.toJS());
}

const HOSTILE = [
  '', ' ', '  lead', 'trail ', 'a\tb', '\t', 'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'NULL', '~',
  '0123', '1e3', 'e9', 'E+7', '0x1F', '0o17', '0b101', '1_000', '.inf', '-.Inf', '.NaN', '+1', '-1', '1.5', '1:20', '2001-12-14',
  'a: b', 'a :b', 'a #b', 'a#b', '#comment', 'key:', '- item', '-', '?', '? x', '*alias', '&anchor', '!tag', '|', '>',
  '%YAML', '@at', '`tick`', '{a: 1}', '[1, 2]', '"quoted"', "'single'", '\\back', '<<', '=', '---', '...', '--- x',
  'line1\nline2', 'ends\n', 'ends\n\n\n', '\nstarts', '\n', '\n\n', ' lead\nline', 'a\n \nb', 'a\r\nb', 'cr\r',
  'ünïcödé', '中文', '😀 emoji', '\u2028ls', 'nel\u0085', '\ufeffbom', '\u0000nul', '\u007f', 'lone \ud800', '\udc00',
  'x'.repeat(2000), 'nginx:1.2.3', 'http://example.com/a?b=c#d', '$HOME', '${VAR}', '.dockerconfigjson', 'a,b', 'a, b',
  'text\n# not a comment\n  indented\n---\n...\n',
];

describe('stringifyManifests', () => {
  it('writes Kubernetes-style block YAML with --- between documents', () => {
    const out = stringifyManifests([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: {} }, data: { 'app.conf': 'a=1\nb=2\n' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'c', args: ['-c', 'run'] }] } } } },
    ]);
    expect(out).toBe(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: a',
        '  labels: {}',
        'data:',
        '  app.conf: |',
        '    a=1',
        '    b=2',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: c',
        '          args:',
        '            - "-c"',
        '            - run',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings that YAML 1.1 or 1.2 would read as something else', () => {
    const out = stringifyManifests([{ a: 'yes', b: '0123', c: 'on', d: '1e3', e: 'null', f: '' }]);
    expect(out).toBe('a: "yes"\nb: "0123"\nc: "on"\nd: "1e3"\ne: "null"\nf: ""\n');
  });

  it('returns an empty string for no documents and skips undefined properties', () => {
    expect(stringifyManifests([])).toBe('');
    expect(stringifyManifests([{ a: undefined, b: 1 }])).toBe('b: 1\n');
  });

  it('round-trips every hostile string as a value, a key and an array item', () => {
    for (const s of HOSTILE) {
      const doc = { v: s, [s]: 'k', list: [s, [s], { [s]: s }] };
      expect(roundTrip([doc]), JSON.stringify(s)).toEqual([doc]);
      expect(roundTrip([doc], '1.1'), JSON.stringify(s)).toEqual([doc]);
    }
  });

  it('round-trips numbers, including the ones JSON cannot write', () => {
    const docs = [{ a: 0, b: -0, c: 1.5, d: 1e21, e: -1e-7, f: Number.MAX_SAFE_INTEGER, g: Infinity, h: -Infinity, i: 2 ** 64 }];
    expect(roundTrip(docs)).toEqual(docs);
    expect(roundTrip(docs, '1.1')).toEqual(docs);
    expect(Object.is((roundTrip([{ z: -0 }])[0] as { z: number }).z, -0)).toBe(true);
    expect(Number.isNaN((roundTrip([{ n: NaN }])[0] as { n: number }).n)).toBe(true);
  });

  it('round-trips arbitrary JSON documents (property-based)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...' \n\t:#-?"\'|>{}[],&*!%@`~0123456789.exyzYNonulfatr\\'), maxLength: 12 }),
      fc.constantFrom(...HOSTILE),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    const docs = fc.array(fc.oneof(fc.dictionary(text, json, { maxKeys: 6 }), json), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(docs, (d) => {
        expect(roundTrip(d)).toEqual(d);
        expect(roundTrip(d, '1.1')).toEqual(d);
      }),
      { numRuns: 5000 },
    );
  });
});
