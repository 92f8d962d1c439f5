import pg from 'pg';
import type { DatabaseHandle } from './open-database.ts';
import type { PgliteConnection } from './pglite-thread/open-pglite-thread.ts';

/** The channels Debrief listens on: postmortem changes (from a trigger) and viewers' presence. */
export const changeChannels = ['debrief_postmortem_changes', 'debrief_presence'] as const;
export type ChangeChannel = (typeof changeChannels)[number];

/** What a listener hears: a notification, or that some may have been missed (reconnected). */
export type FeedMessage =
  | { kind: 'notification'; channel: ChangeChannel; payload: string }
  | { kind: 'resync' };

/** PostgreSQL's LISTEN/NOTIFY, the same on every Debrief instance that shares the database. */
export interface ChangeFeed {
  subscribe(listener: (message: FeedMessage) => void): () => void;
  /** NOTIFY outside any transaction (presence); payloads stay under PostgreSQL's 8,000 bytes. */
  publish(channel: ChangeChannel, payload: string): Promise<void>;
  close(): Promise<void>;
}

const reconnectDelaysMs = [100, 500, 1_000, 2_000, 5_000];

function fanOut() {
  const listeners = new Set<(message: FeedMessage) => void>();
  return {
    listeners,
    emit(message: FeedMessage) {
      for (const listener of listeners) {
        listener(message);
      }
    },
  };
}

/**
 * PostgreSQL: one dedicated connection (not from the pool: a pooled connection would drop its
 * LISTEN when released) that reconnects when the server ends it, then tells listeners to
 * re-read, since notifications sent while it was away are lost.
 */
function postgresFeed(url: string, log: (line: string) => void): ChangeFeed {
  const { listeners, emit } = fanOut();
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (n) => {
      if ((changeChannels as readonly string[]).includes(n.channel)) {
        emit({
          kind: 'notification',
          channel: n.channel as ChangeChannel,
          payload: n.payload ?? '',
        });
      }
    });
    next.on('error', (error) => {
      log(`live updates: the listening connection failed: ${error.message}`);
      retry(next);
    });
    next.on('end', () => retry(next));
    try {
      await next.connect();
      for (const channel of changeChannels) {
        await next.query(`LISTEN ${channel}`);
      }
    } catch (error) {
      log(`live updates: cannot listen yet: ${(error as Error).message}`);
      retry(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    const reconnected = attempt > 0;
    client = next;
    attempt = 0;
    if (reconnected) {
      emit({ kind: 'resync' });
    }
  };

  const retry = (failed: pg.Client) => {
    if (closed || (client !== null && client !== failed) || timer) {
      return;
    }
    client = null;
    failed.end().catch(() => {});
    const delay = reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)] ?? 5_000;
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  };

  void connect();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async publish(channel, payload) {
      if (client) {
        await client.query('select pg_notify($1, $2)', [channel, payload]);
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      listeners.clear();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

/** PGlite: one process, one database; its own LISTEN hears the NOTIFYs of its transactions. */
function pgliteFeed(instance: PgliteConnection): ChangeFeed {
  const { listeners, emit } = fanOut();
  const stops = changeChannels.map((channel) =>
    instance.listen(channel, (payload) => emit({ kind: 'notification', channel, payload })),
  );
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async publish(channel, payload) {
      await instance.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      listeners.clear();
      for (const stop of await Promise.all(stops)) {
        await stop();
      }
    },
  };
}

/** Opens the change feed of the database behind `handle`. */
export function openChangeFeed(
  handle: Pick<DatabaseHandle, 'queueTarget'>,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): ChangeFeed {
  return handle.queueTarget.kind === 'postgres'
    ? postgresFeed(handle.queueTarget.url, log)
    : pgliteFeed(handle.queueTarget.instance);
}
