// Image overrides and registry rewrites from the config's `images` key.

export interface ImageRules {
  /** Exact reference (`nginx:1.19`) or repository (`acme/api`, any tag) → replacement. */
  readonly overrides?: Readonly<Record<string, string>>;
  /** Registry host (`registry.dcos.example:5000`, `docker.io`) → new registry or `registry/prefix`. */
  readonly registries?: Readonly<Record<string, string>>;
}

interface ImageParts {
  /** Registry host; `docker.io` when the reference names none. */
  readonly registry: string;
  /** Repository path; `library/x` for Docker Hub official images. */
  readonly path: string;
  /** `:tag` and/or `@digest` as written, or ''. */
  readonly suffix: string;
}

/** Splits a reference the way Docker does: a first segment with `.` or `:`, or `localhost`, is a registry. */
export function parseImageRef(ref: string): ImageParts {
  const at = ref.indexOf('@');
  const withoutDigest = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at) : '';
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const tag = colon > slash ? withoutDigest.slice(colon) : '';
  const name = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? name.slice(first.length + 1) : name;
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { registry: registry === 'index.docker.io' || registry === 'registry-1.docker.io' ? 'docker.io' : registry, path, suffix: `${tag}${digest}` };
}

const repositoryOf = (parts: ImageParts) => `${parts.registry}/${parts.path}`;

/** The reference after `images.overrides` then `images.registries`; the input when no rule applies. */
export function rewriteImage(ref: string, rules: ImageRules): string {
  let result = ref;
  const parts = parseImageRef(ref);
  for (const [from, to] of Object.entries(rules.overrides ?? {})) {
    const key = parseImageRef(from);
    if (key.suffix !== '') {
      if (repositoryOf(key) === repositoryOf(parts) && key.suffix === parts.suffix) {
        result = to;
        break;
      }
    } else if (repositoryOf(key) === repositoryOf(parts)) {
      result = `${to}${parts.suffix}`;
      break;
    }
  }
  const current = parseImageRef(result);
  for (const [from, to] of Object.entries(rules.registries ?? {})) {
    const registry = from === 'index.docker.io' || from === 'registry-1.docker.io' ? 'docker.io' : from;
    if (current.registry === registry) return `${to.replace(/\/+$/, '')}/${current.path}${current.suffix}`;
  }
  return result;
}
