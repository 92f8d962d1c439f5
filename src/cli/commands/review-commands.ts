import { decideReview } from '../../app/reviews/decide-review.ts';
import { listReviews } from '../../app/reviews/list-reviews.ts';
import { requestReview } from '../../app/reviews/request-review.ts';
import { idSchema } from '../../contracts/common.ts';
import { decideReviewBodySchema, requestReviewBodySchema } from '../../contracts/reviews.ts';
import { presentReviewRequest } from '../../server/presenters/present-review-request.ts';
import { UsageError } from '../output/cli-error.ts';
import { formatTable, printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface CommonOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
}

const requireId = (id: string, what: string) => {
  if (!idSchema.safeParse(id).success) {
    throw new UsageError(`"${id}" is not ${what} id (a UUID).`);
  }
};

/** `debrief review list <postmortem-id>`: every requested review, approvals and who is pending. */
export async function reviewList(postmortemId: string, options: CommonOptions): Promise<void> {
  requireId(postmortemId, 'a postmortem');
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const overview = await listReviews(deps, actor, postmortemId);
    const requests = overview.requests.map((r) => presentReviewRequest(r.request));
    const summary = {
      required: overview.required,
      approvals: overview.approvals,
      pending: overview.pending.map((r) => r.label),
    };
    printResult(options.json, { data: requests, summary }, () => [
      ...formatTable([
        ['REVIEWER', 'ROLE', 'STATUS', 'BY', 'COMMENT', 'ID'],
        ...requests.map((r) => [
          r.label,
          r.role ?? '—',
          r.status,
          r.decidedByName ?? '—',
          (r.comment ?? '').slice(0, 60),
          r.id,
        ]),
      ]),
      `${summary.approvals} of ${summary.required} required approvals; pending: ${summary.pending.join(', ') || 'nobody'}.`,
    ]);
  });
}

/** `debrief review request <postmortem-id> --user EMAIL | --team KEY [--role R]`. */
export async function reviewRequest(
  postmortemId: string,
  options: CommonOptions & { user?: string; team?: string; role?: string },
): Promise<void> {
  requireId(postmortemId, 'a postmortem');
  if ((options.user === undefined) === (options.team === undefined)) {
    throw new UsageError('Pass --user <email> or --team <key>, one of them.');
  }
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const userId = options.user ? (await resolveActor(deps, options.user)).id : undefined;
    const body = requestReviewBodySchema.parse({ userId, team: options.team, role: options.role });
    const created = await requestReview(deps, actor, postmortemId, body);
    printResult(options.json, { id: created.id, status: created.status }, () => [
      `Review requested (${created.id}).`,
    ]);
  });
}

/** `debrief review approve|request-changes <review-id> [--comment TEXT]`. */
export async function reviewDecide(
  id: string,
  decision: 'approved' | 'changes_requested',
  options: CommonOptions & { comment?: string },
): Promise<void> {
  requireId(id, 'a review request');
  const body = decideReviewBodySchema.parse({ decision, comment: options.comment });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const { reviewRequestsRepository } = await import(
      '../../storage/repositories/review-requests-repository.ts'
    );
    const current = await reviewRequestsRepository.findById(deps.db, id);
    const saved = await decideReview(deps, actor, id, current?.version ?? 0, body);
    printResult(options.json, { id: saved.id, status: saved.status }, () => [
      decision === 'approved' ? 'Approved.' : 'Changes requested.',
    ]);
  });
}
