/** The dependency graph of the service catalogue: service name → names it depends on. */
export type ServiceGraph = ReadonlyMap<string, readonly string[]>;

/** Builds a graph keyed by lower-cased name, so that "Chat" and "chat" are one service. */
export function buildServiceGraph(
  services: ReadonlyArray<{ name: string; dependsOn: readonly string[] }>,
): ServiceGraph {
  const graph = new Map<string, string[]>();
  for (const service of services) {
    const key = service.name.toLowerCase();
    graph.set(key, [...(graph.get(key) ?? []), ...service.dependsOn.map((d) => d.toLowerCase())]);
  }
  return graph;
}

/**
 * Shortest paths along `depends_on` edges to any of `targets`: one breadth-first search
 * backwards from the targets, so that asking for many starts costs one traversal. The
 * returned function gives the path from `start` (both ends included; `[start]` when start is
 * itself a target) or `undefined` when no target is reachable. Cycles are harmless.
 */
export function dependencyPathsTo(
  graph: ServiceGraph,
  targets: ReadonlySet<string>,
): (start: string) => string[] | undefined {
  const dependents = new Map<string, string[]>();
  for (const [service, dependencies] of graph) {
    for (const dependency of dependencies) {
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), service]);
    }
  }
  const nextHop = new Map<string, string | null>([...targets].map((t) => [t, null]));
  const queue = [...targets];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] as string;
    for (const dependent of dependents.get(current) ?? []) {
      if (!nextHop.has(dependent)) {
        nextHop.set(dependent, current);
        queue.push(dependent);
      }
    }
  }
  return (start) => {
    let step: string | null | undefined = start.toLowerCase();
    if (!nextHop.has(step)) {
      return undefined;
    }
    const path: string[] = [];
    while (step) {
      path.push(step);
      step = nextHop.get(step);
    }
    return path;
  };
}

/** The shortest path from `start` to any of `targets` (see `dependencyPathsTo`). */
export function findDependencyPath(
  graph: ServiceGraph,
  start: string,
  targets: ReadonlySet<string>,
): string[] | undefined {
  return dependencyPathsTo(graph, targets)(start);
}
