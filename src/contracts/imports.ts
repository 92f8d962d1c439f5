import { z } from 'zod';
import { timelineSources } from '../domain/timeline-event.ts';
import { commaList } from './comma-list.ts';
import { instantSchema } from './common.ts';

/** Upload limit of an import, in bytes (the server may configure a lower one). */
export const importBytesMax = 2 * 1024 * 1024 * 1024;

/** Longest Slack channel name. */
const channelNameMax = 80;

/** A Slack channel's name, `#` optional: `#incidents` is `incidents`; a bare `#` names none. */
const channelName = z
  .string()
  .max(channelNameMax + 1)
  .transform((name) => name.replace(/^#/, '').trim())
  .pipe(z.string().min(1, 'a channel name, not a bare #').max(channelNameMax));

/**
 * The text fields of an import upload (multipart, next to the `file` field). Every field is
 * optional: without `source` the source is detected from the content.
 */
export const importFieldsSchema = z
  .object({
    /** The source; detected when absent. */
    source: z.enum(timelineSources).exclude(['manual', 'personal_account']).optional(),
    /** Slack channels to keep, comma-separated (names, `#` optional), as every comma list is read. */
    channels: commaList(channelName).optional(),
    /** Keep only events at or after this instant. */
    since: instantSchema.optional(),
    /** Keep only events at or before this instant. */
    until: instantSchema.optional(),
    /** IANA zone or offset for timestamps that carry none. */
    zone: z.string().trim().min(1).max(64).optional(),
    /**
     * `incident` (default): keep the reviewed incidents' key instants ± the policy's
     * `intake.importWindowHours` (a given `since`/`until` wins on its side); `all`: everything.
     */
    window: z.enum(['incident', 'all']).optional(),
    /** Metrics: a threshold for every series, e.g. `>0.05`, `<10`, `5%` (upward when no sign). */
    threshold: z
      .string()
      .trim()
      .regex(
        /^[<>]?\s*-?\d+(?:\.\d+)?(?:e[-+]?\d+)?\s*%?$/i,
        'a threshold such as >0.05, <10 or 5%',
      )
      .optional(),
  })
  .strict()
  .refine((f) => !f.since || !f.until || Date.parse(f.since) <= Date.parse(f.until), {
    path: ['until'],
    message: 'until must not be before since',
  });
export type ImportFields = z.infer<typeof importFieldsSchema>;

/** An import job: one file into one postmortem's timeline. */
export const importJobSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  source: z.enum(timelineSources),
  /** `given` by the person, or `detected` from the content (confidence in `summary.detection`). */
  sourceDetection: z.enum(['given', 'detected']),
  fileName: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  bytesTotal: z.number().int(),
  bytesDone: z.number().int(),
  eventsProposed: z.number().int(),
  duplicatesSkipped: z.number().int(),
  linesCollapsed: z.number().int(),
  /** Options, detection, warnings, key-instant hints, outside-window count, metric series. */
  summary: z.record(z.string(), z.unknown()),
  /** Problem details when the import failed (nothing was written). */
  error: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobSchema>;

/**
 * The lists an import job's summary carries for people (`summary` is otherwise open): which
 * converter read which files, the files no importer recognised, and the first warnings. A job
 * written before a list existed reads as empty lists.
 */
export const importSummaryListsSchema = z.object({
  parts: z
    .array(
      z.looseObject({
        source: z.enum(timelineSources),
        files: z.number().int(),
        paths: z.array(z.string()),
        eventsProposed: z.number().int(),
      }),
    )
    .catch([]),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })).catch([]),
  warnings: z
    .array(z.object({ code: z.string(), message: z.string(), where: z.string().optional() }))
    .catch([]),
  warningsTotal: z.number().int().catch(0),
  /** Events left out because they fell outside the window. */
  outsideWindow: z.number().int().catch(0),
  /** The window kept: around the incident by default, or as given. */
  window: z
    .object({
      since: z.string().nullable(),
      until: z.string().nullable(),
      basis: z.enum(['incident', 'given', 'none']),
    })
    .catch({ since: null, until: null, basis: 'none' }),
});
export type ImportSummaryLists = z.infer<typeof importSummaryListsSchema>;
