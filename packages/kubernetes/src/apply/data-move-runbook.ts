import { access, chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmittedFile, PlanDocument } from '@baton/core';
import { objectKey, type KubeObject } from './kube-object.js';
import { loadPlanDirectory, type LoadedPlan } from './load-plan-directory.js';

type Obj = Record<string, any>;

/** Where the runbook of a workload lives, relative to the plan directory. */
export function runbookPath(namespace: string, name: string): string {
  return `runbooks/${namespace}/${name}.sh`;
}

export interface RunbookInput {
  /** Marathon id, e.g. `/prod/db`. */
  readonly id: string;
  /** `app` or `pod` (the Marathon API differs). */
  readonly sourceKind: string;
  readonly namespace: string;
  readonly name: string;
  /** The StatefulSet of the plan, with its volumeClaimTemplates (embedded in the script, applied by `start`). */
  readonly statefulSet: KubeObject;
}

export interface DataMoveRunbook {
  readonly workload: string;
  /** Relative to the plan directory. */
  readonly path: string;
  readonly content: string;
}

const DATA_MIGRATION_RULE = 'kubernetes/persistent-data-migration';

/**
 * One runbook per workload that keeps data on Mesos agents (kind `stateful-service`, or flagged by
 * kubernetes/persistent-data-migration) and became a StatefulSet with volumeClaimTemplates. Pure: the
 * writer can add them to its emitted files, or `writeDataMoveRunbooks` writes them into a plan directory.
 */
