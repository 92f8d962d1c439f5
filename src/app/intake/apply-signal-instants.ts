import type { Incident, KeyInstantName, KeyInstants } from '../../domain/incident.ts';
import { findInstantOrderViolations } from '../../domain/incident.ts';
import type { KeyInstantProposal } from '../../importers/imported-event.ts';

/** What became of each proposed instant. */
export interface InstantOutcome {
  name: KeyInstantName;
  at: string;
  source: string;
  outcome: 'set' | 'proposed';
  reason?: string;
}

function replaces(name: KeyInstantName, current: KeyInstants[KeyInstantName], at: Date): boolean {
  if (current === undefined) {
    return true;
  }
  // First firing and first acknowledgement win; the last resolution wins.
  return name === 'resolved_at'
    ? at.getTime() > current.at.getTime()
    : at.getTime() < current.at.getTime();
}

/**
 * Applies a source's key-instant proposals to an incident's instants with provenance. An
 * instant a person set (`manual`) is never overwritten, and nothing that would put the
 * instants out of order is applied: those stay proposals, with the reason.
 */
export function applySignalInstants(
  incident: Incident,
  proposals: KeyInstantProposal[],
): { instants: KeyInstants; outcomes: InstantOutcome[] } {
  let instants: KeyInstants = { ...incident.instants };
  const outcomes: InstantOutcome[] = [];
  for (const proposal of proposals) {
    const current = instants[proposal.name];
    const base = { name: proposal.name, at: proposal.at.toISOString(), source: proposal.source };
    if (current?.source === 'manual') {
      outcomes.push({ ...base, outcome: 'proposed', reason: 'set by a person' });
      continue;
    }
    if (!replaces(proposal.name, current, proposal.at)) {
      continue;
    }
    const next: KeyInstants = {
      ...instants,
      [proposal.name]: { at: proposal.at, source: proposal.source, precision: 'exact' },
    };
    if (findInstantOrderViolations(next).length > 0) {
      outcomes.push({
        ...base,
        outcome: 'proposed',
        reason: 'out of order with the other instants',
      });
      continue;
    }
    instants = next;
    outcomes.push({ ...base, outcome: 'set' });
  }
  return { instants, outcomes };
}
