export { stringifyManifests } from './stringify-manifests.js';
