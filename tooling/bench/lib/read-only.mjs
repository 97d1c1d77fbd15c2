// Child: only the read part of the read stage, without normalization. A snapshot file is read
// and parsed (readSnapshot); a URL is captured (captureSnapshot: /v2/info, /v2/groups with apps,
// pods and groups embedded, /v2/deployments, /v2/queue). Writes {ms, workloads} to argv[3].
import { writeFileSync } from 'node:fs';
import { loadMarathon } from './workspace.mjs';

const [from, out] = process.argv.slice(2);
const marathon = await loadMarathon();
const started = performance.now();
let snapshot;
if (/^https?:\/\//.test(from)) {
  const client = marathon.createMarathonClient(from);
  try {
    snapshot = await marathon.captureSnapshot(client);
  } finally {
    await client.close();
  }
} else {
  snapshot = await marathon.readSnapshot(from);
}
const ms = performance.now() - started;
writeFileSync(out, JSON.stringify({ ms, groups: Boolean(snapshot.marathon.groups) }));
