export { readClusterFacts, type ReadClusterFactsOptions } from './read-cluster-facts.js';
export { openKubeSession, apiStatusOf, type ApiStatus, type KubeSession, type KubeTarget } from './kube-session.js';
export { CNI_CONFIG_KEYS, CNI_NAMESPACES, type CapturedClusterSnapshot } from './cluster-snapshot.js';