export function dataMoveRunbooks(plan: PlanDocument, objects: ReadonlyMap<string, KubeObject>): DataMoveRunbook[] {
  const out: DataMoveRunbook[] = [];
  for (const workload of plan.workloads) {
    if (workload.kind !== 'stateful-service' && !workload.findings.some((f) => f.ruleId === DATA_MIGRATION_RULE)) continue;
    const statefulSet = workload.objects.filter((ref) => ref.kind === 'StatefulSet').map((ref) => objects.get(objectKey(ref)))[0];
    if (!statefulSet || claimTemplatesOf(statefulSet).length === 0) continue;
    out.push({
      workload: workload.id,
      path: runbookPath(workload.namespace, workload.name),
      content: renderDataMoveRunbook({ id: workload.id, sourceKind: workload.sourceKind, namespace: workload.namespace, name: workload.name, statefulSet }),
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The runbooks as files for `writePlanDirectory`, from the plan and the objects the writer produced
 * (e.g. `result.output.workloads.flatMap((w) => w.objects)`), so `migrate plan` writes them atomically.
 */
export function dataMoveRunbookFiles(plan: PlanDocument, objects: Iterable<KubeObject>): EmittedFile[] {
  const byKey = new Map<string, KubeObject>();
  for (const object of objects) byKey.set(objectKey({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) }), object);
  return dataMoveRunbooks(plan, byKey).map((r) => ({ path: r.path, content: r.content }));
}

/** Writes the runbook of one workload unless the plan directory already has it; returns its path. */
export async function ensureDataMoveRunbook(loaded: LoadedPlan, workload: string): Promise<string | undefined> {
  const runbook = dataMoveRunbooks(loaded.plan, loaded.objects).find((r) => r.workload === workload);
  if (!runbook) return undefined;
  const file = path.join(loaded.dir, runbook.path);
  try {
    await access(file);
  } catch {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, runbook.content);
    await chmod(file, 0o755);
  }
  return runbook.path;
}

/** Reads a plan directory and writes `runbooks/<namespace>/<name>.sh` (mode 0755) for it; returns the paths written. */
export async function writeDataMoveRunbooks(planDir: string): Promise<string[]> {
  const loaded = await loadPlanDirectory(planDir);
  const runbooks = dataMoveRunbooks(loaded.plan, loaded.objects);
  for (const runbook of runbooks) {
    const file = path.join(planDir, runbook.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, runbook.content);
    await chmod(file, 0o755);
  }
  return runbooks.map((r) => r.path);
}

interface VolumeLine {
  readonly claim: string;
  readonly containerPath: string;
  readonly mountPath: string;
  readonly spec: Obj;
}

function claimTemplatesOf(statefulSet: KubeObject): Obj[] {
  return ((statefulSet.spec as Obj)?.volumeClaimTemplates ?? []) as Obj[];
}

/** The POSIX sh runbook: parameters first, then one function per step; deterministic, no secrets. */
export function renderDataMoveRunbook(input: RunbookInput): string {
  const spec = (input.statefulSet.spec ?? {}) as Obj;
  const replicas: number = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const containers: Obj[] = spec.template?.spec?.containers ?? [];
  const volumes: VolumeLine[] = claimTemplatesOf(input.statefulSet).map((template) => {
    const claim = String(template.metadata?.name);
    const mountPath: string = containers.flatMap((c) => (c.volumeMounts ?? []) as Obj[]).find((m) => m.name === claim)?.mountPath ?? `/${claim}`;
    // Resident volumes have a single-segment, sandbox-relative containerPath: the last segment of the mount path.
    return { claim, containerPath: mountPath.split('/').filter(Boolean).pop() ?? claim, mountPath, spec: template.spec ?? {} };
  });
  const selector = Object.entries((spec.selector?.matchLabels ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const isPod = input.sourceKind === 'pod';
  const { metadata: stsMetadata, ...stsRest } = input.statefulSet;
  const stsJson = JSON.stringify({ ...stsRest, metadata: { ...stsMetadata, namespace: input.namespace } });

  const lines = [
    '#!/bin/sh',
    `# Data move for Marathon ${isPod ? 'pod' : 'app'} ${input.id} -> StatefulSet ${input.namespace}/${input.name}`,
    '# Generated by Baton from the plan. Review it before running it: it only reads the data on the agents.',
    '#',
    `#   sh ${runbookPath(input.namespace, input.name)} stop      1. scale the Marathon ${isPod ? 'pod' : 'app'} to 0 (reservations and data stay on the agents)`,
    `#   sh ${runbookPath(input.namespace, input.name)} copy      2. copy each instance's volumes into the PVCs of the same ordinal, checksum-verified`,
    `#   sh ${runbookPath(input.namespace, input.name)} start     3. apply the StatefulSet (server-side, field manager baton) and wait until it is ready`,
    `#   sh ${runbookPath(input.namespace, input.name)} verify    4. check every replica is ready and sees the files it was given`,
    `#   sh ${runbookPath(input.namespace, input.name)} rollback     scale the StatefulSet to 0 and the Marathon ${isPod ? 'pod' : 'app'} back to ${replicas}`,
    `#   sh ${runbookPath(input.namespace, input.name)} all       stop, copy, start, verify`,
    '#',
    '# Needs curl, jq, kubectl, and ssh to the Mesos agents as a user that may read the volumes (sudo).',
    'set -eu',
    '',
    '# --- Parameters: edit them here or set them in the environment ---------------------------------',
    'MARATHON_URL="${MARATHON_URL:-}"                  # Marathon API root, e.g. https://dcos.example.com/service/marathon',
    'MARATHON_AUTH_HEADER="${MARATHON_AUTH_HEADER:-}"  # e.g. "Authorization: token=$DCOS_TOKEN": from the environment only',
    'KUBE_CONTEXT="${KUBE_CONTEXT:-}"                  # kubectl context of the target cluster (default: the current one)',
    'MESOS_WORK_DIR="${MESOS_WORK_DIR:-/var/lib/mesos/slave}"  # the agents\' --work_dir (DC/OS: /var/lib/mesos/slave)',
    'SOURCE_ROOTS="${SOURCE_ROOTS:-}"                  # roots of PATH disks holding volumes, space-separated',
    'SSH="${SSH:-ssh}"                                 # how to reach an agent: $SSH <agent> <command>',
    'SUDO="${SUDO-sudo}"                               # prefix for reading the volumes on the agent (SUDO= for none)',
    'COPY_IMAGE="${COPY_IMAGE:-busybox:1.36}"          # image of the helper pods (needs sh, tar, find, sha256sum)',
    'TIMEOUT="${TIMEOUT:-600s}"',
    `SOURCE_KIND=${shQuote(isPod ? 'pod' : 'app')}`,
    `SOURCE_ID=${shQuote(input.id)}`,
    `INSTANCES=${replicas}`,
    `NAMESPACE=${shQuote(input.namespace)}`,
    `STATEFULSET=${shQuote(input.name)}`,
    `SELECTOR=${shQuote(selector)}`,
    '# One line per volume: <claim template> <Marathon containerPath> <mount path in the pod>',
    `VOLUMES=${shQuote(volumes.map((v) => `${v.claim} ${v.containerPath} ${v.mountPath}`).join('\n'))}`,
    'PLAN_DIR="${PLAN_DIR:-$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)}"',
    'STATE_DIR="${STATE_DIR:-$PLAN_DIR/runbooks/.state/$NAMESPACE/$STATEFULSET}"',
    '# A MOUNT disk keeps its volume at the mount point, not under volumes/roles: list such paths in',
    '# $STATE_DIR/sources.txt as "<ordinal> <containerPath> <path on the agent>" lines.',
    '',
    'say() { printf \'%s\\n\' "$*" >&2; }',
    'die() { say "error: $*"; exit 1; }',
    'kc() { if [ -n "$KUBE_CONTEXT" ]; then kubectl --context "$KUBE_CONTEXT" "$@"; else kubectl "$@"; fi; }',
    '',
    '# marathon <path> [curl options]: one Marathon API call.',
    'marathon() {',
    '  [ -n "$MARATHON_URL" ] || die "set MARATHON_URL to the Marathon API root"',
    '  _path=$1',
    '  shift',
    '  if [ -n "$MARATHON_AUTH_HEADER" ]; then',
    '    curl -fsS -H "$MARATHON_AUTH_HEADER" -H "Content-Type: application/json" "$@" "$MARATHON_URL$_path"',
    '  else',
    '    curl -fsS -H "Content-Type: application/json" "$@" "$MARATHON_URL$_path"',
    '  fi',
    '}',
    '',
    '# "<ordinal> <agent> <containerPath> <persistenceId>" per volume of each instance, ordinals by agent then instance id.',
    'list_instances() {',
    isPod
      ? // PodInstanceStatus.localVolumes is documented without its fields; Baton reads containerPath/persistenceId as for app tasks [unverified].
        '  marathon "/v2/pods$SOURCE_ID::status" | jq -r \'[.instances[] | {host: .agentHostname, id: .id, volumes: (.localVolumes // [])}] | sort_by(.host, .id) | to_entries[] | .key as $i | .value as $t | $t.volumes[] | "\\($i) \\($t.host) \\(.containerPath) \\(.persistenceId)"\''
      : '  marathon "/v2/apps$SOURCE_ID/tasks" | jq -r \'[.tasks[] | {host: .host, id: .id, volumes: (.localVolumes // [])}] | sort_by(.host, .id) | to_entries[] | .key as $i | .value as $t | $t.volumes[] | "\\($i) \\($t.host) \\(.containerPath) \\(.persistenceId)"\'',
    '}',
    '',
    'scale_source() {',
    isPod
      ? '  marathon "/v2/pods$SOURCE_ID" | jq --argjson n "$1" \'del(.version) | .scaling.instances = $n\' | marathon "/v2/pods$SOURCE_ID" -X PUT --data-binary @- >/dev/null'
      : '  marathon "/v2/apps$SOURCE_ID" -X PUT --data-binary "{\\"instances\\": $1}" >/dev/null',
    '}',
    '',
    'running_instances() {',
    isPod
      ? '  marathon "/v2/pods$SOURCE_ID::status" | jq \'[.instances[]? | select(.status != "TERMINAL")] | length\''
      : '  marathon "/v2/apps$SOURCE_ID" | jq \'.app.tasksRunning + .app.tasksStaged\'',
    '}',
    '',
    'claim_for() { printf \'%s\\n\' "$VOLUMES" | while read -r _c _p _m; do [ "$_p" = "$1" ] && printf \'%s\\n\' "$_c"; done; }',
    'mount_for() { printf \'%s\\n\' "$VOLUMES" | while read -r _c _p _m; do [ "$_c" = "$1" ] && printf \'%s\\n\' "$_m"; done; }',
    '',
    '# source_path <ordinal> <agent> <containerPath> <persistenceId>: where the volume lives on the agent.',
    'source_path() {',
    '  if [ -f "$STATE_DIR/sources.txt" ]; then',
    '    _given=$(awk -v o="$1" -v c="$3" \'$1 == o && $2 == c { print $3 }\' "$STATE_DIR/sources.txt")',
    '    [ -n "$_given" ] && { printf \'%s\\n\' "$_given"; return 0; }',
    '  fi',
    '  for _root in $MESOS_WORK_DIR $SOURCE_ROOTS; do',
    '    _found=$($SSH "$2" "ls -d $_root/volumes/roles/*/\'$4\' 2>/dev/null" </dev/null || true)',
    '    [ -n "$_found" ] && { printf \'%s\\n\' "$_found" | head -n 1; return 0; }',
    '  done',
    '  die "volume $4 not found on $2 under $MESOS_WORK_DIR $SOURCE_ROOTS (MOUNT disks: see sources.txt above)"',
    '}',
    '',
    '# Checksums of every regular file sorted by path: equal trees give equal lists on any file system.',
    'SUMS=\'find . -type f -exec sha256sum {} + | sort -k 2\'',
    '',
    ...volumes.flatMap((v) => [
      `pvc_${shellName(v.claim)}() {`,
      '  cat <<EOF',
      JSON.stringify({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: '__PVC__', namespace: input.namespace }, spec: v.spec })
        .replace(/[\\$`]/g, (c) => `\\${c}`)
        .replace('"__PVC__"', '"$1"'),
      'EOF',
      '}',
      '',
    ]),
    '# helper_pod <pod> <ordinal>: a pod that mounts the claims of one ordinal at /target/<claim>.',
    'helper_pod() {',
    '  cat <<EOF',
    `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"$1","namespace":"$NAMESPACE","labels":{"app.kubernetes.io/managed-by":"baton-data-move"}},"spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":0,"containers":[{"name":"copy","image":"$COPY_IMAGE","command":["sleep","86400"],"volumeMounts":[${volumes
      .map((v) => `{"name":"v-${v.claim}","mountPath":"/target/${v.claim}"}`)
      .join(',')}]}],"volumes":[${volumes.map((v) => `{"name":"v-${v.claim}","persistentVolumeClaim":{"claimName":"${v.claim}-$STATEFULSET-$2"}}`).join(',')}]}}`,
    'EOF',
    '}',
    '',
    '# The StatefulSet of the plan, as `migrate apply` would apply it.',
    'statefulset_manifest() {',
    "  cat <<'EOF'",
    stsJson,
    'EOF',
    '}',
    '',
    'step_stop() {',
    '  mkdir -p "$STATE_DIR"',
    '  say "1. stop: recording the instances of $SOURCE_ID and their volumes in $STATE_DIR/instances.txt"',
    '  list_instances >"$STATE_DIR/instances.txt"',
    '  [ -s "$STATE_DIR/instances.txt" ] || die "no instance of $SOURCE_ID reports a local volume: nothing to copy"',
    '  _count=$(cut -d " " -f 1 "$STATE_DIR/instances.txt" | sort -u | wc -l | tr -d " ")',
    '  [ "$_count" -eq "$INSTANCES" ] || say "warning: $SOURCE_ID has $_count instance(s) with volumes; the plan expects $INSTANCES"',
    '  say "   scaling $SOURCE_ID to 0 (the reservations and their data stay on the agents)"',
    '  scale_source 0',
    '  _tries=0',
    '  while :; do',
    '    _running=$(running_instances)',
    '    case $_running in \'\' | *[!0-9]*) die "unexpected answer from Marathon about running instances: $_running" ;; esac',
    '    [ "$_running" -gt 0 ] || break',
    '    _tries=$((_tries + 1))',
    '    [ "$_tries" -lt 120 ] || die "$SOURCE_ID still runs after 10 minutes"',
    '    sleep 5',
    '  done',
    '}',
    '',
    'step_copy() {',
    '  [ -s "$STATE_DIR/instances.txt" ] || die "run \'stop\' first: it records which agent holds which volume"',
    '  for _ordinal in $(cut -d " " -f 1 "$STATE_DIR/instances.txt" | sort -un); do',
    '    _pod="baton-move-$STATEFULSET-$_ordinal"',
    '    say "2. copy: instance $_ordinal into pod $_pod"',
    ...volumes.map((v) => `    pvc_${shellName(v.claim)} "${v.claim}-$STATEFULSET-$_ordinal" | kc apply -f - >/dev/null`),
    '    helper_pod "$_pod" "$_ordinal" | kc apply -f - >/dev/null',
    '    kc -n "$NAMESPACE" wait --for=condition=Ready "pod/$_pod" --timeout="$TIMEOUT" >/dev/null </dev/null',
    '    grep "^$_ordinal " "$STATE_DIR/instances.txt" | while read -r _o _agent _cpath _id; do',
    '      _claim=$(claim_for "$_cpath")',
    '      [ -n "$_claim" ] || die "instance $_o has a volume at $_cpath that the plan does not know"',
    '      _src=$(source_path "$_o" "$_agent" "$_cpath" "$_id")',
    '      say "   $_agent:$_src -> $_claim-$STATEFULSET-$_o"',
    '      # sh has no pipefail: the sending side records its own success.',
    '      rm -f "$STATE_DIR/.sent"',
    '      if ! { $SSH "$_agent" "$SUDO tar -C \'$_src\' -cf - ." </dev/null && : >"$STATE_DIR/.sent"; } | kc -n "$NAMESPACE" exec -i "$_pod" -- tar -xf - -C "/target/$_claim"; then',
    '        [ -f "$STATE_DIR/.sent" ] || die "reading $_src on $_agent failed"',
    '        die "writing into $_claim-$STATEFULSET-$_o through pod $_pod failed"',
    '      fi',
    '      [ -f "$STATE_DIR/.sent" ] || die "reading $_src on $_agent failed"',
    '      $SSH "$_agent" "cd \'$_src\' && $SUDO sh -c \'$SUMS\'" </dev/null >"$STATE_DIR/source-$_o-$_claim.sums"',
    '      kc -n "$NAMESPACE" exec "$_pod" -- sh -c "cd /target/$_claim && $SUMS" </dev/null >"$STATE_DIR/target-$_o-$_claim.sums"',
    '      cmp -s "$STATE_DIR/source-$_o-$_claim.sums" "$STATE_DIR/target-$_o-$_claim.sums" || die "checksums of $_claim differ for instance $_o: see $STATE_DIR"',
    '    done',
    '    kc -n "$NAMESPACE" delete pod "$_pod" --wait=true >/dev/null </dev/null',
    '  done',
    '}',
    '',
    'step_start() {',
    '  say "3. start: applying StatefulSet $NAMESPACE/$STATEFULSET (field manager baton, as migrate apply does)"',
    '  statefulset_manifest | kc apply --server-side --field-manager=baton --force-conflicts -f - >/dev/null',
    '  kc -n "$NAMESPACE" rollout status "statefulset/$STATEFULSET" --timeout="$TIMEOUT" </dev/null',
    '}',
    '',
    'step_verify() {',
    '  say "4. verify"',
    '  _ready=$(kc -n "$NAMESPACE" get statefulset "$STATEFULSET" -o "jsonpath={.status.readyReplicas}" </dev/null)',
    '  [ "${_ready:-0}" -ge "$INSTANCES" ] || die "StatefulSet $NAMESPACE/$STATEFULSET has ${_ready:-0} of $INSTANCES replicas ready"',
    '  for _sums in "$STATE_DIR"/source-*.sums; do',
    '    [ -f "$_sums" ] || continue',
    '    _base=${_sums##*/source-}',
    '    _o=${_base%%-*}',
    '    _claim=${_base#*-}',
    '    _claim=${_claim%.sums}',
    '    _want=$(wc -l <"$_sums" | tr -d " ")',
    '    _have=$(kc -n "$NAMESPACE" exec "$STATEFULSET-$_o" -- sh -c "find \'$(mount_for "$_claim")\' -type f | wc -l" </dev/null | tr -d " " || true)',
    '    if [ -z "$_have" ]; then say "   warning: could not count the files in $STATEFULSET-$_o (no sh or find in the image?)"; continue; fi',
    '    [ "$_have" -ge "$_want" ] || die "$STATEFULSET-$_o sees $_have files in $_claim; $_want were copied"',
    '    say "   $STATEFULSET-$_o: $_claim has $_have files ($_want copied)"',
    '  done',
    '  say "verified: $NAMESPACE/$STATEFULSET serves the data of $SOURCE_ID; keep the Marathon reservations until you are sure"',
    '}',
    '',
    'step_rollback() {',
    '  say "rollback: stopping StatefulSet $NAMESPACE/$STATEFULSET and restarting $SOURCE_ID on its agents (their data was only read)"',
    '  kc -n "$NAMESPACE" scale statefulset "$STATEFULSET" --replicas=0 >/dev/null </dev/null || true',
    '  [ -z "$SELECTOR" ] || kc -n "$NAMESPACE" wait --for=delete pod -l "$SELECTOR" --timeout="$TIMEOUT" >/dev/null </dev/null || true',
    '  kc -n "$NAMESPACE" delete pod -l app.kubernetes.io/managed-by=baton-data-move --ignore-not-found >/dev/null </dev/null',
    '  scale_source "$INSTANCES"',
    `  say "the PVCs (${volumes.map((v) => `${v.claim}-$STATEFULSET-<n>`).join(', ')}) are kept for inspection; delete them when done"`,
    '}',
    '',
    'case "${1:-}" in',
    '  stop) step_stop ;;',
    '  copy) step_copy ;;',
    '  start) step_start ;;',
    '  verify) step_verify ;;',
    '  rollback) step_rollback ;;',
    // Separate commands: set -e does not apply inside && lists.
    '  all)',
    '    step_stop',
    '    step_copy',
    '    step_start',
    '    step_verify',
    '    ;;',
    '  *)',
    '    sed -n "2,12p" "$0" >&2',
    '    exit 2',
    '    ;;',
    'esac',
  ];
  return `${lines.join('\n')}\n`;
}

/** Single-quoted for sh. */
function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function shellName(claim: string): string {
  return claim.replace(/[^A-Za-z0-9_]/g, '_');
}
