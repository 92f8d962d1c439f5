import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/storage/open-database.ts';
import { rowsOf } from './rows-of.ts';

/** The search bench's database, migrated, and whether it already holds a finished seed. */
export interface SearchBenchDatabase {
  handle: DatabaseHandle;
  seeded: boolean;
  /** Migrations this run applied, by tag, and how long they took. */
  migrated: { tags: string[]; ms: number };
  /** Closes it; drops it unless it is kept (`--reuse`). */
  cleanup(): Promise<void>;
}

const journal = JSON.parse(
  readFileSync(new URL('../../src/storage/migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: Array<{ tag: string; when: number }> };

async function appliedMigrations(handle: DatabaseHandle): Promise<Set<number>> {
  const exists = rowsOf<{ table: string | null }>(
    await handle.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as table`),
  )[0]?.table;
  if (!exists) {
    return new Set();
  }
  const rows = rowsOf<{ created_at: string }>(
    await handle.db.execute(sql`select created_at from drizzle.__drizzle_migrations`),
  );
  return new Set(rows.map((row) => Number(row.created_at)));
}

async function isSeeded(handle: DatabaseHandle): Promise<boolean> {
  return (
    rowsOf<{ seeded: boolean }>(
      await handle.db.execute(sql`select to_regclass('bench_search_seed') is not null as seeded`),
    )[0]?.seeded ?? false
  );
}

/**
 * Migrates and reports what it applied. Drizzle applies only migrations newer than the last
 * applied one, so a migration dated before it (written on a branch, landed after) would be
 * skipped without a word on a kept database: that fails here instead of being measured without.
 */
async function migrate(handle: DatabaseHandle): Promise<{ tags: string[]; ms: number }> {
  const before = await appliedMigrations(handle);
  const started = performance.now();
  await handle.migrate();
  const ms = performance.now() - started;
  const after = await appliedMigrations(handle);
  const missing = journal.entries.filter((entry) => !after.has(entry.when));
  if (missing.length > 0) {
    throw new Error(
      `migrations not applied to the kept database: ${missing.map((m) => m.tag).join(', ')} (dated before its last one, which drizzle skips): drop the kept database or directory to seed again`,
    );
  }
  return { tags: journal.entries.filter((e) => !before.has(e.when)).map((e) => e.tag), ms };
}

/** Where one engine's bench database lives: how to open it, wipe it, and close the place. */
interface BenchPlace {
  open(): Promise<DatabaseHandle>;
  /** Empties it (a kept database whose seed did not finish), after its handle is closed. */
  wipe(): Promise<void>;
  /** After the handle is closed: drops it unless kept, and says where a kept one is. */
  release(): Promise<void>;
}

async function postgresPlace(serverUrl: string, name: string, keep: boolean): Promise<BenchPlace> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  return {
    open: async () => {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${name}`);
      }
      return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    },
    wipe: async () => {
      await admin.query(`drop database if exists ${name}`);
    },
    release: async () => {
      if (keep) {
        console.log(`  kept database ${name} (--reuse)`);
      } else {
        await admin.query(`drop database if exists ${name}`);
      }
      await admin.end();
    },
  };
}

function pglitePlace(dir: string, keep: boolean): BenchPlace {
  return {
    open: () => openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') }),
    wipe: async () => {
      rmSync(join(dir, 'data'), { recursive: true, force: true });
    },
    release: async () => {
      if (keep) {
        console.log(`  kept ${dir} (--reuse)`);
      } else if (existsSync(dir)) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Opens the engine's database: a scratch one, or with `reuse` the kept one of this size
 * (`debrief_bench_search_<N>`, `<tmp>/debrief-bench-search-<N>`), migrated. A kept one whose
 * seed did not finish is started again from empty. PostgreSQL needs `DATABASE_URL` (a server
 * the bench may create a database on); without it, undefined.
 */
export async function openSearchBenchDatabase(
  kind: 'postgres' | 'pglite',
  count: number,
  reuse: boolean,
): Promise<SearchBenchDatabase | undefined> {
  const serverUrl = process.env.DATABASE_URL;
  if (kind === 'postgres' && !serverUrl) {
    return undefined;
  }
  const place =
    kind === 'postgres' && serverUrl
      ? await postgresPlace(
          serverUrl,
          reuse ? `debrief_bench_search_${count}` : `debrief_bench_search_${process.pid}`,
          reuse,
        )
      : pglitePlace(
          reuse
            ? join(tmpdir(), `debrief-bench-search-${count}`)
            : mkdtempSync(join(tmpdir(), 'debrief-bench-search-')),
          reuse,
        );
  let handle = await place.open();
  if (reuse && !(await isSeeded(handle))) {
    await handle.close();
    await place.wipe();
    handle = await place.open();
  }
  return {
    handle,
    seeded: await isSeeded(handle),
    migrated: await migrate(handle),
    cleanup: async () => {
      await handle.close();
      await place.release();
    },
  };
}
