// The README's first command ends here: serve the example estate as a Marathon API on loopback,
// plan it from its URL with the built CLI, and show the report.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMarathonServer } from '@baton/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const estate = path.join(root, 'examples/estate');
const out = path.resolve(process.argv[2] ?? path.join(root, 'baton-plan'));
const server = await startMarathonServer({ directory: estate });
try {
  console.error(`Example estate served as a Marathon API at ${server.url}`);
  const args = [path.join(root, 'apps/cli/dist/bin.js'), 'plan', '--from', server.url, '--out', out, '--target', 'kind', '--fail-on', 'never'];
  console.error(`$ migrate ${args.slice(1).join(' ')}\n`);
  // spawn, not spawnSync: the Marathon server lives in this process and must keep answering.
  const status = await new Promise((resolve) => spawn(process.execPath, args, { stdio: 'inherit' }).on('close', resolve));
  if (status !== 0) process.exitCode = status ?? 1;
  else console.log(`\n--- ${path.relative(process.cwd(), path.join(out, 'report.md'))} (head) ---\n${readFileSync(path.join(out, 'report.md'), 'utf8').split('\n').slice(0, 30).join('\n')}`);
} finally {
  await server.close();
}
