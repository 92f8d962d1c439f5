import { z } from 'zod';
import { limits } from './limits.ts';

/** A record id (UUID). */
export const idSchema = z.uuid();

// Year 0000 is valid ISO 8601 and a valid JavaScript date, but PostgreSQL has no year zero.
// A value that is not a date at all is the format check's to report: one issue per field.
const storableYear = (value: string) => {
  if (!/^\d{4}-/.test(value)) {
    return true;
  }
  const year = Number(value.slice(0, 4));
  return year >= 1 && !Number.isNaN(new Date(value).getTime());
};

/** An instant as ISO 8601 with a zone (`Z` or an offset), in a year from 0001 to 9999. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .refine(storableYear, { message: 'The year must be from 0001 to 9999.' });

/** A calendar date, `YYYY-MM-DD`, in a year from 0001 to 9999. */
export const isoDateSchema = z.iso
  .date()
  .refine(storableYear, { message: 'The year must be from 0001 to 9999.' });

/** Cursor pagination query: opaque `cursor` from the previous page and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

/** Page metadata: `nextCursor` is null on the last page; `total` counts what the viewer may see. */
export const pageInfoSchema = z.object({
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

/** `{ id }` path parameters. */
export const idParamsSchema = z.object({ id: idSchema });

/** What the viewer may do with a record; the UI hides controls from this. */
export const abilitiesSchema = z.record(z.string(), z.boolean());

/** Wraps one record with the viewer's abilities. */
export const single = <T extends z.ZodType>(data: T) =>
  z.object({ data, abilities: abilitiesSchema });

/** Wraps a page of records, each with abilities. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(z.object({ data: item, abilities: abilitiesSchema })),
    page: pageInfoSchema,
  });

/** Non-empty trimmed text up to `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
