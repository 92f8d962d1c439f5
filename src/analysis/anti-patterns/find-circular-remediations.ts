import type { ActionItem } from '../../domain/action-item.ts';
import type { AntiPatternFinding } from './anti-pattern-finding.ts';
import { dependencyPathsTo, type ServiceGraph } from './service-graph.ts';

/** What the circular-remediation detector reads. */
export interface CircularRemediationInput {
  actionItems: ReadonlyArray<
    Pick<ActionItem, 'id' | 'title' | 'status' | 'successCriterion' | 'reliesOnServices'>
  >;
  /** Services that failed: the affected services of the postmortem's incidents. */
  failedServices: readonly string[];
  /** The service catalogue's dependency graph (see `buildServiceGraph`). */
  graph: ServiceGraph;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds catalogue names in free text, as whole words (hyphens included), ignoring case. */
export interface ServiceMatcher {
  /** Names made only of word characters and hyphens: looked up per token. */
  simple: ReadonlySet<string>;
  /** Other names (with dots, spaces, …): one pattern each. */
  patterns: ReadonlyArray<[string, RegExp]>;
}

const simpleName = /^[\w-]+$/;

/** Prepares the lookup once per run; most names need no regular expression at all. */
export function compileServiceMatchers(names: Iterable<string>): ServiceMatcher {
  const simple = new Set<string>();
  const patterns: Array<[string, RegExp]> = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (simpleName.test(key)) {
      simple.add(key);
    } else if (key.trim() !== '') {
      patterns.push([key, new RegExp(`(?<![\\w-])${escapeRegExp(key)}(?![\\w-])`, 'i')]);
    }
  }
  return { simple, patterns };
}

/** The catalogue names (lower-cased) mentioned in the text. */
export function mentionedServices(text: string, matcher: ServiceMatcher): string[] {
  const found = new Set<string>();
  for (const token of text.toLowerCase().match(/[\w-]+/g) ?? []) {
    if (matcher.simple.has(token)) {
      found.add(token);
    }
  }
  for (const [name, pattern] of matcher.patterns) {
    if (pattern.test(text)) {
      found.add(name);
    }
  }
  return [...found];
}

/**
 * Circular remediation: a fix (or the detection it adds) that relies on a service that
 * failed in this incident, directly or through the catalogue's `depends_on` edges. The
 * services an item relies on are its `reliesOnServices` plus catalogue names mentioned in
 * its title or success criterion. One finding per item, with the shortest path found.
 */
export function findCircularRemediations(input: CircularRemediationInput): AntiPatternFinding[] {
  const failed = new Set(input.failedServices.map((s) => s.toLowerCase()));
  if (failed.size === 0) {
    return [];
  }
  const pathFrom = dependencyPathsTo(input.graph, failed);
  const matchers = compileServiceMatchers(new Set([...input.graph.keys(), ...failed]));
  const findings: AntiPatternFinding[] = [];
  for (const item of input.actionItems) {
    if (item.status === 'wont_do') {
      continue;
    }
    const relied = new Set([
      ...item.reliesOnServices.map((s) => s.toLowerCase()),
      ...mentionedServices(`${item.title}\n${item.successCriterion ?? ''}`, matchers),
    ]);
    let shortest: string[] | undefined;
    for (const service of relied) {
      const path = pathFrom(service);
      if (path && (!shortest || path.length < shortest.length)) {
        shortest = path;
      }
    }
    if (!shortest) {
      continue;
    }
    const failedService = shortest.at(-1) ?? '';
    const how =
      shortest.length === 1 ? `relies on ${failedService}` : `relies on ${shortest.join(' → ')}`;
    findings.push({
      rule: 'circular-remediation',
      severity: 'error',
      message: `"${item.title}" ${how}, which failed in this incident.`,
      target: { type: 'action_item', id: item.id },
      suggestion: `Make the fix work when ${failedService} is down: an independent path (another channel, provider or region).`,
    });
  }
  return findings;
}
