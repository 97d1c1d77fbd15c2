import type { Artifact, Container, EnvVar, JsonPointer, SecretDeclaration, Workload } from '@baton/core';
import { withoutPasswords, type PlaintextSecret } from './plaintext-secrets.js';

/**
 * Takes plain-text credentials out of the model, so that no writer can copy them into a file:
 * a credential env value becomes a reference to a new secret declaration (marked `plaintext`, its
 * `source` the definition's pointer), a URI with a password keeps its password only in such a
 * secret, and a credential label is left out of the metadata.
 */
export function movePlaintextSecrets(workload: Workload, found: readonly PlaintextSecret[]): Workload {
  if (found.length === 0) return workload;
  const byPointer = new Map(found.map((secret) => [secret.pointer, secret]));
  const taken = new Set(workload.secrets.map((declaration) => declaration.name));
  const added: SecretDeclaration[] = [];
  const declare = (wanted: string, pointer: JsonPointer): string => {
    let name = wanted;
    for (let suffix = 2; taken.has(name); suffix++) name = `${wanted}-${suffix}`;
    taken.add(name);
    // the workload id, not the origin: a plan replayed from a snapshot must name the same source
    added.push({ name, source: `${workload.id}#${pointer}`, pointer, plaintext: true });
    return name;
  };
  // pod-level environment is shared by every container: one secret per source variable
  const envSecrets = new Map<JsonPointer, string>();
  const moveEnv = (variable: EnvVar): EnvVar => {
    if ('secret' in variable || !byPointer.has(variable.pointer)) return variable;
    let secret = envSecrets.get(variable.pointer);
    if (secret === undefined) {
      secret = declare(`env-${variable.name}`, variable.pointer);
      envSecrets.set(variable.pointer, secret);
    }
    return { name: variable.name, secret, pointer: variable.pointer };
  };
  let artifacts = 0;
  const moveArtifact = (artifact: Artifact): Artifact => {
    const secret = found.find((entry) => entry.kind === 'uri' && (entry.pointer === artifact.pointer || entry.pointer === `${artifact.pointer}/uri`));
    if (!secret || artifact.uriSecret !== undefined) return artifact;
    return { ...artifact, uri: withoutPasswords(artifact.uri), uriSecret: declare(`artifact-uri-${artifacts++}`, secret.pointer) };
  };
  const containerLabel = /\/containers\/\d+\/labels\/[^/]*$/;
  const labelKeys = (where: (pointer: JsonPointer) => boolean) =>
    new Set(found.filter((entry) => entry.kind === 'label' && where(entry.pointer)).map((entry) => entry.name));
  const withoutLabels = (labels: Readonly<Record<string, string>>, keys: ReadonlySet<string>) =>
    keys.size === 0 ? labels : Object.fromEntries(Object.entries(labels).filter(([key]) => !keys.has(key)));
  const moveContainer = (container: Container): Container => ({
    ...container,
    env: container.env.map(moveEnv),
    artifacts: container.artifacts.map(moveArtifact),
    labels: withoutLabels(container.labels, labelKeys((pointer) => pointer.startsWith(`${container.pointer}/labels/`))),
  });
  const moved: Workload = {
    ...workload,
    containers: workload.containers.map(moveContainer),
    ...(workload.initContainers ? { initContainers: workload.initContainers.map(moveContainer) } : {}),
    labels: withoutLabels(workload.labels, labelKeys((pointer) => !containerLabel.test(pointer))),
  };
  return { ...moved, secrets: [...workload.secrets, ...added] };
}
