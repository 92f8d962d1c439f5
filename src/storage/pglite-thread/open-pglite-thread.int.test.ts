import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChangeFeed } from '../change-feed.ts';
import type { Database } from '../database.ts';
import { executePrepared, prepareStatement } from '../execute-prepared.ts';
import { type DatabaseHandle, openDatabase } from '../open-database.ts';
import { translateStorageError } from '../translate-storage-error.ts';

const notes = pgTable('thread_notes', {
  id: integer('id').primaryKey(),
  body: text('body').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
});

const createNotes = sql`create table if not exists thread_notes (
  id integer primary key, body text not null, at timestamptz not null)`;

async function rows<T>(db: Database, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

describe('PGlite on a thread of its own (a data directory)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-pglite-thread-'));
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite', dataDir });
    await handle.migrate();
    await handle.db.execute(createNotes);
  });

  afterAll(async () => {
    await handle?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers drizzle with the same values as PGlite in process', async () => {
    const probe = sql`select '2026-11-30 01:02:03.456+00'::timestamptz as at, 42::int8 as n,
      '{"a":[1,2]}'::jsonb as j, '\\x0102'::bytea as b, true as t, null::text as nothing,
      array['2026-11-30'::date] as days, '1 day'::interval as span`;
    const inProcess = new PGlite();
    try {
      const expected = await rows(drizzle(inProcess) as unknown as Database, probe);
      expect(await rows(handle.db, probe)).toEqual(expected);
    } finally {
      await inProcess.close();
    }
    const at = new Date('2026-11-30T01:02:03.456Z');
    await handle.db.insert(notes).values({ id: 1, body: 'first', at });
    expect(await handle.db.select().from(notes).where(eq(notes.id, 1))).toEqual([
      { id: 1, body: 'first', at },
    ]);
  });

  it('hands the columns a statement names as UTF-8 bytes, the rest as in process', async () => {
    const text = 'Zoë paged “payments” 😀 at 14:02';
    const statement = sql.raw(
      `/* utf8-bytes: body, absent */ select '${text}'::text as body, '${text}'::text as other, null::text as absent`,
    );
    const [row] = await rows<Record<string, unknown>>(handle.db, statement);
    expect(row?.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(row?.body as Uint8Array).toString('utf8')).toBe(text);
    expect(row?.other).toBe(text);
    expect(row?.absent).toBeNull();
    // In process the comment is only a comment.
    const inProcess = new PGlite();
    try {
      const [plain] = await rows(drizzle(inProcess) as unknown as Database, statement);
      expect(plain).toEqual({ body: text, other: text, absent: null });
    } finally {
      await inProcess.close();
    }
  });

  it('commits a transaction, and rolls back one that throws, savepoints included', async () => {
    const at = new Date();
    await handle.db.transaction(async (tx) => {
      await tx.insert(notes).values({ id: 10, body: 'kept', at });
      await tx
        .transaction(async (inner) => {
          await inner.insert(notes).values({ id: 11, body: 'undone by its savepoint', at });
          throw new Error('inner');
        })
        .catch(() => {});
    });
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(notes).values({ id: 12, body: 'rolled back', at });
        throw new Error('outer');
      }),
    ).rejects.toThrow('outer');
    const ids = await handle.db.select({ id: notes.id }).from(notes);
    expect(ids.map((row) => row.id).filter((id) => id >= 10)).toEqual([10]);
  });

  it('makes a query sent outside an open transaction wait until it ends', async () => {
    const order: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let opened = () => {};
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const transaction = handle.db.transaction(async (tx) => {
      await tx.insert(notes).values({ id: 20, body: 'inside', at: new Date() });
      opened();
      await released;
      order.push('commit');
    });
    await open;
    const outside = handle.db
      .select({ id: notes.id })
      .from(notes)
      .where(eq(notes.id, 20))
      .then((found) => {
        order.push('outside');
        return found;
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    release();
    await transaction;
    expect(await outside).toEqual([{ id: 20 }]);
    expect(order).toEqual(['commit', 'outside']);
  });

  it("carries PostgreSQL's error fields across, so storage errors translate as in process", async () => {
    const duplicate = handle.db.insert(notes).values({ id: 1, body: 'again', at: new Date() });
    const error = await duplicate.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ cause: { code: '23505', constraint: 'thread_notes_pkey' } });
    expect(translateStorageError(error)?.code).toBe('ALREADY_EXISTS');
    // A failed statement inside a transaction fails the transaction, which rolls back.
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(notes).values({ id: 30, body: 'lost', at: new Date() });
        await tx.execute(sql`select 1/0`);
      }),
    ).rejects.toMatchObject({ cause: { code: '22012' } });
    expect(await handle.db.select().from(notes).where(eq(notes.id, 30))).toEqual([]);
  });

  it('runs a statement prepared for it by name, answering as the same statement unprepared', async () => {
    const at = new Date('2026-11-30T02:00:00Z');
    await handle.db.insert(notes).values({ id: 70, body: 'seventy', at });
    const noteOf = (id: ReturnType<typeof sql.placeholder> | number, ids: unknown) =>
      sql`select ${notes.id} as id, ${notes.body} as body, ${notes.at} as at,
        ${notes.id} = any(${ids}::int[]) as listed from ${notes} where ${notes.id} = ${id}`;
    const statement = prepareStatement(noteOf(sql.placeholder('id'), sql.placeholder('ids')), {
      onPgliteThread: true,
    });
    const expected = await rows<Record<string, unknown>>(handle.db, noteOf(70, sql`array[70, 71]`));
    expect(expected).toEqual([
      { id: 70, body: 'seventy', at: '2026-11-30 02:00:00+00', listed: true },
    ]);
    // More runs than PostgreSQL's custom plans, in and out of transactions, with other values.
    for (let run = 0; run < 7; run++) {
      expect(await executePrepared(handle.db, statement, { id: 70, ids: [70, 71] })).toEqual(
        expected,
      );
      expect(await executePrepared(handle.db, statement, { id: 71, ids: [] })).toEqual([]);
    }
    await handle.db.transaction(async (tx) => {
      await tx.update(notes).set({ body: 'changed' }).where(eq(notes.id, 70));
      const inside = await executePrepared(tx as unknown as Database, statement, {
        id: 70,
        ids: [],
      });
      expect(inside).toEqual([{ ...expected[0], body: 'changed', listed: false }]);
    });
    // A failure is PostgreSQL's, names the statement, and leaves the statement prepared.
    const failure = await executePrepared(handle.db, statement, {
      id: 'seventy-one',
      ids: [],
    }).then(
      () => undefined,
      (error: unknown) => (error as { cause?: { code?: string; query?: string } }).cause,
    );
    expect(failure?.code).toBe('22P02');
    expect(failure?.query).toContain('thread_notes');
    expect(await executePrepared(handle.db, statement, { id: 70, ids: null })).toEqual([
      { ...expected[0], body: 'changed', listed: null },
    ]);
  });

  it('delivers the notifications of committed transactions to the change feed', async () => {
    const feed = openChangeFeed(handle);
    const heard: string[] = [];
    try {
      const stop = feed.subscribe((message) => {
        if (message.kind === 'notification') {
          heard.push(message.payload);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('debrief_presence', 'from a transaction')`);
      });
      await feed.publish('debrief_presence', 'published');
      await expect.poll(() => heard).toEqual(['from a transaction', 'published']);
      stop();
    } finally {
      await feed.close();
    }
  });

  it('keeps the calling thread free while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    try {
      await handle.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('flushes on close, releases the lock, and finds the rows again when reopened', async () => {
    await handle.db.insert(notes).values({ id: 40, body: 'durable', at: new Date() });
    await handle.close();
    expect(existsSync(join(dataDir, 'debrief.lock'))).toBe(false);
    await expect(handle.db.select().from(notes)).rejects.toThrow();
    handle = await openDatabase({ kind: 'pglite', dataDir });
    const found = await handle.db.select({ body: notes.body }).from(notes).where(eq(notes.id, 40));
    expect(found).toEqual([{ body: 'durable' }]);
  });
});
