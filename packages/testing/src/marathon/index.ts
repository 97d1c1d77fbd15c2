export { startMarathonServer } from './start-marathon-server.js';
export type { MarathonFault, MarathonRequestRecord, MarathonServer, MarathonServerOptions, MarathonSnapshotLike } from './marathon-server-options.js';
