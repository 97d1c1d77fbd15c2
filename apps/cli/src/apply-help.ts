// Help for `migrate apply`, kept apart from help-text.ts so the apply command owns its own page.

export const APPLY_HELP = `migrate apply: roll a plan out to a Kubernetes cluster, wave by wave, without kubectl

Usage
  migrate apply <plan-dir> [flags]

  Applies the manifests of a plan directory (from \`migrate plan --out\`) with server-side apply
  (field manager "baton", strict field validation): namespaces first, then shared objects, then
  each dependency wave once the previous one is healthy (Deployments available, StatefulSets ready).
  It stops at the first wave that is blocked, refused or unhealthy and says why. Progress is kept in
  <plan-dir>/apply-state.json: run the same command again to resume; a finished apply sends nothing.

  Secrets: apply never writes Secret values. It checks that every Secret a wave uses exists (or
  that an ExternalSecret of the plan makes it) and blocks the wave otherwise, naming the Secret.
  Resident apps: the StatefulSet of an app with local volumes waits until its data is moved; run
  <plan-dir>/runbooks/<namespace>/<name>.sh (stop, copy, start, verify, rollback), then apply again.

Cluster
  --kubeconfig <file>      Kubeconfig to use (default $KUBECONFIG, then ~/.kube/config)
  --context <name>         Context of the kubeconfig (default its current context)

What to apply
  --dry-run server         Send everything with dryRun=All: admission (Pod Security, quotas,
                           webhooks), validation and unknown fields become findings; nothing is stored
  --wave <n|namespaces>    Stop after wave n (or after creating the namespaces)
  --only <id>              Apply only this workload (repeatable), with its namespace and shared objects
  --include-blocked        Also apply workloads the plan marks blocked
  --skip-data-move         Start stateful workloads without waiting for their data move (empty volumes)
  --force-conflicts        Take over fields another field manager owns, instead of reporting them

Output
  --timeout <seconds>      How long each wave may take to become healthy (default 300)
  --format <table|json>    What to print on stdout (default table)
  --fail-on <level>        Exit 1 when a finding reaches error (default), warning, or never
  --quiet                  No progress on stderr
  --debug                  Stack traces for internal errors

Examples
  migrate apply plan/ --context staging --dry-run server
  migrate apply plan/ --context prod --wave namespaces
  migrate apply plan/ --context prod --timeout 600
  migrate apply plan/ --context prod --only /prod/payments/api --format json | jq .findings

Exit status
  0 done; 1 findings at or above --fail-on, or a wave blocked, refused or unhealthy;
  2 usage or input error; 3 cluster unreachable or credentials rejected
`;
