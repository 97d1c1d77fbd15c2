// Run: pnpm --filter @baton/kubernetes exec vitest bench --run src/yaml
// 22,000 objects (11,000 Deployment + 11,000 Service), the size DESIGN.md measured `yaml` at.
import { bench, describe } from 'vitest';
import { stringify } from 'yaml';
import { deployment, service } from '../validation/__fixtures__/realistic-objects.js';
import { stringifyManifests } from './index.js';

const objects = Array.from({ length: 11_000 }, (_, i) => [deployment(i), service(i)]).flat();

describe('22,000 manifests to YAML', () => {
  bench('stringifyManifests', () => {
    stringifyManifests(objects);
  }, { iterations: 10, warmupIterations: 2 });

  bench('yaml.stringify per object, joined with ---', () => {
    objects.map((o) => stringify(o)).join('---\n');
  }, { iterations: 3, warmupIterations: 1 });
});
