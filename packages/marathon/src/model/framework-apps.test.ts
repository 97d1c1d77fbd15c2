import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarathon } from '../read-marathon.js';
import { CORPUS_DIR, fixture } from '../test-support/shared-inputs.js';

const frameworkFindings = async (from: string | { kind: 'stdin'; location: '-'; text: string }) =>
  (await readMarathon(from)).findings
    .filter((finding) => finding.ruleId === 'marathon/framework-app')
    .map((finding) => ({ workload: finding.workload, pointer: finding.pointer, message: finding.message }));

const stdin = (value: unknown) => ({ kind: 'stdin' as const, location: '-' as const, text: JSON.stringify(value) });

describe('marathon/framework-app', () => {
  it('says a Marathon on Marathon holds its own apps, and where to plan them (real MoM definitions)', async () => {
    for (const file of [fixture('system-test-app__fixture-docker-mom.json'), fixture('scale-test__mom-app.json'), path.join(CORPUS_DIR, 'universe__marathon__1.7.188.json')]) {
      const [finding, ...rest] = await frameworkFindings(file);
      expect(rest).toEqual([]);
      expect(finding?.workload).toBe('/marathon-user');
      expect(finding?.pointer).toMatch(/^\/labels\/DCOS_PACKAGE_(FRAMEWORK_NAME|NAME|IS_FRAMEWORK)$/);
      expect(finding?.message).toContain('/service/marathon-user');
    }
    // without any DC/OS label, the image says it; marathon-lb is not a Marathon
    const unlabelled = await frameworkFindings(stdin({ apps: [{ id: '/tools/mom', container: { docker: { image: 'registry.local/mesosphere/marathon:v1.10.17' } } }, { id: '/lb', container: { docker: { image: 'mesosphere/marathon-lb:v1.15.0' } } }] }));
    expect(unlabelled.map((finding) => [finding.workload, finding.pointer])).toEqual([['/tools/mom', '/container/docker/image']]);
    expect(unlabelled[0]?.message).toContain('/service/tools-mom');
  });

  it('names the Kubernetes replacement of well-known packages, and the general advice otherwise', async () => {
    const [jenkins] = await frameworkFindings(path.join(CORPUS_DIR, 'd2iq-ps__dcos-migrate__tests-examples-jenkins.json'));
    expect(jenkins?.message).toContain('Jenkins Helm chart');
    const [kafka] = await frameworkFindings(stdin({ id: '/kafka', cmd: 'x', labels: { DCOS_PACKAGE_NAME: 'confluent-kafka', DCOS_PACKAGE_FRAMEWORK_NAME: 'kafka' } }));
    expect(kafka).toMatchObject({ pointer: '/labels/DCOS_PACKAGE_FRAMEWORK_NAME', message: expect.stringContaining('Strimzi') });
    const [pyfw] = await frameworkFindings(fixture('system-test-app__fake-framework.json'));
    expect(pyfw?.message).toContain('operator or Helm chart of the same software');
    expect(await frameworkFindings(stdin({ id: '/web', cmd: 'x', labels: { DCOS_PACKAGE_NAME: 'nginx', DCOS_PACKAGE_IS_FRAMEWORK: 'false' } }))).toEqual([]);
  });
});
