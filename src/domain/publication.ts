import type { IncidentKind } from './incident.ts';
import type { PostmortemPhase } from './postmortem-phases.ts';
import type { SensitiveProcess } from './publishing-policy.ts';

/** Who reads a publication: every signed-in account, or anyone. */
export const publicationAudiences = ['internal', 'public'] as const;
export type PublicationAudience = (typeof publicationAudiences)[number];

/** A public version is previewed as a draft, then published by its approval. */
export const publicationStatuses = ['draft', 'published'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

/** Why something cannot be published yet; `PUBLICATION_REFUSED` lists every one. */
export interface PublicationRefusal {
  code:
    | 'PHASE_TOO_EARLY'
    | 'APPROVAL_MISSING'
    | 'NOT_A_NAMED_APPROVER'
    | 'NO_PREVIEW'
    | 'NOT_PUBLISHED_INTERNALLY';
  message: string;
  /** The review role whose approval is missing (`APPROVAL_MISSING`). */
  role?: string;
}

/** Phases in which a postmortem may be published: it has reached follow-up. */
export const publishablePhases: readonly PostmortemPhase[] = ['follow_up', 'closed'];

/** The modified process that applies to a review of these incidents, if any. */
export function sensitiveProcessFor(
  processes: readonly SensitiveProcess[] | undefined,
  incidents: ReadonlyArray<{ kind: IncidentKind }>,
): SensitiveProcess | undefined {
  return processes?.find((p) => incidents.some((i) => p.kinds.includes(i.kind)));
}

/**
 * What a publication shows. `full`: the report without its restricted sections. `summary`: the
 * incident's facts and the named sections only — for the modified process (the learning summary
 * while the details stay restricted) and for any postmortem restricted to its members.
 */
export type PublicationContent = { mode: 'full' } | { mode: 'summary'; sections: string[] };

/** Fallback sections of a restricted review's summary when no process names its own. */
export const summarySectionsByDefault = ['summary', 'lessons_learned'];

/** The content of a publication of a postmortem (the same rule inside and outside). */
export function publicationContent(
  restricted: boolean,
  process: SensitiveProcess | undefined,
): PublicationContent {
  if (process) {
    return { mode: 'summary', sections: process.internalSections };
  }
  return restricted ? { mode: 'summary', sections: summarySectionsByDefault } : { mode: 'full' };
}

/**
 * Every reason a postmortem cannot be published to `audience` yet. Internal: it has reached
 * follow-up and the process's review roles approved. Public: the same, plus the approver is a
 * named one, a redacted preview exists, and it was published internally first.
 */
export function publicationRefusals(input: {
  audience: PublicationAudience;
  phase: PostmortemPhase;
  missingRoles: readonly string[];
  isNamedApprover?: boolean;
  hasPreview?: boolean;
  publishedInternally?: boolean;
}): PublicationRefusal[] {
  const refusals: PublicationRefusal[] = [];
  if (!publishablePhases.includes(input.phase)) {
    refusals.push({
      code: 'PHASE_TOO_EARLY',
      message: 'A postmortem is published once it reaches follow-up.',
    });
  }
  for (const role of input.missingRoles) {
    refusals.push({
      code: 'APPROVAL_MISSING',
      role,
      message: `The ${role} review has not approved this report yet.`,
    });
  }
  if (input.audience === 'public') {
    if (!input.publishedInternally) {
      refusals.push({
        code: 'NOT_PUBLISHED_INTERNALLY',
        message: 'Publish it internally before a public version.',
      });
    }
    if (!input.hasPreview) {
      refusals.push({ code: 'NO_PREVIEW', message: 'Prepare the redacted preview first.' });
    }
    if (!input.isNamedApprover) {
      refusals.push({
        code: 'NOT_A_NAMED_APPROVER',
        message: 'Only a named approver of public versions may approve it.',
      });
    }
  }
  return refusals;
}

/**
 * True when the account may approve public versions: one of the policy's named approvers, or,
 * when the policy names none, an admin.
 */
export function isNamedApprover(
  account: { email: string; role: string },
  publicApprovers: readonly string[],
): boolean {
  return publicApprovers.length === 0
    ? account.role === 'admin'
    : publicApprovers.some((e) => e.toLowerCase() === account.email.toLowerCase());
}
