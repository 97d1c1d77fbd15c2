import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingKeys, runWriter } from './__fixtures__/builders.js';
import { escapeExpansion } from './map-env.js';

/** What Kubernetes does to command, args and env values (third_party/forked/golang/expansion). */
function kubernetesExpand(input: string, defined: Record<string, string>): string {
  let output = '';
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] === '$' && cursor + 1 < input.length) {
      const next = input[cursor + 1];
      if (next === '$') {
        output += '$';
        cursor++;
      } else if (next === '(') {
        const close = input.indexOf(')', cursor + 2);
        if (close === -1) {
          output += '$(';
          cursor++;
        } else {
          const name = input.slice(cursor + 2, close);
          output += name in defined ? defined[name] : `$(${name})`;
          cursor = close;
        }
      } else {
        output += `$${next}`;
        cursor++;
      }
    } else output += input[cursor];
  }
  return output;
}

describe('escapeExpansion', () => {
  it.each(['echo $$', '$(date)', '$(FOO)', '$$(FOO)', 'a$', '$PORT0 ${HOST}', 'x $( y', '$$$', 'pid=$$; echo $(FOO)$(BAR)'])(
    'keeps %j literal after Kubernetes expansion',
    (text) => {
      const defined = { FOO: 'foo', BAR: 'bar' };
      expect(kubernetesExpand(escapeExpansion(text, new Set(Object.keys(defined))), defined)).toBe(text);
    },
  );

  it('keeps any text of `$`, `(`, `)` and names literal (property-based)', () => {
    const defined = { FOO: 'foo', BAR: 'bar' };
    const text = fc.string({ unit: fc.constantFrom('$', '(', ')', 'FOO', 'BAR', 'x', ' ', '{', '}'), maxLength: 16 });
    fc.assert(
      fc.property(text, (input) => {
        expect(kubernetesExpand(escapeExpansion(input, new Set(Object.keys(defined))), defined)).toBe(input);
      }),
      { numRuns: 3000 },
    );
  });

  it('changes nothing that Kubernetes would not touch', () => {
    expect(escapeExpansion('exec app --port $PORT0 $(date)', new Set(['PORT0']))).toBe('exec app --port $PORT0 $(date)');
  });
});

