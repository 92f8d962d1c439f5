import type { LabelledReviewRequest } from '../../app/reviews/load-review-requests.ts';

/** A requested review, field by field, instants as ISO text. */
export function presentReviewRequest(r: LabelledReviewRequest) {
  return {
    id: r.id,
    postmortemId: r.postmortemId,
    reviewerUserId: r.reviewerUserId,
    team: r.team,
    role: r.role,
    label: r.label,
    status: r.status,
    comment: r.comment,
    requestedById: r.requestedById,
    decidedById: r.decidedById,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}
