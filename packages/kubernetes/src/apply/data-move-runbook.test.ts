import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataMoveRunbookFiles, dataMoveRunbooks, renderDataMoveRunbook, writeDataMoveRunbooks } from './data-move-runbook.js';
import { loadPlanDirectory } from './load-plan-directory.js';
import { DATA_MIGRATION_FINDING, deployment, service, statefulSet, writePlanFixture, type FixturePlan } from './test-support/plan-fixture.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const PLAN: FixturePlan = {
  workloads: [
    { id: '/prod/db', name: 'db', wave: 0, kind: 'stateful-service', status: 'blocked', findings: [DATA_MIGRATION_FINDING], objects: [service('db', 5432), statefulSet('db', { replicas: 2 })] },
    { id: '/prod/web', name: 'web', wave: 1, objects: [deployment('web')] },
  ],
};

describe('data-move runbooks', () => {
  it('writes one executable POSIX sh runbook per stateful workload, deterministically', async () => {
    const planDir = await writePlanFixture(PLAN, await tempDir('baton-plan-'));
    expect(await writeDataMoveRunbooks(planDir)).toEqual(['runbooks/prod/db.sh']);
    const file = path.join(planDir, 'runbooks/prod/db.sh');
    const content = await readFile(file, 'utf8');
    expect((await stat(file)).mode & 0o111).not.toBe(0);
    expect(content.startsWith('#!/bin/sh\n')).toBe(true);
    expect(content).toContain('\nset -eu\n');
    expect(content).toContain("SOURCE_ID='/prod/db'");
    expect(content).toContain('INSTANCES=2');
    expect(content).toContain("VOLUMES='pgdata pgdata /mnt/mesos/sandbox/pgdata'");
    for (const step of ['step_stop', 'step_copy', 'step_start', 'step_verify', 'step_rollback']) expect(content).toContain(`${step}() {`);
    const loaded = await loadPlanDirectory(planDir);
    expect(dataMoveRunbooks(loaded.plan, loaded.objects)[0]!.content).toBe(content);

    const syntax = spawnSync('dash', ['-n', file], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const usage = spawnSync('dash', [file], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });

  it('gives the plan command the same runbooks as files, from the writer\'s objects', async () => {
    const planDir = await writePlanFixture(PLAN, await tempDir('baton-plan-'));
    const loaded = await loadPlanDirectory(planDir);
    const files = dataMoveRunbookFiles(loaded.plan, loaded.objects.values());
    expect(files.map((f) => f.path)).toEqual(['runbooks/prod/db.sh']);
    expect(files[0]!.content).toBe(dataMoveRunbooks(loaded.plan, loaded.objects)[0]!.content);
  });

  it('uses the pod status API for Marathon pods, and stays valid sh', async () => {
    const content = renderDataMoveRunbook({ id: '/prod/cassandra', sourceKind: 'pod', namespace: 'prod', name: 'cassandra', statefulSet: statefulSet('cassandra') as never });
    expect(content).toContain('/v2/pods$SOURCE_ID::status');
    const file = path.join(await tempDir('baton-runbook-'), 'cassandra.sh');
    await writeFile(file, content);
    expect(spawnSync('dash', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
  });

  describe('running the generated script against stand-ins for ssh, curl and kubectl', () => {
    /** A Mesos agent file tree, a Marathon that records writes, and a kubectl whose PVCs are directories. */
    async function rig() {
      const root = await tempDir('baton-move-');
      const planDir = await writePlanFixture(PLAN, path.join(root, 'plan'));
      await writeDataMoveRunbooks(planDir);
      const workDir = path.join(root, 'agent/var/lib/mesos/slave');
      for (const [id, text] of [['uuid-a', 'alpha'], ['uuid-b', 'bravo']] as const) {
        const volume = path.join(workDir, 'volumes/roles/slave_public', `prod_db#pgdata#${id}`);
        await mkdir(path.join(volume, 'base/1'), { recursive: true });
        await writeFile(path.join(volume, 'PG_VERSION'), '16\n');
        await writeFile(path.join(volume, 'base/1', 'table'), `${text}\n`.repeat(1000));
      }
      const marathon = path.join(root, 'marathon');
      await mkdir(marathon);
      await writeFile(
        path.join(marathon, 'tasks.json'),
        JSON.stringify({
          tasks: [
            { id: 'prod_db.b', host: 'agent-b', localVolumes: [{ containerPath: 'pgdata', persistenceId: 'prod_db#pgdata#uuid-b' }] },
            { id: 'prod_db.a', host: 'agent-a', localVolumes: [{ containerPath: 'pgdata', persistenceId: 'prod_db#pgdata#uuid-a' }] },
          ],
        }),
      );
      await writeFile(path.join(marathon, 'running'), '2');
      const bin = path.join(root, 'bin');
      await mkdir(bin);
      const stub = async (name: string, body: string) => {
        await writeFile(path.join(bin, name), `#!/bin/sh\n${body}\n`);
        await chmod(path.join(bin, name), 0o755);
      };
      // curl: GET answers from files, PUT is recorded and scales the app.
      await stub(
        'curl',
        `method=GET; data=''; url=''
while [ $# -gt 0 ]; do case $1 in -X) method=$2; shift ;; --data-binary) data=$2; shift ;; -H) shift ;; http*) url=$1 ;; esac; shift; done
case $method:$url in
  GET:*/v2/apps/prod/db/tasks) cat "$FAKE_MARATHON/tasks.json" ;;
  GET:*/v2/apps/prod/db) printf '{"app":{"id":"/prod/db","tasksRunning":%s,"tasksStaged":0}}' "$(cat "$FAKE_MARATHON/running")" ;;
  PUT:*/v2/apps/prod/db) printf '%s\\n' "$data" >>"$FAKE_MARATHON/puts.log"; printf '%s' "$data" | jq .instances >"$FAKE_MARATHON/running"; echo '{"deploymentId":"d1"}' ;;
  *) echo "unexpected $method $url" >&2; exit 22 ;;
esac`,
      );
      // ssh <agent> <command>: the agents' disks are this machine's.
      await stub('ssh', 'printf "%s\\n" "$1" >>"$FAKE_KUBE/ssh.log"; shift; sh -c "$*"');
      // kubectl: apply and exec act on directories under $FAKE_KUBE/pods/<pod>/target/<claim>.
      await stub(
        'kubectl',
        `printf '%s\\n' "$*" >>"$FAKE_KUBE/kubectl.log"
ns=''; [ "$1" = -n ] && { ns=$2; shift 2; }
case $1 in
  apply) n=$(ls "$FAKE_KUBE" | grep -c '^applied-'); cat >"$FAKE_KUBE/applied-$n.json" ;;
  wait|delete|rollout|scale) : ;;
  get) echo 2 ;;
  exec)
    shift; [ "$1" = -i ] && shift; pod=$1; shift 2
    case $pod in baton-move-*) dir=$FAKE_KUBE/pods/$pod/target ;; *) dir=$FAKE_KUBE/pods/baton-move-db-\${pod##*-}/target/pgdata ;; esac
    mkdir -p "$dir"
    if [ "$1" = tar ]; then
      sub=\${5#/target}; mkdir -p "$dir$sub"; tar -xf - -C "$dir$sub" || exit $?
      [ -z "\${FAKE_LOSE_FILE:-}" ] || rm -f "$dir$sub/PG_VERSION"
    else
      cmd=$(printf '%s' "$3" | sed "s#/target#$dir#; s#/mnt/mesos/sandbox/pgdata#$dir#")
      sh -c "$cmd"
    fi ;;
  *) echo "unexpected kubectl $*" >&2; exit 1 ;;
esac`,
      );
      const kube = path.join(root, 'kube');
      await mkdir(kube);
      const run = (step: string, env: Record<string, string> = {}) =>
        spawnSync('dash', [path.join(planDir, 'runbooks/prod/db.sh'), step], {
          encoding: 'utf8',
          env: {
            PATH: `${bin}:${process.env.PATH}`,
            MARATHON_URL: 'http://marathon.test:8080',
            MESOS_WORK_DIR: workDir,
            SUDO: '',
            FAKE_MARATHON: marathon,
            FAKE_KUBE: kube,
            ...env,
          },
        });
      return { planDir, marathon, kube, workDir, run };
    }

    it('stops the app, copies each instance into the PVC of its ordinal with matching checksums, starts and verifies', async () => {
      const { planDir, marathon, kube, run } = await rig();
      const stop = run('stop');
      expect(stop.stderr).not.toContain('error');
      expect(stop.status).toBe(0);
      const state = path.join(planDir, 'runbooks/.state/prod/db');
      expect(await readFile(path.join(state, 'instances.txt'), 'utf8')).toBe('0 agent-a pgdata prod_db#pgdata#uuid-a\n1 agent-b pgdata prod_db#pgdata#uuid-b\n');
      expect(await readFile(path.join(marathon, 'puts.log'), 'utf8')).toBe('{"instances": 0}\n');

      const copy = run('copy');
      expect(copy.stderr).not.toContain('error');
      expect(copy.status).toBe(0);
      expect(await readFile(path.join(kube, 'pods/baton-move-db-0/target/pgdata/base/1/table'), 'utf8')).toBe('alpha\n'.repeat(1000));
      expect(await readFile(path.join(kube, 'pods/baton-move-db-1/target/pgdata/base/1/table'), 'utf8')).toBe('bravo\n'.repeat(1000));
      expect(await readFile(path.join(state, 'source-0-pgdata.sums'), 'utf8')).toBe(await readFile(path.join(state, 'target-0-pgdata.sums'), 'utf8'));
      const applied = await Promise.all((await readdir(kube)).filter((f) => f.startsWith('applied-')).sort().map(async (f) => JSON.parse(await readFile(path.join(kube, f), 'utf8'))));
      expect(applied.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => [o.metadata.name, o.spec.resources.requests.storage])).toEqual([
        ['pgdata-db-0', '512Mi'],
        ['pgdata-db-1', '512Mi'],
      ]);
      expect(applied.find((o) => o.kind === 'Pod').spec.volumes).toEqual([{ name: 'v-pgdata', persistentVolumeClaim: { claimName: 'pgdata-db-0' } }]);

      expect(run('start').status).toBe(0);
      expect(await readFile(path.join(kube, 'kubectl.log'), 'utf8')).toContain('apply --server-side --field-manager=baton --force-conflicts -f -');
      const last = (await readdir(kube)).filter((f) => f.startsWith('applied-')).sort((a, b) => Number(a.slice(8, -5)) - Number(b.slice(8, -5))).at(-1)!;
      expect(JSON.parse(await readFile(path.join(kube, last), 'utf8'))).toEqual(statefulSet('db', { replicas: 2 }));

      const verify = run('verify');
      expect(verify.status).toBe(0);
      expect(verify.stderr).toContain('verified');
    });

    it('fails the copy when the copied files do not match the source', async () => {
      const { run } = await rig();
      expect(run('stop').status).toBe(0);
      const copy = run('copy', { FAKE_LOSE_FILE: '1' });
      expect(copy.status).not.toBe(0);
      expect(copy.stderr).toContain('checksums of pgdata differ for instance 0');
    });

    it('fails the copy when the volume cannot be read on the agent', async () => {
      const { run } = await rig();
      expect(run('stop').status).toBe(0);
      const copy = run('copy', { SUDO: 'false' });
      expect(copy.status).not.toBe(0);
      expect(copy.stderr).toMatch(/error: reading .*prod_db#pgdata#uuid-a on agent-a failed/);
    });

    it('rolls back by stopping the StatefulSet and scaling the app back to its instances', async () => {
      const { marathon, kube, run } = await rig();
      expect(run('stop').status).toBe(0);
      const rollback = run('rollback');
      expect(rollback.status).toBe(0);
      expect(await readFile(path.join(marathon, 'puts.log'), 'utf8')).toBe('{"instances": 0}\n{"instances": 2}\n');
      expect(await readFile(path.join(kube, 'kubectl.log'), 'utf8')).toContain('-n prod scale statefulset db --replicas=0');
    });
  });
});
