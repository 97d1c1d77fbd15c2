// The real definitions the estates are made of: every app and pod in ../shared/corpus and
// ../shared/fixtures/marathon-docs, whatever the document's shape (one app, {app}, {apps: []},
// a list, a group tree, a /v2/groups response with PodStatus pods). Malformed files are skipped.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMarathon, SHARED } from './workspace.mjs';

export const CORPUS_DIRS = [path.join(SHARED, 'corpus'), path.join(SHARED, 'fixtures', 'marathon-docs')];

/**
 * @returns {Promise<{ apps: object[], pods: object[], files: number, skipped: string[] }>}
 *   the distinct app and pod specs (definition without id and dependencies), in a stable order.
 */
export async function loadTemplates(dirs = CORPUS_DIRS) {
  const { extractDefinitions } = await loadMarathon();
  const apps = new Map();
  const pods = new Map();
  const skipped = [];
  let files = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
      files += 1;
      let entries;
      try {
        entries = extractDefinitions(JSON.parse(readFileSync(path.join(dir, name), 'utf8')), name).entries;
      } catch {
        skipped.push(name);
        continue;
      }
      for (const entry of entries) {
        // a PodStatus carries the pod definition under `spec`; the rest is status
        const { id: _id, dependencies: _dependencies, ...spec } = entry.spec;
        const key = JSON.stringify(spec);
        const into = entry.sourceKind === 'pod' ? pods : apps;
        if (!into.has(key)) into.set(key, { from: name, spec });
      }
    }
  }
  return { apps: [...apps.values()], pods: [...pods.values()], files, skipped };
}
