import { z } from 'zod';
import { incidentKinds, severities } from '../domain/incident.ts';
import { postmortemPhases } from '../domain/postmortem-phases.ts';
import { commaList } from './comma-list.ts';
import { isoDateSchema } from './common.ts';
import { limits } from './limits.ts';
import { searchLimits } from './search-limits.ts';

export { searchLimits };

const category = z.string().trim().min(1).max(100);
const service = z.string().trim().min(1).max(limits.serviceNameMax);

/** The filters as JSON (saved views, the CLI's `--json`); lists are OR, filters AND. */
export const searchFiltersSchema = z
  .object({
    /** Any reviewed incident of one of these kinds. */
    kind: z.array(z.enum(incidentKinds)).max(searchLimits.filterValuesMax).optional(),
    /** The worst severity among the reviewed incidents. */
    severity: z.array(z.enum(severities)).max(searchLimits.filterValuesMax).optional(),
    /** Any reviewed incident touched one of these services. */
    service: z.array(service).max(searchLimits.filterValuesMax).optional(),
    /** A contributing factor, or a marked why-node, in one of these taxonomy categories. */
    category: z.array(category).max(searchLimits.filterValuesMax).optional(),
    phase: z.array(z.enum(postmortemPhases)).max(searchLimits.filterValuesMax).optional(),
    /** Any reviewed incident started on or after this day (UTC). */
    from: isoDateSchema.optional(),
    /** Any reviewed incident started on or before this day (UTC). */
    to: isoDateSchema.optional(),
    /** With (true) or without (false) a published report, internal or public. */
    published: z.boolean().optional(),
  })
  .strict()
  .refine((f) => !(f.from && f.to && f.from > f.to), {
    message: '`from` must not be after `to`.',
    path: ['to'],
  });
export type SearchFiltersDto = z.infer<typeof searchFiltersSchema>;

const filterList = <T extends z.ZodType<unknown, string>>(item: T) =>
  commaList(item, { max: searchLimits.filterValuesMax });

/** Query of `GET /search`: the words, the filters as comma-separated lists, and the page. */
export const searchQuerySchema = z
  .object({
    /**
     * The words, in PostgreSQL's web-search syntax: `"exact phrase"`, `or`, `-excluded`.
     * Empty: every postmortem that passes the filters, newest first.
     */
    q: z.string().max(searchLimits.queryMax).default(''),
    kind: filterList(z.enum(incidentKinds)).optional(),
    severity: filterList(z.enum(severities)).optional(),
    service: filterList(service).optional(),
    category: filterList(category).optional(),
    phase: filterList(z.enum(postmortemPhases)).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** `true`: with a published report (internal or public); `false`: without one. */
    published: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** A saved view to start from; the other parameters add to or replace its own. */
    view: z.uuid().optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(searchLimits.pageSizeMax)
      .default(searchLimits.pageSizeDefault),
    offset: z.coerce.number().int().min(0).max(searchLimits.offsetMax).default(0),
  })
  .strict()
  .refine((f) => !(f.from && f.to && f.from > f.to), {
    message: '`from` must not be after `to`.',
    path: ['to'],
  });
export type SearchQueryDto = z.infer<typeof searchQuerySchema>;

/** One snippet: the part it comes from and its text, with the matched words marked. */
export const searchSnippetSchema = z.object({
  /** `title`, `section:<key>`, `restricted:<key>` (members only), `incidents`, `timeline`, `why_tree`, `factors` or `action_items`. */
  part: z.string(),
  segments: z.array(z.object({ text: z.string(), hit: z.boolean() })),
});

/** A postmortem found. */
export const searchHitSchema = z.object({
  postmortemId: z.string(),
  number: z.number().int(),
  title: z.string(),
  phase: z.enum(postmortemPhases),
  createdAt: z.string(),
  /** Higher is better; null when searching by filters alone. */
  rank: z.number().nullable(),
  snippets: z.array(searchSnippetSchema),
});
export type SearchHitDto = z.infer<typeof searchHitSchema>;

/** The answer of `GET /search`. */
export const searchResponseSchema = z.object({
  data: z.array(searchHitSchema),
  page: z.object({
    /** Every hit the caller may see (never counting what is restricted from them). */
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
  }),
  /** The words and filters applied (a saved view's merged with the request's). */
  applied: z.object({ q: z.string(), filters: searchFiltersSchema }),
});
export type SearchResponseDto = z.infer<typeof searchResponseSchema>;

/** Body of `POST /search/views`. */
export const createSavedViewSchema = z
  .object({
    name: z.string().trim().min(1).max(searchLimits.viewNameMax),
    q: z.string().max(searchLimits.queryMax).default(''),
    filters: searchFiltersSchema.default({}),
    /** Shared views are listed for, and runnable by, every signed-in person. */
    shared: z.boolean().default(false),
  })
  .strict();

/** Body of `PATCH /search/views/{id}` (with `If-Match`). */
export const changeSavedViewSchema = z
  .object({
    name: z.string().trim().min(1).max(searchLimits.viewNameMax).optional(),
    q: z.string().max(searchLimits.queryMax).optional(),
    filters: searchFiltersSchema.optional(),
    shared: z.boolean().optional(),
  })
  .strict();

/** A saved view as presented. */
export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  q: z.string(),
  filters: searchFiltersSchema,
  shared: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedViewDto = z.infer<typeof savedViewSchema>;

/** The filters of a search, without its words, view or page: one list for the server and the web form. */
export const searchFilterKeys = [
  'kind',
  'severity',
  'service',
  'category',
  'phase',
  'from',
  'to',
  'published',
] as const;
