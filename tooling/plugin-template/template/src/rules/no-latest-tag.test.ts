import { RuleTester } from '@baton/testing';
import { noLatestTag } from './no-latest-tag.js';

const image = (ref: string) => ({ containers: [{ image: { ref, forcePull: false, runtime: 'docker' as const, pointer: '/container/docker/image' } }] });

RuleTester.run(noLatestTag({ allow: ['registry.acme.example/base'] }), {
  valid: [
    { workload: image('nginx:1.27') },
    { workload: image('registry.example:5000/team/api:2.3.1') },
    { workload: image('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'allowed by the factory options', workload: image('registry.acme.example/base') },
    { name: 'allowed by the config options', workload: image('acme/tools:latest'), options: { allow: ['acme/tools'] } },
    { name: 'command-only apps have no image', workload: { containers: [{ image: undefined, command: { shell: 'sleep 1' } }] } },
  ],
  invalid: [
    { workload: image('nginx'), errors: [{ messageId: 'latest', pointer: '/container/docker/image' }] },
    { workload: image('registry.example:5000/team/api:latest'), errors: [{ messageId: 'latest', data: { image: 'registry.example:5000/team/api:latest' } }] },
  ],
});
