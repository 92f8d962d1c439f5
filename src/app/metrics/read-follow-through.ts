import {
  computeFollowThrough,
  type FollowThrough,
} from '../../analysis/metrics/compute-follow-through.ts';
import {
  computePhaseCycleTimes,
  type PhaseCycleTime,
} from '../../analysis/metrics/compute-phase-cycle-times.ts';
import { countFactorCategories } from '../../analysis/metrics/count-factor-categories.ts';
import { findRecurrences, type Recurrence } from '../../analysis/metrics/find-recurrences.ts';
import type { Actor } from '../../domain/user.ts';
import { followThroughRepository } from '../../storage/repositories/follow-through-repository.ts';
import { listPhaseClocks } from '../../storage/repositories/postmortem-clocks-repository.ts';
import { themeCandidatesRepository } from '../../storage/repositories/theme-candidates-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** Follow-through of fixes and the contributing-factor categories over time. */
export interface LearningMetrics {
  followThrough: FollowThrough;
  factorCategories: Array<{ month: string; counts: Record<string, number> }>;
  /** Postmortem cycle time per phase against the policy's due dates. */
  phaseCycleTimes: PhaseCycleTime[];
  /** Reviews whose root causes came back on the same services: did the fix hold? */
  recurrences: Recurrence[];
}

/**
 * Whether fixes are carried through and which kinds of cause keep coming back, over the
 * postmortems the actor may see (restricted ones only for their members and admins).
 */
export async function readLearningMetrics(deps: AppDeps, actor: Actor): Promise<LearningMetrics> {
  const today = deps.clock().toISOString().slice(0, 10);
  const items = await followThroughRepository.listActionItems(deps.db, actor);
  const factors = await followThroughRepository.listFactorCategories(deps.db, actor);
  const reviews = await followThroughRepository.listReviewedCauses(deps.db, actor);
  const incidents = await themeCandidatesRepository.listIncidents(deps.db, actor, {
    since: new Date(0),
    until: new Date('9999-12-31T00:00:00Z'),
  });
  return {
    followThrough: computeFollowThrough(items, today),
    factorCategories: countFactorCategories(factors),
    phaseCycleTimes: computePhaseCycleTimes(
      await listPhaseClocks(deps.db, actor),
      deps.policy,
      today,
    ),
    recurrences: findRecurrences(reviews, incidents),
  };
}
