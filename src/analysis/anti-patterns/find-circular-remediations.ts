import type { ActionItem } from '../../domain/action-item.ts';
import type { AntiPatternFinding } from './anti-pattern-finding.ts';
import { serviceRoleIn } from './remediation-wording.ts';
import { dependencyPathsTo, type ServiceGraph } from './service-graph.ts';

/** What the circular-remediation detector reads. */
export interface CircularRemediationInput {
  actionItems: ReadonlyArray<
    Pick<ActionItem, 'id' | 'title' | 'kind' | 'status' | 'successCriterion' | 'reliesOnServices'> &
      Partial<Pick<ActionItem, 'services'>>
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

interface Reliance {
  path: string[];
  certain: boolean;
}

const better = (a: Reliance, b: Reliance | undefined) =>
  !b || (a.certain && !b.certain) || (a.certain === b.certain && a.path.length < b.path.length);

/**
 * Circular remediation: a fix that relies on a service that failed in this incident, directly
 * or through the catalogue's `depends_on` edges, for its detection, notification, rollback or
 * delivery. A fix that works on the failed service itself ("harden slack-proxy") or moves away
 * from it ("page without chat") is not circular. What an item relies on: its `reliesOnServices`
 * (certain: an error), and catalogue names in its title or success criterion whose wording says
 * it goes through them ("page via alerting", "the statuspage-bot posts"; or, with no telling
 * words, an item of a kind that leans on a channel: detect, mitigate, process), which is read,
 * not declared: a warning. One finding per item, the most certain and shortest path first.
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
    const text = `${item.title}\n${item.successCriterion ?? ''}`;
    const declared = new Set(item.reliesOnServices.map((s) => s.toLowerCase()));
    const changed = new Set((item.services ?? []).map((s) => s.toLowerCase()));
    const mentioned = new Set(mentionedServices(text, matchers));
    let best: Reliance | undefined;
    for (const service of new Set([...declared, ...mentioned])) {
      const path = pathFrom(service);
      if (!path) {
        continue;
      }
      const role = mentioned.has(service) ? serviceRoleIn(text, service, item.kind) : 'unclear';
      const worksOnFailedService =
        path.length === 1 && (role === 'hardens' || (changed.has(service) && role !== 'relies-on'));
      if (role === 'decouples' || worksOnFailedService) {
        continue;
      }
      const reliance = { path, certain: declared.has(service) };
      if ((reliance.certain || role === 'relies-on') && better(reliance, best)) {
        best = reliance;
      }
    }
    if (best) {
      findings.push(toFinding(item, best));
    }
  }
  return findings;
}

function toFinding(
  item: Pick<ActionItem, 'id' | 'title'>,
  { path, certain }: Reliance,
): AntiPatternFinding {
  const failedService = path.at(-1) ?? '';
  const how = path.length === 1 ? `relies on ${failedService}` : `relies on ${path.join(' → ')}`;
  return {
    rule: 'circular-remediation',
    severity: certain ? 'error' : 'warning',
    message: `"${item.title}" ${how}, which failed in this incident${certain ? '' : ' (read from its wording)'}.`,
    target: { type: 'action_item', id: item.id },
    suggestion: certain
      ? `Make the fix work when ${failedService} is down: an independent path (another channel, provider or region).`
      : `If the fix goes through ${path[0]}, make it work when ${failedService} is down; if not, reword it (or list what it relies on) to say so.`,
  };
}
