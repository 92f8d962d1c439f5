import type { PostmortemPhase } from './postmortem-phases.ts';

/** A postmortem reviews one incident (`single`) or a theme across several (`thematic`). */
export const postmortemScopes = ['single', 'thematic'] as const;
export type PostmortemScope = (typeof postmortemScopes)[number];

/** The review of one or more incidents; owns everything gathered and decided about them. */
export interface Postmortem {
  id: string;
  number: number;
  title: string;
  scope: PostmortemScope;
  phase: PostmortemPhase;
  restricted: boolean;
  incidentIds: string[];
  memberIds: string[];
  /** Report sections by key (`summary`, `impact`, …); the policy says which are required. */
  sections: Record<string, string>;
  /** When the analysis meeting took place; `null` until it is recorded. */
  analysisMeetingAt: Date | null;
  analysisMeetingNotes: string;
  /** Participants (ids) who attended the analysis meeting. */
  analysisMeetingAttendeeIds: string[];
  createdById: string | null;
  version: number;
  /** Grows with every change to the postmortem or its parts (unlike `version`, which guards its own fields). */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}
