import pg from 'pg';
import type { DatabaseHandle } from './open-database.ts';

/** The advisory-lock class of instance leases (see `importJobsRepository.isInstanceGone`). */
export const instanceLeaseClass = 4242005;

/** A process's claim to be alive, as other processes on the same database can see it. */
export interface InstanceLease {
  /** Stamped on what the process runs (import jobs), so others can ask whether it still lives. */
  id: string;
  close(): Promise<void>;
}

const reconnectDelaysMs = [100, 500, 1_000, 2_000, 5_000];

/**
 * PostgreSQL: a session-level advisory lock on `id`, held on a connection of its own (a pooled
 * one would hand the lock to whoever borrows it next) for as long as the process lives. The
 * database drops it when the process dies, `kill -9` included, since the connection ends; no
 * clock or timeout decides. If the connection fails, it reconnects and takes the lock again.
 */
function postgresLease(
  url: string,
  id: string,
  log: (line: string) => void,
): { lease: InstanceLease; ready: Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    const retry = () => {
      if (closed || client !== next) {
        return;
      }
      client = null;
      const delay = reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)];
      attempt += 1;
      timer = setTimeout(() => void connect(), delay);
    };
    next.on('error', (error) => {
      log(`instance lease: the connection failed: ${error.message}`);
      retry();
    });
    next.on('end', retry);
    client = next;
    try {
      await next.connect();
      await next.query('select pg_advisory_lock($1, hashtext($2))', [instanceLeaseClass, id]);
      attempt = 0;
    } catch (error) {
      log(`instance lease: cannot hold it yet: ${(error as Error).message}`);
      retry();
      await next.end().catch(() => {});
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
    }
  };

  // Settles once the first attempt ended, so the caller can wait for the lock to be held.
  const ready = connect();
  const close = async () => {
    closed = true;
    clearTimeout(timer);
    await ready;
    const last = client;
    client = null;
    await last?.end().catch(() => {});
  };
  return { lease: { id, close }, ready };
}

/**
 * Holds this process's lease under a fresh `id` and resolves once it is held (or the first
 * attempt failed and a retry is scheduled). PGlite has one process per data directory (its lock
 * file), so there is no other instance to tell and nothing to hold.
 */
export async function holdInstanceLease(
  handle: Pick<DatabaseHandle, 'queueTarget'>,
  id: string,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<InstanceLease> {
  if (handle.queueTarget.kind !== 'postgres') {
    return { id, close: async () => {} };
  }
  const { lease, ready } = postgresLease(handle.queueTarget.url, id, log);
  await ready;
  return lease;
}
