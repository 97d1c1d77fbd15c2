// Run: pnpm --filter @baton/kubernetes exec vitest bench --run src/validation
// 10,000 apps × 3 objects (Deployment, Service, ConfigMap), the scale DESIGN.md plans for.
import { bench, describe } from 'vitest';
import { validateObjects } from './index.js';
import { configMap, deployment, service } from './__fixtures__/realistic-objects.js';

const deployments = Array.from({ length: 10_000 }, (_, i) => deployment(i));
const all = [...deployments, ...Array.from({ length: 10_000 }, (_, i) => service(i)), ...Array.from({ length: 10_000 }, (_, i) => configMap(i))];

describe('validateObjects', () => {
  bench('10,000 Deployments', () => {
    validateObjects(deployments, { kubernetesVersion: '1.34' });
  }, { iterations: 10, warmupIterations: 2 });

  bench('30,000 objects (Deployment + Service + ConfigMap per app)', () => {
    validateObjects(all, { kubernetesVersion: '1.34' });
  }, { iterations: 10, warmupIterations: 2 });
});
