import { z } from 'zod';

/** Items one comma list carries at most, unless its contract names another bound. */
export const commaListItemsMax = 50;

/** What a fastify query string holds for one key: a string, or one per repetition of the key. */
const rawList = z.union([z.string(), z.array(z.string())]);

/** The items of a raw list: split at commas, trimmed, empty ones dropped, in order. */
function splitCommaList(raw: string | readonly string[]): string[] {
  const parts = typeof raw === 'string' ? [raw] : raw;
  return parts.flatMap((part) =>
    part
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
}

/**
 * A query parameter listing values separated by commas, read the same way by every listing
 * route: `severity=sev1, sev2` is `['sev1', 'sev2']`. Items are trimmed and empty ones dropped
 * (`sev1,,sev2,` is two items); a repeated key (`severity=sev1&severity=sev2`) adds to the
 * list, and each repetition may itself be a comma list.
 *
 * Each item is validated on its own against `item` (`z.enum(severities)`, `idSchema`, …): every
 * bad item is one issue at `<field>.<index>` with the item schema's own code (`invalid_value`
 * for an unknown value of a vocabulary) and a message that quotes the item, so a 400 names the
 * field and the value. More than `max` items is one `too_big` issue at the field.
 *
 * The OpenAPI document shows the raw form (a string, or an array for a repeated key); the
 * allowed values are those of `item`.
 */
export function commaList<Item extends z.ZodType<unknown, string>>(
  item: Item,
  { max = commaListItemsMax }: { max?: number } = {},
) {
  return rawList.transform((raw, ctx) => {
    const values = splitCommaList(raw);
    const items: Array<z.output<Item>> = [];
    let failed = false;
    values.forEach((value, index) => {
      const parsed = item.safeParse(value);
      if (parsed.success) {
        items.push(parsed.data as z.output<Item>);
        return;
      }
      failed = true;
      for (const issue of parsed.error.issues) {
        ctx.issues.push({
          ...issue,
          path: [index, ...issue.path],
          message: `${JSON.stringify(value)}: ${issue.message}`,
          input: value,
        } as z.core.$ZodRawIssue);
      }
    });
    if (values.length > max) {
      failed = true;
      ctx.issues.push({
        code: 'too_big',
        origin: 'array',
        maximum: max,
        inclusive: true,
        message: `At most ${max} values, not ${values.length}.`,
        input: raw,
      });
    }
    return failed ? z.NEVER : items;
  });
}
