import { z } from 'zod';

/** The formats a postmortem exports to: Markdown (postmortems-as-code), HTML, PDF, JSON. */
export const exportFormats = ['md', 'html', 'pdf', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Query of `GET /postmortems/{id}/export`. */
export const exportQuerySchema = z
  .object({
    /** Which document to produce; Markdown when omitted. */
    format: z.enum(exportFormats).default('md'),
    /** A report template key; the policy's choice for the review's incidents when omitted. */
    template: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/)
      .optional(),
  })
  .strict();

/** Response of `POST /postmortems/{id}/report-draft`: the keys filled and the sections now. */
export const reportDraftResponseSchema = z.object({
  data: z.object({
    filled: z.array(z.string()),
    sections: z.record(z.string(), z.string()),
  }),
});
