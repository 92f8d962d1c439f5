import { isSelfApproval } from './participant.ts';

/**
 * Where a requested review stands: nobody answered yet, approved, changes requested, or
 * `stale` — approved, but the report's text changed since (policy `dismissStaleApprovals`), so
 * the reviewer is pending again; the earlier decision stays on the row for the record.
 */
export const reviewStatuses = ['pending', 'approved', 'changes_requested', 'stale'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** What a reviewer answers. */
export const reviewDecisions = ['approved', 'changes_requested'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/**
 * A review asked of one person or of a team (any one of its members answers for it). `role`
 * says in which capacity the review counts (`security`, `legal`, …): a team's request takes the
 * team's key unless told otherwise, a person's has none unless given one.
 */
export interface ReviewRequest {
  id: string;
  postmortemId: string;
  /** Exactly one of `reviewerUserId` and `team` is set. */
  reviewerUserId: string | null;
  team: string | null;
  role: string | null;
  status: ReviewStatus;
  /** The reviewer's comment with their decision (why changes are needed, what was checked). */
  comment: string | null;
  requestedById: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
}

/** What deciding about approvals needs to know of the report and the policy. */
export interface ApprovalContext {
  /** The account that opened the postmortem (its author). */
  authorUserId: string | null | undefined;
  /** The policy's `authorMayApprove`. */
  authorMayApprove: boolean | undefined;
}

type Decided = Pick<ReviewRequest, 'status' | 'decidedById'>;

/**
 * True when a request's approval counts: it is approved, and not by the report's own author
 * unless the policy allows that (an approval is a second person's reading).
 */
export function countsAsApproval(request: Decided, context: ApprovalContext): boolean {
  return (
    request.status === 'approved' &&
    (Boolean(context.authorMayApprove) ||
      !isSelfApproval(request.decidedById, context.authorUserId))
  );
}

/**
 * True when `actorId` may answer the request: the requested person, or any member of the
 * requested team (`teamMemberIds`: the accounts of that team).
 */
export function mayDecide(
  request: Pick<ReviewRequest, 'reviewerUserId' | 'team'>,
  actorId: string,
  teamMemberIds: readonly string[],
): boolean {
  return request.reviewerUserId !== null
    ? request.reviewerUserId === actorId
    : teamMemberIds.includes(actorId);
}

/**
 * The roles among `roles` that no counted approval covers yet. The seam for processes that need
 * reviews in a given capacity (a security incident's security and legal reviews): empty means
 * every one of them approved.
 */
export function missingApprovalRoles(
  requests: ReadonlyArray<Pick<ReviewRequest, 'role' | 'status' | 'decidedById'>>,
  roles: readonly string[],
  context: ApprovalContext,
): string[] {
  const approved = new Set(
    requests.filter((r) => r.role !== null && countsAsApproval(r, context)).map((r) => r.role),
  );
  return roles.filter((role) => !approved.has(role));
}

/** The requests still waiting for an answer, or whose reviewer asked for changes. */
export function openReviewRequests<T extends Pick<ReviewRequest, 'status'>>(
  requests: readonly T[],
): T[] {
  return requests.filter((r) => r.status !== 'approved');
}

/**
 * The people whose approval counts, each once: participants with the reviewer role who ticked
 * "approved" and answered requests, leaving out the report's author unless the policy allows.
 */
export function countedApprovers(
  participants: ReadonlyArray<{
    id: string;
    userId: string | null;
    role: string;
    approvedAt: Date | null;
  }>,
  requests: ReadonlyArray<Pick<ReviewRequest, 'id' | 'status' | 'decidedById'>>,
  context: ApprovalContext,
): Set<string> {
  return new Set([
    ...participants
      .filter(
        (p) =>
          p.role === 'reviewer' &&
          p.approvedAt &&
          (context.authorMayApprove || !isSelfApproval(p.userId, context.authorUserId)),
      )
      .map((p) => p.userId ?? p.id),
    ...requests.filter((r) => countsAsApproval(r, context)).map((r) => r.decidedById ?? r.id),
  ]);
}
