import {
  guards,
  isBlank,
  type PostmortemSnapshot,
  type UnmetCondition,
} from './postmortem-guards.ts';
import { type PostmortemPhase, postmortemPhases } from './postmortem-phases.ts';

/** One edge of the lifecycle. Backward edges need a reason; forward edges run guards. */
export interface PhaseTransition {
  from: PostmortemPhase;
  to: PostmortemPhase;
  direction: 'advance' | 'return' | 'reopen';
  guards: ReadonlyArray<keyof typeof guards>;
}

const advance = (
  from: PostmortemPhase,
  to: PostmortemPhase,
  guardCodes: ReadonlyArray<keyof typeof guards>,
): PhaseTransition => ({ from, to, direction: 'advance', guards: guardCodes });

/** The lifecycle as data: forward edges with their guards, then the ways back. */
export const phaseTransitions: readonly PhaseTransition[] = [
  advance('data_gathering', 'analysis', ['INCIDENT_NOT_RESOLVED', 'TIMELINE_EMPTY']),
  advance('analysis', 'documentation', [
    'NO_CAUSES_IDENTIFIED',
    'ROOT_CAUSE_WITHOUT_EVIDENCE',
    'ANALYSIS_MEETING_NOT_RECORDED',
  ]),
  advance('documentation', 'follow_up', [
    'REPORT_SECTION_MISSING',
    'BLAMELESS_FINDINGS_UNWAIVED',
    'ROOT_CAUSE_WITHOUT_ACTION',
    'ACTION_ITEM_WITHOUT_OWNER',
    'ACTION_ITEM_WITHOUT_DUE_DATE',
    'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
    'REVIEWER_APPROVALS_MISSING',
    'REVIEW_PENDING',
    'REVIEW_CHANGES_REQUESTED',
  ]),
  advance('follow_up', 'closed', ['ACTION_ITEMS_NOT_VERIFIED']),
  ...postmortemPhases.flatMap((from, fromIndex) =>
    postmortemPhases.slice(0, fromIndex).map(
      (to): PhaseTransition => ({
        from,
        to,
        direction: from === 'closed' ? 'reopen' : 'return',
        guards: [],
      }),
    ),
  ),
];

/** The edge from `from` to `to`, or `undefined` when the lifecycle has none. */
export function findTransition(
  from: PostmortemPhase,
  to: PostmortemPhase,
): PhaseTransition | undefined {
  return phaseTransitions.find((t) => t.from === from && t.to === to);
}

/** The next phase forward, or `undefined` for `closed`. */
export function nextPhase(phase: PostmortemPhase): PostmortemPhase | undefined {
  return postmortemPhases[postmortemPhases.indexOf(phase) + 1];
}

/** Every unmet condition of a transition, in guard order; empty means it may happen. */
export function evaluateTransition(
  transition: PhaseTransition,
  snapshot: PostmortemSnapshot,
  reason: string | undefined,
): UnmetCondition[] {
  const unmet = transition.guards.flatMap((code) => guards[code](snapshot));
  if (transition.direction !== 'advance' && isBlank(reason)) {
    unmet.push({
      code: 'REASON_REQUIRED',
      message: 'Going back to an earlier phase needs a reason, for the record.',
    });
  }
  return unmet;
}

/** The unmet conditions of the next forward step, for showing what is left to do. */
export function unmetForNextPhase(snapshot: PostmortemSnapshot): {
  next: PostmortemPhase | undefined;
  unmet: UnmetCondition[];
} {
  const next = nextPhase(snapshot.postmortem.phase);
  if (!next) {
    return { next, unmet: [] };
  }
  const transition = findTransition(snapshot.postmortem.phase, next);
  return { next, unmet: transition ? evaluateTransition(transition, snapshot, 'n/a') : [] };
}
