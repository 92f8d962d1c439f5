import { type AccessScope, can, canSee } from './authorization.ts';
import type { Actor } from './user.ts';

/**
 * A report section restricted to named members inside a postmortem others may read (the
 * security details of an otherwise open review). Its text is kept apart from the open
 * sections and reaches no one else — not through reads, exports, search, feeds, public pages
 * or notifications — until it is declassified.
 */
export interface RestrictedSection {
  postmortemId: string;
  key: string;
  /** The section's text; only ever loaded for someone `canReadSection` allows. */
  text: string;
  memberIds: string[];
  restrictedAt: Date;
  restrictedById: string | null;
  version: number;
}

/** A restricted section as an access scope: always restricted, to its members. */
export const sectionScope = (section: Pick<RestrictedSection, 'memberIds'>): AccessScope => ({
  restricted: true,
  memberIds: section.memberIds,
});

/**
 * THE visibility rule of restricted sections (mirrored in SQL by `restrictedSectionVisibleTo`):
 * admins and the section's members read it; everyone else, even members of the postmortem, does
 * not. Seeing the postmortem at all is checked before, by the postmortem's own rule.
 */
export function canReadSection(actor: Actor, section: Pick<RestrictedSection, 'memberIds'>) {
  return canSee(actor, sectionScope(section));
}

/**
 * Changing a restricted section — its text, its members, declassifying it — needs a writer
 * who may read it. Restricting a section needs only `postmortem.update`.
 */
export function canManageSection(actor: Actor, section: Pick<RestrictedSection, 'memberIds'>) {
  return can(actor, 'postmortem.update', sectionScope(section));
}
