import { sql } from 'drizzle-orm';
import { presentedColumns } from '../../src/storage/repositories/rows-as-json.ts';
import { timelineEvents } from '../../src/storage/schema.ts';

/**
 * The ids of timeline events whose stored `presented_json` is not, text for text, the JSON the
 * event's columns present now (`presentedColumns`, built from the drizzle schema): a write path
 * that bypassed the trigger, or a column added to the table but not to the trigger.
 */
export async function listStaleTimelineJson(db: {
  execute(query: ReturnType<typeof sql>): Promise<unknown>;
}): Promise<string[]> {
  const result = (await db.execute(
    sql`select e.id from ${timelineEvents} e
      where e.presented_json is distinct from (
        select row_to_json(p)::text from (select ${presentedColumns(timelineEvents)} from ${timelineEvents} where ${timelineEvents.id} = e.id) p
      )`,
  )) as { rows: Array<{ id: string }> };
  return result.rows.map((row) => row.id);
}
