import { reviewRequestsRepository } from '../../storage/repositories/review-requests-repository.ts';
import { type PartKind, partRemover } from '../parts/part-write.ts';

const kind: PartKind = { type: 'review_request', label: 'Review request' };

/** Withdraws a requested review (asked of the wrong person, or no longer needed). */
export const withdrawReview = partRemover(kind, reviewRequestsRepository, (r) => ({
  reviewerUserId: r.reviewerUserId,
  team: r.team,
  status: r.status,
}));
