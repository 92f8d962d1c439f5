import {
  findInstantOrderViolations,
  type InstantPrecision,
  type KeyInstantName,
  type KeyInstants,
} from './incident.ts';
import {
  compareTimelineEvents,
  type TimelineEvent,
  type TimelineEventKind,
  type TimelineSource,
} from './timeline-event.ts';

/** The key instants the timeline can propose; a person confirms each. */
export const proposableInstants = [
  'started_at',
  'detected_at',
  'acknowledged_at',
  'mitigated_at',
  'resolved_at',
] as const satisfies readonly KeyInstantName[];
export type ProposableInstant = (typeof proposableInstants)[number];

type Evidence = Pick<
  TimelineEvent,
  'id' | 'occurredAt' | 'createdAt' | 'status' | 'kind' | 'text' | 'source' | 'details'
>;

/** One event's say on a key instant: when, how sure, and why. */
export interface InstantHint {
  name: ProposableInstant;
  at: Date;
  precision: InstantPrecision;
  /** Why the event says so, in a few words (`first line of an error burst`). */
  basis: string;
}

/** A proposed key instant: the event that is its evidence, and the other sources' say. */
export interface KeyInstantCandidate {
  name: ProposableInstant;
  proposed: {
    at: Date;
    eventId: string;
    source: TimelineSource;
    precision: InstantPrecision;
    basis: string;
  } | null;
  /** What the other sources suggest (one per source), for a person to prefer. */
  alternatives: Array<{ at: Date; eventId: string; source: TimelineSource; basis: string }>;
  current: KeyInstants[ProposableInstant] | null;
  /** Set when the proposals together are out of order (acknowledged before detected, …). */
  outOfOrderWith: ProposableInstant[];
}

const byKind: Partial<Record<TimelineEventKind, ProposableInstant>> = {
  detection: 'detected_at',
  escalation: 'acknowledged_at',
  mitigation: 'mitigated_at',
  resolution: 'resolved_at',
};
const acknowledgement = /\back(?:nowledged?)?\b/i;
const errorLevels = new Set(['error', 'fatal', 'critical']);

function dateOf(value: unknown, fallback: Date): Date {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  return parsed && Number.isFinite(parsed.getTime()) ? parsed : fallback;
}

/**
 * What one accepted event says about the key instants. Read from systems (`exact`): a
 * detection, an escalation or acknowledgement, a mitigation, a resolution at the event's
 * instant. Inferred (`estimated`): an error burst in a log started at its first line and ended
 * at its last; a metric crossing its threshold the bad way started, and returning ended it.
 */
export function instantHints(event: Evidence): InstantHint[] {
  const hints: InstantHint[] = [];
  const details = event.details ?? {};
  const byItsKind = byKind[event.kind];
  if (byItsKind) {
    const inferred = event.source === 'slack' || event.source === 'document';
    hints.push({
      name: byItsKind,
      at: event.occurredAt,
      precision: inferred || byItsKind === 'mitigated_at' ? 'estimated' : 'exact',
      basis: `a ${event.kind} event`,
    });
  } else if (event.kind !== 'resolution' && acknowledgement.test(event.text)) {
    hints.push({
      name: 'acknowledged_at',
      at: event.occurredAt,
      precision: 'exact',
      basis: 'an acknowledgement',
    });
  }
  if (event.source === 'log' && errorLevels.has(String(details.level ?? '').toLowerCase())) {
    hints.push(
      {
        name: 'started_at',
        at: dateOf(details.first, event.occurredAt),
        precision: 'estimated',
        basis: 'first line of an error burst',
      },
      {
        name: 'mitigated_at',
        at: dateOf(details.last, event.occurredAt),
        precision: 'estimated',
        basis: 'last line of an error burst',
      },
    );
  }
  if (
    event.source === 'metric' &&
    details.rule === 'threshold' &&
    typeof details.alarming === 'boolean'
  ) {
    hints.push({
      name: details.alarming ? 'started_at' : 'mitigated_at',
      at: event.occurredAt,
      precision: 'estimated',
      basis: details.alarming
        ? 'metric crossed its threshold'
        : 'metric returned within its threshold',
    });
  }
  return hints;
}

type Pick1 = { hint: InstantHint; event: Evidence };

/**
 * Each source's say on one instant. Signals that something stopped (the end of an error
 * burst, a metric returning) count at their LAST occurrence in the source; everything else at
 * its first.
 */
function perSource(hinted: Pick1[], name: ProposableInstant): Pick1[] {
  const chosen = new Map<string, Pick1>();
  for (const pick of hinted) {
    if (pick.hint.name !== name) {
      continue;
    }
    const ending =
      name === 'mitigated_at' &&
      pick.hint.precision === 'estimated' &&
      pick.event.kind !== 'mitigation';
    const key = `${pick.event.source}:${ending ? 'end' : 'first'}`;
    const held = chosen.get(key);
    const later = held && pick.hint.at.getTime() > held.hint.at.getTime();
    const earlier = held && pick.hint.at.getTime() < held.hint.at.getTime();
    if (!held || (ending ? later : earlier)) {
      chosen.set(key, pick);
    }
  }
  return [...chosen.values()].sort((a, b) => a.hint.at.getTime() - b.hint.at.getTime());
}

/**
 * Proposes key instants from ACCEPTED events only (the review checkpoint), each with its
 * evidence event, precision and basis: the earliest say among the sources wins, the others
 * stay as alternatives. Started and mitigated are inferred from error bursts, metric
 * crossings, mitigations (a rollback deploy, a chat message declaring it); a set of proposals
 * out of order (acknowledged before detected, …) is flagged on the proposals concerned.
 */
export function proposeKeyInstants(
  events: readonly Evidence[],
  current: KeyInstants,
): KeyInstantCandidate[] {
  const accepted = events.filter((e) => e.status === 'accepted').sort(compareTimelineEvents);
  const hinted = accepted.flatMap((event) => instantHints(event).map((hint) => ({ hint, event })));
  const candidates = proposableInstants.map((name): KeyInstantCandidate => {
    const [best, ...others] = perSource(hinted, name);
    return {
      name,
      proposed: best
        ? {
            at: best.hint.at,
            eventId: best.event.id,
            source: best.event.source,
            precision: best.hint.precision,
            basis: best.hint.basis,
          }
        : null,
      alternatives: others.map((other) => ({
        at: other.hint.at,
        eventId: other.event.id,
        source: other.event.source,
        basis: other.hint.basis,
      })),
      current: current[name] ?? null,
      outOfOrderWith: [],
    };
  });
  const proposed: KeyInstants = {};
  for (const candidate of candidates) {
    if (candidate.proposed) {
      proposed[candidate.name] = candidate.proposed;
    }
  }
  const byName = new Map(
    candidates.map((candidate) => [candidate.name as KeyInstantName, candidate]),
  );
  for (const { earlier, later } of findInstantOrderViolations(proposed)) {
    byName.get(earlier)?.outOfOrderWith.push(later as ProposableInstant);
    byName.get(later)?.outOfOrderWith.push(earlier as ProposableInstant);
  }
  return candidates;
}
