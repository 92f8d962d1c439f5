import { eq } from 'drizzle-orm';
import type { IncidentKind } from '../../domain/incident.ts';
import type { Database } from '../database.ts';
import { sensitiveProcessStarts } from '../schema.ts';

/** The modified process a postmortem was opened under: the incident kinds that started it. */
export const sensitiveProcessStartsRepository = {
  async record(
    db: Database,
    start: { postmortemId: string; kinds: readonly IncidentKind[]; startedAt: Date },
  ): Promise<void> {
    await db
      .insert(sensitiveProcessStarts)
      .values({ ...start, kinds: [...start.kinds] })
      .onConflictDoNothing();
  },

  /** The kinds that started the process, or none when the postmortem was opened without it. */
  async findKinds(db: Database, postmortemId: string): Promise<IncidentKind[]> {
    const [row] = await db
      .select({ kinds: sensitiveProcessStarts.kinds })
      .from(sensitiveProcessStarts)
      .where(eq(sensitiveProcessStarts.postmortemId, postmortemId));
    return (row?.kinds ?? []) as IncidentKind[];
  },
};
