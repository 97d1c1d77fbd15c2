export { readClusterFacts, type ReadClusterFactsOptions } from './read-cluster-facts.js';
export { openKubeSession, apiStatusOf, type ApiStatus, type KubeSession, type KubeTarget } from './kube-session.js';
export * from './cluster-snapshot.js';
