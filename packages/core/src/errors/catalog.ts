// The one catalog of tool errors. Codes are permanent: never reuse or renumber one.
// BATON1xxx input and usage, 2xxx source, 3xxx target, 4xxx plugin, 5xxx output.
// Each entry says what happened, why, and what to do; `{{placeholders}}` come from the error's data.

export type ErrorCategory = 'input' | 'source' | 'target' | 'plugin' | 'output';

export interface ErrorDefinition {
  readonly title: string;
  readonly category: ErrorCategory;
  /** Exit status of the CLI when this error ends a run. */
  readonly exitCode: 2 | 3 | 4;
  readonly what: string;
  readonly why: string;
  readonly fix: string;
}

export const ERROR_CATALOG = {
  BATON1001: {
    title: 'Invalid command-line usage',
    category: 'input',
    exitCode: 2,
    what: '{{detail}}',
    why: 'The command line does not match what the command accepts.',
    fix: 'Run `migrate {{command}} --help` for the accepted flags and values.',
  },
  BATON1002: {
    title: 'Input file not found',
    category: 'input',
    exitCode: 2,
    what: 'Cannot read `{{path}}`.',
    why: '{{reason}}',
    fix: 'Check the path given to --from; use `-` to read from standard input.',
  },
  BATON1003: {
    title: 'Input is not valid JSON',
    category: 'input',
    exitCode: 2,
    what: '`{{path}}` is not valid JSON: {{reason}}.',
    why: 'Marathon definitions and snapshots are JSON documents; this file could not be parsed.',
    fix: 'Fix the JSON syntax (a linter such as `jq . {{path}}` shows the line), or capture a fresh copy with `migrate capture`.',
  },
  BATON1004: {
    title: 'Input is not a Marathon definition',
    category: 'input',
    exitCode: 2,
    what: '`{{path}}` holds valid JSON but no Marathon app, pod or group: {{reason}}.',
    why: 'Baton accepts one app, `{"apps": [...]}`, an array of apps or pods, a group, a `/v2/groups` response, one pod, or a Baton snapshot.',
    fix: 'Point --from at a Marathon definition or a Marathon URL; `migrate plan --help` lists the accepted shapes.',
  },
  BATON1005: {
    title: 'Invalid definition',
    category: 'input',
    exitCode: 2,
    what: 'The definition at `{{pointer}}` in `{{path}}` is not usable: {{reason}}.',
    why: 'Marathon itself would reject this definition, so there is nothing faithful to plan from it.',
    fix: 'Correct the field named above (Marathon returns 422 for it too) and plan again.',
  },
  BATON1006: {
    title: 'Duplicate workload id',
    category: 'input',
    exitCode: 2,
    what: 'The id `{{id}}` is defined more than once in `{{path}}`.',
    why: 'Marathon ids are unique across the whole tree; two definitions with one id cannot both be migrated.',
    fix: 'Remove or rename one of the definitions.',
  },
  BATON1007: {
    title: 'Unknown explain topic',
    category: 'input',
    exitCode: 2,
    what: 'There is no rule or error code named `{{topic}}`.',
    why: 'Rule ids look like `csi/driver-missing`; error codes look like `BATON2001`.',
    fix: 'Run `migrate explain --list` to see every rule id and error code.',
  },
  BATON1008: {
    title: 'Unknown target profile',
    category: 'input',
    exitCode: 2,
    what: 'There is no target profile named `{{name}}`.',
    why: 'Profiles are built in or loaded from a facts file.',
    fix: 'Run `migrate target list` for the built-in profiles, or pass --facts <file>.',
  },
  BATON1009: {
    title: 'Input too large',
    category: 'input',
    exitCode: 2,
    what: '`{{path}}` is {{size}} bytes, more than the {{limit}} bytes Baton reads.',
    why: 'A guard against reading the wrong file (an archive, a log) into memory.',
    fix: 'Point --from at a Marathon definition or snapshot.',
  },
  BATON1010: {
    title: 'Invalid target profile',
    category: 'input',
    exitCode: 2,
    what: 'The target profile `{{profile}}` is not usable: {{reason}}.',
    why: 'Profile overrides and facts are merged field by field over a built-in profile and must keep the profile\'s shape.',
    fix: 'Correct the fields named above; `migrate target show {{profile}}` prints the merged profile.',
  },
  BATON2001: {
    title: 'Marathon unreachable',
    category: 'source',
    exitCode: 3,
    what: 'Could not reach Marathon at {{url}}: {{reason}}.',
    why: 'The host did not answer, refused the connection, or the TLS handshake failed.',
    fix: 'Check the URL and the network path; on DC/OS use `https://<cluster>/service/marathon`; add --ca-cert <file> for a private CA.',
  },
  BATON2002: {
    title: 'Marathon rejected the credentials',
    category: 'source',
    exitCode: 3,
    what: 'Marathon at {{url}} answered 401 Unauthorized.',
    why: 'The request carried no credentials or credentials Marathon does not accept.',
    fix: 'Pass --token (BATON_MARATHON_TOKEN) for DC/OS, or --user user:password (BATON_MARATHON_USER) for HTTP basic auth.',
  },
  BATON2003: {
    title: 'Marathon refused access',
    category: 'source',
    exitCode: 3,
    what: 'Marathon at {{url}} answered 403 Forbidden for {{path}}.',
    why: 'The identity is known but lacks permission to read this resource.',
    fix: 'Use an account with `dcos:service:marathon:marathon:services:/` read permission (a partial view would silently omit apps).',
  },
  BATON2004: {
    title: 'Marathon endpoint not found',
    category: 'source',
    exitCode: 3,
    what: 'Marathon at {{url}} answered 404 for {{path}}.',
    why: 'The URL does not point at the Marathon API root, or the group does not exist.',
    fix: 'Use the API root (e.g. `http://marathon:8080` or `https://<dcos>/service/marathon`), without `/v2`.',
  },
  BATON2005: {
    title: 'Marathon answered with an error',
    category: 'source',
    exitCode: 3,
    what: 'Marathon at {{url}} answered {{status}} for {{path}} after {{attempts}} attempt(s): {{reason}}.',
    why: 'The server failed or there is no elected leader.',
    fix: 'Retry later; check `GET /v2/leader` and the Marathon logs.',
  },
  BATON2006: {
    title: 'Marathon response unreadable',
    category: 'source',
    exitCode: 3,
    what: 'Marathon at {{url}} sent a response to {{path}} that is not the expected JSON: {{reason}}.',
    why: 'A proxy or login page may have answered instead of Marathon, or the body was cut off.',
    fix: 'Open the URL in a browser or with curl to see what answers; point --from at the Marathon API root.',
  },
  BATON2007: {
    title: 'Marathon timed out',
    category: 'source',
    exitCode: 3,
    what: 'Marathon at {{url}} did not answer {{path}} within {{timeoutMs}} ms ({{attempts}} attempt(s)).',
    why: 'The server is overloaded or the network path drops packets.',
    fix: 'Retry, or raise --timeout.',
  },
  BATON3001: {
    title: 'Kubernetes cluster unreachable',
    category: 'target',
    exitCode: 3,
    what: 'Could not reach the Kubernetes API for context {{context}}: {{reason}}.',
    why: 'The kubeconfig points at a server that does not answer, or the credentials expired.',
    fix: 'Check `kubectl --context {{context}} version`; plan offline with --target <profile> or --facts <file>.',
  },
  BATON3002: {
    title: 'Invalid facts file',
    category: 'target',
    exitCode: 2,
    what: 'The facts file `{{path}}` is not usable: {{reason}}.',
    why: 'Facts files come from `migrate target capture` and carry a version.',
    fix: 'Capture it again with `migrate target capture --context <ctx> > facts.json`.',
  },
  BATON3003: {
    title: 'No usable kubeconfig',
    category: 'target',
    exitCode: 2,
    what: 'Cannot use the kubeconfig: {{reason}}.',
    why: 'Baton reads the cluster address and credentials from a kubeconfig: --kubeconfig, $KUBECONFIG or ~/.kube/config.',
    fix: 'Pass --kubeconfig <file> and --context <name> (`kubectl config get-contexts` lists the contexts).',
  },
  BATON3004: {
    title: 'Plan directory not usable',
    category: 'target',
    exitCode: 2,
    what: 'Cannot apply the plan in `{{path}}`: {{reason}}.',
    why: 'apply reads plan.json and the manifests `migrate plan --out` wrote; they are missing, of another plan version, or no longer match each other.',
    fix: 'Write the plan again with `migrate plan --out {{path}}`, then apply it.',
  },
  BATON3005: {
    title: 'Kubernetes API failed',
    category: 'target',
    exitCode: 3,
    what: 'The Kubernetes API answered {{status}} to {{request}}: {{reason}}.',
    why: 'The server failed, or refused a request Baton needs to go on (this is not a finding about one object).',
    fix: 'Check the API server and your permissions (`kubectl auth can-i --list`), then run the command again; apply resumes where it stopped.',
  },
  BATON4001: {
    title: 'Plugin failed to load',
    category: 'plugin',
    exitCode: 4,
    what: 'The plugin `{{plugin}}` could not be loaded: {{reason}}.',
    why: 'The package is missing, does not export a plugin factory, or returned an object of the wrong shape.',
    fix: 'Install the plugin next to your config, check its version against @baton/core, or remove it from the config.',
  },
  BATON4002: {
    title: 'Plugin API version unsupported',
    category: 'plugin',
    exitCode: 4,
    what: 'The plugin `{{plugin}}` declares apiVersion {{apiVersion}}; this host supports {{supported}}.',
    why: 'The plugin was built against another version of the plugin contract.',
    fix: 'Upgrade or pin the plugin to a version built for @baton/core {{coreVersion}}.',
  },
  BATON4003: {
    title: 'Plugin failed while running',
    category: 'plugin',
    exitCode: 4,
    what: 'The plugin `{{plugin}}` failed in its {{stage}} stage: {{reason}}.',
    why: 'A reader or writer cannot be skipped: without it there is no plan.',
    fix: 'Run with --debug for the stack, and report it to the plugin author.',
  },
  BATON4004: {
    title: 'No reader for the input',
    category: 'plugin',
    exitCode: 2,
    what: 'No loaded reader accepts `{{input}}`.',
    why: 'Readers claim inputs by URL scheme or file content; none recognised this one.',
    fix: 'Pass a Marathon URL (http:// or https://), a Marathon JSON file, a snapshot, or `-`.',
  },
  BATON4005: {
    title: 'No writer for the target',
    category: 'plugin',
    exitCode: 4,
    what: 'No loaded writer produces `{{target}}`.',
    why: 'The writer for this output is not loaded.',
    fix: 'Load a plugin that contributes a writer for `{{target}}`.',
  },
  BATON4006: {
    title: 'Plugin dependency cycle',
    category: 'plugin',
    exitCode: 4,
    what: 'The plugins depend on each other in a cycle: {{cycle}}.',
    why: 'Plugins declaring `dependsOn` must form an order; a cycle has none.',
    fix: 'Remove one `dependsOn` entry of the plugins named above.',
  },
  BATON5001: {
    title: 'Cannot write the output directory',
    category: 'output',
    exitCode: 2,
    what: 'Could not write the plan to `{{path}}`: {{reason}}.',
    why: 'The directory or its parent is not writable, or the disk is full.',
    fix: 'Choose another --out directory; the previous plan, if any, was left as it was.',
  },
  BATON5002: {
    title: 'Output path escapes the output directory',
    category: 'output',
    exitCode: 4,
    what: 'A writer asked to write `{{path}}`, outside the output directory.',
    why: 'File names derived from ids must stay inside --out.',
    fix: 'This is a bug in the writer plugin; report it with the workload id.',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOG, code);
}
