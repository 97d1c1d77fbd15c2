export interface WaveInput {
  readonly id: string;
  /** Absolute ids of workloads or groups this one must start after. */
  readonly dependencies: readonly string[];
}

export interface WavePlan {
  /** Apply wave per workload id (0 first). */
  readonly waves: ReadonlyMap<string, number>;
  /** Dependency cycles, each sorted, in order of their smallest id. */
  readonly cycles: readonly (readonly string[])[];
  /** Dependencies that name nothing in the plan, per workload id. */
  readonly unknown: ReadonlyMap<string, readonly string[]>;
}

/**
 * Topological layering: a workload's wave is one more than the highest wave of what it depends on.
 * A dependency on a group means every workload below it. Members of a cycle (a strongly connected
 * component) share one wave.
 */
export function computeWaves(workloads: readonly WaveInput[]): WavePlan {
  const ids = workloads.map((w) => w.id).sort();
  // Every id and every group above it → the workload ids it covers, so lookups stay O(1).
  const covered = new Map<string, string[]>();
  for (const id of ids) {
    const segments = id.split('/').filter(Boolean);
    for (let length = 1; length <= segments.length; length++) {
      const path = `/${segments.slice(0, length).join('/')}`;
      const list = covered.get(path);
      if (list) list.push(id);
      else covered.set(path, [id]);
    }
  }
  const edges = new Map<string, string[]>();
  const unknown = new Map<string, string[]>();
  for (const workload of [...workloads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const targets = new Set<string>();
    for (const dependency of workload.dependencies) {
      const matches = covered.get(`/${dependency.split('/').filter(Boolean).join('/')}`) ?? [];
      if (matches.length === 0) unknown.set(workload.id, [...(unknown.get(workload.id) ?? []), dependency]);
      for (const id of matches) if (id !== workload.id) targets.add(id);
    }
    edges.set(workload.id, [...targets].sort());
  }

  const components = stronglyConnectedComponents(ids, edges);
  const componentOf = new Map<string, number>();
  components.forEach((members, index) => members.forEach((id) => componentOf.set(id, index)));
  // Tarjan emits a component only after every component it reaches, so dependencies come first.
  const componentWave: number[] = [];
  components.forEach((members, index) => {
    let wave = 0;
    for (const id of members) {
      for (const target of edges.get(id) ?? []) {
        const other = componentOf.get(target)!;
        if (other !== index) wave = Math.max(wave, componentWave[other]! + 1);
      }
    }
    componentWave[index] = wave;
  });

  const waves = new Map<string, number>();
  for (const id of ids) waves.set(id, componentWave[componentOf.get(id)!]!);
  const cycles = components
    .filter((members) => members.length > 1)
    .map((members) => [...members].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return { waves, cycles, unknown };
}

/** Iterative Tarjan, so long dependency chains cannot overflow the stack. */
function stronglyConnectedComponents(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
