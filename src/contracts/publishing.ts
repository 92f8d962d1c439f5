import { z } from 'zod';
import { limits } from './limits.ts';

/** Why a publication is refused; `PUBLICATION_REFUSED` carries a list of these in `details.unmet`. */
export const publicationRefusalSchema = z.object({
  code: z.string(),
  message: z.string(),
  role: z.string().optional(),
});

/** One redaction of a public version's preview: what was removed, where, and what replaces it. */
export const redactionSchema = z.object({
  field: z.string(),
  kind: z.string(),
  original: z.string(),
  replacement: z.string(),
});

/** A postmortem's public version: the preview awaiting approval and the published snapshot. */
export const publicVersionSchema = z.object({
  draft: z
    .object({
      version: z.number().int(),
      /** The page as it would be published, each redaction highlighted. */
      previewHtml: z.string(),
      redactions: z.array(redactionSchema),
      postmortemRevision: z.number().int(),
      preparedAt: z.string(),
      stale: z.boolean(),
    })
    .nullable(),
  published: z
    .object({
      version: z.number().int(),
      slug: z.string(),
      /** Where anyone reads it, without signing in. */
      url: z.string(),
      approvedById: z.string().nullable(),
      publishedAt: z.string().nullable(),
      postmortemRevision: z.number().int(),
      stale: z.boolean(),
    })
    .nullable(),
  approvalRefusals: z.array(publicationRefusalSchema),
});
export type PublicVersionDto = z.infer<typeof publicVersionSchema>;

/** One entry of a feed of published postmortems. */
export const publicationEntrySchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string().nullable(),
  /** The page to read. */
  url: z.string(),
});
export type PublicationEntryDto = z.infer<typeof publicationEntrySchema>;

/** A postmortem's legal hold and the revisions kept under it. */
export const legalHoldSchema = z.object({
  hold: z
    .object({
      reason: z.string(),
      placedAt: z.string(),
      placedById: z.string().nullable(),
    })
    .nullable(),
  keptRevisions: z.number().int(),
});

/** Body of `PUT /postmortems/{id}/legal-hold`; query of its `DELETE`. */
export const legalHoldReasonSchema = z
  .object({ reason: z.string().trim().min(1).max(limits.shortTextMax) })
  .strict();

/** Params of the public pages. */
export const publicSlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9]{1,64}$/) });