describe('environment synthesis', () => {
  const ports = [
    { index: 0, name: 'http-api', containerPort: 0, servicePort: 10001, protocols: ['tcp' as const], labels: {}, pointer: '/portDefinitions/0' },
    { index: 1, containerPort: 0, protocols: ['tcp' as const], labels: {}, pointer: '/portDefinitions/1' },
  ];

  it('always sets HOST and the port variables, in a fixed order, with the chosen ports', async () => {
    const { podSpec, findings } = await runWriter([{ id: '/prod/api', network: { mode: 'host', networks: [], requirePorts: false }, containers: [{ ports }] }]);
    const env = podSpec('/prod/api').containers[0].env;
    expect(env.map((variable: { name: string }) => variable.name)).toEqual(['HOST', 'PORT', 'PORTS', 'PORT0', 'PORT1', 'PORT_10001', 'PORT_8081', 'PORT_HTTP-API']);
    expect(env[0]).toEqual({ name: 'HOST', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } });
    expect(env.find((variable: { name: string }) => variable.name === 'PORTS').value).toBe('10001,8081');
    expect(findingKeys(findings)).toEqual([
      'kubernetes/dynamic-port-assigned#assigned@/portDefinitions/0',
      'kubernetes/dynamic-port-assigned#assigned@/portDefinitions/1',
    ]);
  });

  it('honours the env vars prefix and the hostEnv option', async () => {
    const { podSpec } = await runWriter([{ id: '/api', hints: { envVarsPrefix: 'MESOS_' }, containers: [{ ports: ports.slice(0, 1) }] }], { hostEnv: 'pod-ip' });
    const env = podSpec('/api').containers[0].env;
    expect(env[0]).toEqual({ name: 'MESOS_HOST', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } });
    expect(env.map((variable: { name: string }) => variable.name)).toContain('MESOS_PORT0');
  });

  it('adds Marathon variables only when referenced, unless syntheticEnv is all', async () => {
    const container = {
      command: { shell: 'echo $MARATHON_APP_ID ${MESOS_TASK_ID} $MARATHON_APP_LABEL_TEAM $MARATHON_APP_RESOURCE_MEM $LIBPROCESS_IP $MESOS_FRAMEWORK_ID' },
      env: [{ name: 'SELF', value: '$MARATHON_APP_VERSION', pointer: '/env/SELF' }],
    };
    const workload = { id: '/prod/api', version: '2020-01-01T00:00:00Z', labels: { team: 'core', 'other.key': 'x' }, containers: [container] };
    const referenced = await runWriter([workload]);
    const env = referenced.podSpec('/prod/api').containers[0].env;
    const byName = Object.fromEntries(env.map((variable: { name: string }) => [variable.name, variable]));
    expect(Object.keys(byName)).toEqual([
      'HOST',
      'MARATHON_APP_ID',
      'MARATHON_APP_VERSION',
      'MARATHON_APP_RESOURCE_MEM',
      'MARATHON_APP_LABELS',
      'MARATHON_APP_LABEL_TEAM',
      'MESOS_TASK_ID',
      'LIBPROCESS_IP',
      'SELF',
    ]);
    expect(byName.MARATHON_APP_RESOURCE_MEM.value).toBe('128.0');
    expect(byName.MARATHON_APP_LABELS.value).toBe('OTHER_KEY TEAM');
    expect(byName.MESOS_TASK_ID.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
    expect(byName.LIBPROCESS_IP.valueFrom).toEqual({ fieldRef: { fieldPath: 'status.podIP' } });
    expect(findingKeys(referenced.findings)).toEqual(['kubernetes/env-reference-unresolved#unresolved@']);

    const all = await runWriter([workload], { syntheticEnv: 'all' });
    const names = all.podSpec('/prod/api').containers[0].env.map((variable: { name: string }) => variable.name);
    expect(names).toEqual(expect.arrayContaining(['MARATHON_APP_DOCKER_IMAGE', 'MARATHON_APP_RESOURCE_CPUS', 'MARATHON_APP_LABEL_OTHER_KEY']));
  });

  it('lets the definition override synthesized variables and keeps its order', async () => {
    const { podSpec } = await runWriter([
      {
        id: '/api',
        containers: [
          {
            ports: ports.slice(0, 1),
            env: [
              { name: 'Z', value: '1', pointer: '/env/Z' },
              { name: 'PORT0', value: '9999', pointer: '/env/PORT0' },
              { name: 'A', value: '$(Z)', pointer: '/env/A' },
            ],
            runtimeParameters: [{ key: 'env', value: 'FROM_DOCKER=1', pointer: '/container/docker/parameters/0' }],
          },
        ],
      },
    ]);
    const env = podSpec('/api').containers[0].env;
    const names = env.map((variable: { name: string }) => variable.name);
    expect(names.filter((name: string) => name === 'PORT0')).toHaveLength(1);
    expect(names.slice(-4)).toEqual(['FROM_DOCKER', 'Z', 'PORT0', 'A']);
    // `$(Z)` was a literal in Marathon.
    expect(env.at(-1)).toEqual({ name: 'A', value: '$$(Z)' });
  });

  it('maps secret references and reports undeclared ones and invalid names', async () => {
    const { podSpec, findings } = await runWriter(
      [
        {
          id: '/api',
          secrets: [{ name: 'db', source: '/api/db', pointer: '/secrets/db' }],
          containers: [
            {
              env: [
                { name: 'DB', secret: 'db', pointer: '/env/DB' },
                { name: 'MISSING', secret: 'nope', pointer: '/env/MISSING' },
                { name: '1BAD', value: 'x', pointer: '/env/1BAD' },
              ],
            },
          ],
        },
      ],
      {},
      { ...(await import('@baton/core')).GENERIC_TARGET, kubernetesVersion: '1.30' },
    );
    const env = podSpec('/api').containers[0].env;
    expect(env.find((variable: { name: string }) => variable.name === 'DB')).toEqual({ name: 'DB', valueFrom: { secretKeyRef: { name: 'api-db', key: 'value' } } });
    expect(env.map((variable: { name: string }) => variable.name)).not.toContain('1BAD');
    expect(findingKeys(findings)).toEqual([
      'kubernetes/env-name-invalid#invalid@/env/1BAD',
      'kubernetes/secret-undeclared#undeclared@/env/MISSING',
      'kubernetes/secret-value-required#skeleton@/secrets/db',
    ]);
  });

  it('gives pods ENDPOINT variables for every endpoint of the pod', async () => {
    const { podSpec } = await runWriter([
      {
        id: '/pod',
        sourceKind: 'pod',
        kind: 'pod',
        containers: [
          { name: 'a', ports: [{ index: 0, name: 'web', containerPort: 80, protocols: ['tcp'], labels: {}, pointer: '/containers/0/endpoints/0' }] },
          { name: 'b', command: { shell: 'echo $EP_CONTAINER_WEB' } },
        ],
      },
    ]);
    const [a, b] = podSpec('/pod').containers;
    expect(a.env.map((variable: { name: string }) => variable.name)).toEqual(['HOST', 'ENDPOINT_WEB']);
    expect(b.env).toEqual([
      { name: 'HOST', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'ENDPOINT_WEB', value: '80' },
      { name: 'EP_CONTAINER_WEB', value: '80' },
    ]);
  });
});
