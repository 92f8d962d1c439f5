import { type SQLChunk, sql } from 'drizzle-orm';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from './database.ts';
import type { DatabaseHandle } from './open-database.ts';
import type { PgliteConnection } from './pglite-thread/open-pglite-thread.ts';

/** A job handler: receives the job's data; throwing lets the queue retry it. */
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * The job queue in the database (pg-boss): jobs survive restarts, and a job runs once however
 * many Debrief instances share one PostgreSQL. `send` enqueues inside the caller's transaction —
 * the job exists exactly when the write that caused it commits. On PGlite, which has one
 * connection, the transaction must be passed: the top-level handle would wait for the
 * transaction to end, which waits for the send — a deadlock.
 */
export interface JobQueue {
  send(tx: Database, name: string, data: object, options?: { startAfter?: Date }): Promise<void>;
  work(name: string, handler: JobHandler): Promise<void>;
  /** Runs `name` every hour (cron), once across all instances. */
  scheduleHourly(name: string): Promise<void>;
  stop(options?: { graceful: boolean }): Promise<void>;
}

/** Queue names Debrief uses; each is created at start. */
export const jobNames = ['deliver-notification', 'scan-reminders'] as const;

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss on the one PGlite connection. Its schema plans are several statements without
 * parameters, which PGlite runs only through `exec`; everything else is one statement with
 * parameters.
 */
function pgliteExecutor(instance: PgliteConnection): Executor {
  return {
    async executeSql(text, values = []) {
      if (values.length > 0) {
        return instance.query(text, values);
      }
      const results = await instance.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/**
 * pg-boss inside a drizzle transaction: its `$n` placeholders become drizzle parameters, so
 * the statement runs on the transaction's own connection on either engine.
 */
function transactionExecutor(tx: Database): Executor {
  return {
    async executeSql(text, values = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQLChunk[] = [sql.raw(parts[0] ?? '')];
      for (let i = 1; i < parts.length; i += 2) {
        // An undefined template value would vanish from drizzle's SQL; pg binds it as NULL.
        chunks.push(sql.param(values[Number(parts[i]) - 1] ?? null), sql.raw(parts[i + 1] ?? ''));
      }
      const result = (await tx.execute(sql.join(chunks))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

/** How the queue runs; the defaults suit production. */
export interface JobQueueOptions {
  pollingIntervalSeconds?: number;
  /** Whether this instance runs the cron schedules (default true). */
  schedule?: boolean;
  /**
   * A job still active this long after it started is taken as abandoned (its instance was
   * killed) and retried by another. Longer than any send may take (default 120 s).
   */
  expireInSeconds?: number;
  /** How often abandoned jobs are looked for, across instances (default 120 s). */
  maintenanceIntervalSeconds?: number;
  /** The first retry's delay, doubled on each further one (default 30 s). */
  retryDelaySeconds?: number;
}

/** Runs `work` under a PostgreSQL advisory lock held on a connection of its own (PGlite: as is). */
async function oneAtATime(target: DatabaseHandle['queueTarget'], work: () => Promise<void>) {
  if (target.kind !== 'postgres') {
    await work();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('debrief:job-queue-setup'))`);
    await work();
  } finally {
    await client.end();
  }
}

/** Starts pg-boss on the database of `handle` (its own `pgboss` schema, migrated at start). */
export async function startJobQueue(
  handle: DatabaseHandle,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const target = handle.queueTarget;
  const schedule = options.schedule ?? true;
  const maintenanceIntervalSeconds = options.maintenanceIntervalSeconds ?? 120;
  const boss =
    target.kind === 'postgres'
      ? new PgBoss({ connectionString: target.url, max: 4, schedule, maintenanceIntervalSeconds })
      : new PgBoss({
          db: pgliteExecutor(target.instance) as PgBoss.Db,
          schedule,
          maintenanceIntervalSeconds,
        });
  boss.on('error', (error: unknown) => {
    process.stderr.write(`job queue: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  // Instances starting together on one PostgreSQL take turns to set the queue up: pg-boss's
  // schema and its queues' partitions, created by two at once, deadlock.
  await oneAtATime(target, async () => {
    await boss.start();
    const queueOptions = {
      retryLimit: 5,
      retryDelay: options.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 120,
    };
    for (const name of jobNames) {
      await boss.createQueue(name, { name, ...queueOptions });
      // A queue made by an earlier version (or with other timings) keeps its options unless they
      // are updated — only then: instances starting together on an empty database would
      // otherwise deadlock, one updating the queue row while another still creates it.
      const current = await boss.getQueue(name);
      if (
        current &&
        (current.retryLimit !== queueOptions.retryLimit ||
          current.retryDelay !== queueOptions.retryDelay ||
          current.retryBackoff !== queueOptions.retryBackoff ||
          current.expireInSeconds !== queueOptions.expireInSeconds)
      ) {
        await boss.updateQueue(name, { name, ...queueOptions });
      }
    }
  });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  return {
    async send(tx, name, data, sendOptions = {}) {
      await boss.send(name, data, {
        db: transactionExecutor(tx) as PgBoss.Db,
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
      });
    },
    async work(name, handler) {
      await boss.work(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          await handler(job.data as Record<string, unknown>);
        }
      });
    },
    async scheduleHourly(name) {
      await boss.schedule(name, '0 * * * *');
    },
    async stop(stopOptions = { graceful: true }) {
      await boss.stop({ graceful: stopOptions.graceful, timeout: 10_000 });
    },
  };
}
