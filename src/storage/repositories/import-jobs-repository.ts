import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { TimelineSource } from '../../domain/timeline-event.ts';
import type { Database } from '../database.ts';
import { instanceLeaseClass } from '../instance-lease.ts';
import { importJobs } from '../schema.ts';

/** The advisory-lock class of import runs (see `holdRunLock`). */
const runLockClass = 4242004;

/** The life of an import: queued → running → succeeded | failed. */
export const importJobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** One import of one file into one postmortem's timeline. */
export interface ImportJob {
  id: string;
  postmortemId: string;
  source: TimelineSource;
  sourceDetection: 'given' | 'detected';
  fileName: string;
  status: ImportJobStatus;
  bytesTotal: number;
  bytesDone: number;
  eventsProposed: number;
  duplicatesSkipped: number;
  linesCollapsed: number;
  summary: Record<string, unknown>;
  error: Record<string, unknown> | null;
  createdById: string | null;
  /** The process running it, by its lease (`storage/instance-lease.ts`); null without one. */
  instanceId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const toImportJob = (row: typeof importJobs.$inferSelect): ImportJob => ({
  ...row,
  source: row.source as TimelineSource,
  sourceDetection: row.sourceDetection === 'detected' ? 'detected' : 'given',
  status: row.status as ImportJobStatus,
});

/** What an import changes on its job as it runs and when it ends. */
export type ImportJobChange = Partial<
  Pick<
    ImportJob,
    | 'status'
    | 'bytesTotal'
    | 'bytesDone'
    | 'eventsProposed'
    | 'duplicatesSkipped'
    | 'linesCollapsed'
    | 'summary'
    | 'error'
    | 'finishedAt'
  >
>;

/** Import jobs: created before an import runs, updated as it ends. */
export const importJobsRepository = {
  async insert(
    db: Database,
    job: Omit<ImportJob, 'finishedAt' | 'error' | 'instanceId'> & { instanceId?: string | null },
  ): Promise<ImportJob> {
    const [row] = await db.insert(importJobs).values(job).returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    return toImportJob(row);
  },

  async update(db: Database, id: string, change: ImportJobChange): Promise<ImportJob | undefined> {
    const [row] = await db.update(importJobs).set(change).where(eq(importJobs.id, id)).returning();
    return row ? toImportJob(row) : undefined;
  },

  /**
   * Marks the job as being run by this transaction: a transaction-level advisory lock, released
   * when the transaction ends — or when its process dies, since the database ends the
   * connection. `recoverImportJobs` reads a free lock as "nobody runs this job".
   */
  async holdRunLock(db: Database, id: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(${runLockClass}, hashtext(${id}))`);
  },

  /** True (and the lock held until the transaction ends) when no transaction runs the job. */
  async tryRunLock(db: Database, id: string): Promise<boolean> {
    const result = (await db.execute(
      sql`select pg_try_advisory_xact_lock(${runLockClass}, hashtext(${id})) as locked`,
    )) as unknown as { rows: Array<{ locked: boolean }> };
    return result.rows[0]?.locked === true;
  },

  /**
   * True (and the lock held until the transaction ends) when the process with this lease is
   * gone: its session lock is free. On PGlite nobody holds one, so every process reads as gone,
   * which is right: one process owns the data directory.
   */
  async isInstanceGone(db: Database, instanceId: string): Promise<boolean> {
    const result = (await db.execute(
      sql`select pg_try_advisory_xact_lock(${instanceLeaseClass}, hashtext(${instanceId})) as locked`,
    )) as unknown as { rows: Array<{ locked: boolean }> };
    return result.rows[0]?.locked === true;
  },

  /** Jobs still queued or running that were created before `before`, oldest first. */
  async listUnfinished(db: Database, before: Date): Promise<ImportJob[]> {
    const rows = await db
      .select()
      .from(importJobs)
      .where(
        and(inArray(importJobs.status, ['queued', 'running']), lt(importJobs.createdAt, before)),
      )
      .orderBy(importJobs.createdAt);
    return rows.map(toImportJob);
  },

  async findById(db: Database, id: string): Promise<ImportJob | undefined> {
    const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
    return row ? toImportJob(row) : undefined;
  },

  /** The postmortem's imports, newest first. */
  async listForPostmortem(db: Database, postmortemId: string, limit = 200): Promise<ImportJob[]> {
    const rows = await db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.postmortemId, postmortemId)))
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(limit);
    return rows.map(toImportJob);
  },
};
