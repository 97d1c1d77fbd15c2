import { describe, expect, it } from 'vitest';
import { parseImageRef, rewriteImage } from './rewrite-image.js';

describe('image rules', () => {
  it('parses references the way Docker does', () => {
    expect(parseImageRef('nginx')).toEqual({ registry: 'docker.io', path: 'library/nginx', suffix: '' });
    expect(parseImageRef('registry.dcos.example:5000/team/api:1.2')).toEqual({ registry: 'registry.dcos.example:5000', path: 'team/api', suffix: ':1.2' });
    expect(parseImageRef('localhost/x@sha256:ab')).toEqual({ registry: 'localhost', path: 'x', suffix: '@sha256:ab' });
  });

  const rules = {
    overrides: { 'nginx:1.19': 'nginx:1.27-alpine', 'acme/legacy-api': 'acme/api' },
    registries: { 'registry.dcos.example:5000': 'registry.acme.example/dcos', 'docker.io': 'mirror.acme.example/hub' },
  };
  it.each([
    ['nginx:1.19', 'mirror.acme.example/hub/library/nginx:1.27-alpine'],
    ['docker.io/library/nginx:1.19', 'mirror.acme.example/hub/library/nginx:1.27-alpine'],
    ['acme/legacy-api:7', 'mirror.acme.example/hub/acme/api:7'],
    ['registry.dcos.example:5000/team/api:1.2', 'registry.acme.example/dcos/team/api:1.2'],
    ['quay.io/team/tool:3', 'quay.io/team/tool:3'],
  ])('rewrites %s to %s', (ref, expected) => {
    expect(rewriteImage(ref, rules)).toBe(expected);
  });
});
