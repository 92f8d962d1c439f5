/** A review with what it found and when its fixes were in place. */
export interface ReviewedCause {
  postmortemId: string;
  title: string;
  incidentIds: string[];
  services: string[];
  /** Categories of its root causes. */
  rootCauseCategories: string[];
  /** When its incidents happened (the latest of them). */
  occurredAt: Date;
  /** When the last of its action items was verified; null while any is not. */
  fixesVerifiedAt: Date | null;
}

/** A later incident, with the categories of its own review's causes if it has one. */
export interface LaterIncident {
  id: string;
  number: number;
  title: string;
  services: string[];
  factorCategories: string[];
  occurredAt: Date;
}

/** A review whose causes came back: the incidents that match it, before or after its fixes. */
export interface Recurrence {
  postmortemId: string;
  title: string;
  incidents: Array<{ id: string; number: number; title: string; afterFixesVerified: boolean }>;
  /** False when an incident matched after every fix was verified: the fix did not hold. */
  fixHeld: boolean;
}

const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * "Did the fix hold?": for each review with root causes, the later incidents on one of its
 * services whose own causes (when known) share a root-cause category with it. An incident that
 * happens after every fix was verified means the fix did not hold.
 */
export function findRecurrences(
  reviews: readonly ReviewedCause[],
  incidents: readonly LaterIncident[],
): Recurrence[] {
  return reviews
    .filter((review) => review.rootCauseCategories.length > 0 && review.services.length > 0)
    .flatMap((review) => {
      const matches = incidents
        .filter(
          (incident) =>
            !review.incidentIds.includes(incident.id) &&
            incident.occurredAt > review.occurredAt &&
            shares(incident.services, review.services) &&
            (incident.factorCategories.length === 0 ||
              shares(incident.factorCategories, review.rootCauseCategories)),
        )
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
        .map((incident) => ({
          id: incident.id,
          number: incident.number,
          title: incident.title,
          afterFixesVerified:
            review.fixesVerifiedAt !== null && incident.occurredAt > review.fixesVerifiedAt,
        }));
      if (matches.length === 0) {
        return [];
      }
      return [
        {
          postmortemId: review.postmortemId,
          title: review.title,
          incidents: matches,
          fixHeld: !matches.some((match) => match.afterFixesVerified),
        },
      ];
    });
}
