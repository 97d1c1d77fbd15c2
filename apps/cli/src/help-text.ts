// Help pages are written for someone with a Marathon estate and a deadline: what the command does,
// the flags grouped by purpose, and examples that work as written.

export const MAIN_HELP = `migrate: move Marathon / DC/OS workloads to Kubernetes, with nothing lost silently

Usage
  migrate <command> [flags]

Commands
  plan      Read a Marathon (URL, file or snapshot), write Kubernetes manifests and a report
  capture   Save what a Marathon serves to a snapshot file, to plan offline and reproducibly
  apply     Roll a reviewed plan out to a cluster in dependency waves, verify it, resume it
  target    List, show or capture the target cluster profiles the checkers use
  explain   Explain a rule id (e.g. csi/driver-missing) or an error code (e.g. BATON2002)
  plugins   List the plugins that are loaded, with their versions and rules

Global flags
  -h, --help       Show help (also: migrate <command> --help)
  -v, --version    Show the version

Examples
  migrate plan --from http://marathon.example:8080 --out plan/
  migrate plan --from https://dcos.example/service/marathon --token "$DCOS_TOKEN" --target eks
  migrate capture --from http://marathon.example:8080 --out estate.json
  migrate plan --from estate.json --out plan/ --fail-on warning
  migrate apply plan/ --context prod --dry-run server

Exit status
  0 done; 1 findings at or above --fail-on; 2 usage or input error;
  3 source or target unreachable; 4 a plugin failed
`;

export const PLAN_HELP = `migrate plan: turn Marathon apps, pods and groups into Kubernetes manifests

Usage
  migrate plan --from <url|file|-> [--out <dir>] [flags]

Source
  --from <url|file|->      Marathon API root (http://host:8080, https://<dcos>/service/marathon),
                           a JSON file (one app, {"apps": [...]}, an array of apps or pods, a group,
                           a /v2/groups response, one pod) or a snapshot from \`migrate capture\`;
                           \`-\` reads the same from standard input
  --only <id>              Plan only this app, pod or group (repeatable)
  --exclude <id>           Leave out this app, pod or group (repeatable)
  --label <selector>       Marathon label selector: key, key==v, key!=v, key in (a,b), key notin (a,b)
  --token <jwt>            DC/OS token (Authorization: token=...); env BATON_MARATHON_TOKEN
  --user <user:password>   HTTP basic credentials; env BATON_MARATHON_USER
  --ca-cert <file>         PEM file of the CA that signed Marathon's certificate
  --insecure               Do not verify Marathon's TLS certificate
  --timeout <ms>           Per-request time limit (default 30000)

Target
  --target <profile>       Built-in cluster profile: kind, k3s, kubeadm-calico, kubeadm-flannel, eks,
                           eks-netpol, gke, gke-autopilot, aks, openshift (see \`migrate target list\`)
  --facts <file>           A profile captured with \`migrate target capture\` (or a file of overrides)
  --context <ctx>          Read the live cluster of this kubeconfig context instead (--kubeconfig <file>)
  --kube-version <1.NN>    Kubernetes minor to write and validate for (default: the profile's)

Config and plugins
  --config <file>          baton.config.{ts,mjs,js,json,yaml} to use (default: the first one found
                           from the working directory up); rules, mappings, image rules, overrides
  --no-config              Ignore any config file
  --plugin <package|path>  Load a plugin (repeatable), resolved from the working directory; its
                           readers are asked before the built-in Marathon reader

Output
  --out <dir>              Plan directory (default ./baton-plan), replaced atomically:
                             plan.json (schema: @baton/core/plan.schema.json), report.html,
                             report.md, report.sarif, manifests/<namespace>/<workload>.yaml,
                             kustomization.yaml files (kubectl apply -k <dir>/manifests)
  --secrets <mode>         skeleton (Secrets without data, default) or external-secrets
  --namespaces <rule>      top-group (default: the top-level group), flat, depth:<n>, or map:<file>
                           (YAML/JSON of group prefix -> namespace; the longest prefix wins)
  --service-type <type>    ClusterIP (default), NodePort, LoadBalancer or headless
  --ingress <mode>         marathon-lb HAPROXY_* labels to Ingress (default), gateway (HTTPRoute) or none
  --gateway <ns>/<name>[#<section>]   Parent Gateway of the HTTPRoutes (with --ingress gateway)
  --ingress-class <group>=<class>     IngressClass for a marathon-lb group (repeatable)
  --layout <layout>        files (default), kustomize (base + overlay per namespace) or helm (a chart)
  --stdout                 Print all manifests as one stream (kubectl apply -f -); no directory unless --out
  --base-image <image>     Image for command-only apps (default debian:12-slim)
  --network-policies       Also write NetworkPolicies reproducing Marathon network isolation
  --format <table|json|sarif>
                           What to print on stdout: a table (default), plan.json, or
                           SARIF 2.1.0 for code scanning (the same as <dir>/report.sarif)
  --fail-on <level>        Exit 1 when a finding reaches error (default), warning, or never
  --quiet                  No progress on stderr (progress shows only when stderr is a terminal)
  --debug                  Stack traces for internal errors

Examples
  migrate plan --from http://127.0.0.1:8080 --out plan/ --target kind
  curl -s http://marathon:8080/v2/groups | migrate plan --from - --out plan/
  migrate plan --from apps.json --only /prod/web --format json | jq .summary
  migrate plan --from estate.json --out plan/ --format sarif > baton.sarif

Exit status
  0 done; 1 findings at or above --fail-on; 2 usage or input error;
  3 Marathon unreachable; 4 a plugin failed
`;

export const CAPTURE_HELP = `migrate capture: save a Marathon's definitions for offline, reproducible planning

Usage
  migrate capture --from <url> [--out <file>] [source flags]

Reads /v2/info, /v2/groups (apps, pods, groups), /v2/deployments and /v2/queue and writes a
versioned snapshot. No credential is ever written. \`migrate plan --from <file>\` replays it to the
same plan, byte for byte.

Flags
  --from <url>             Marathon API root
  --out <file>             Snapshot file (default: standard output)
  --token, --user, --ca-cert, --insecure, --timeout   as for \`migrate plan\`

Example
  migrate capture --from https://dcos.example/service/marathon --token "$DCOS_TOKEN" --out estate.json
`;

export const TARGET_HELP = `migrate target: the cluster profiles Baton checks plans against

Usage
  migrate target list                  Built-in profiles
  migrate target show <profile>        One profile as JSON (pod network, storage, admission)
  migrate target capture [--context <ctx>] [--kubeconfig <file>] > facts.json
                                       Read a live cluster's facts for --facts

Checkers never guess the cluster: every capability they use comes from the profile, and values
the reference could not verify are marked "unverified".
`;

export const EXPLAIN_HELP = `migrate explain: what a rule or an error code means and what to do

Usage
  migrate explain <ruleId|errorCode>
  migrate explain --list

Examples
  migrate explain csi/access-mode-unsupported
  migrate explain BATON2002
`;

export const PLUGINS_HELP = `migrate plugins: list the loaded plugins, their versions and what they contribute

Usage
  migrate plugins [--format table|json] [--config <file> | --no-config] [--plugin <package|path>]...

Lists the built-in plugins, then those the config file's \`plugins\` and --plugin name, with where
each came from. Nothing is loaded that is not named: node_modules is never scanned.
`;
