import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../test/support/test-database.ts';
import { executePrepared, prepareStatement } from './execute-prepared.ts';
import type { DatabaseHandle } from './open-database.ts';

describeEachDatabase('executePrepared', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  const doubled = prepareStatement(sql`select ${sql.placeholder('n')}::int * 2 as doubled`);
  const plusOne = prepareStatement(
    sql`select ${sql.placeholder('n')}::int + ${1} as doubled, ${sql.placeholder('tags')}::text[] as tags`,
  );

  it('answers with the rows, run after run, past the runs PostgreSQL plans for the values at hand', async () => {
    for (let n = 0; n < 8; n += 1) {
      const rows = await executePrepared<{ doubled: number }>(handle.db, doubled, { n });
      expect(rows).toEqual([{ doubled: n * 2 }]);
    }
  });

  it('takes a list as one value, and fixed values written into the statement', async () => {
    expect(await executePrepared(handle.db, plusOne, { n: 4, tags: ['a', 'b'] })).toEqual([
      { doubled: 5, tags: ['a', 'b'] },
    ]);
    expect(await executePrepared(handle.db, plusOne, { n: 4, tags: null })).toEqual([
      { doubled: 5, tags: null },
    ]);
  });

  it('names each text apart, so two statements never share a name', async () => {
    expect(doubled.name).not.toBe(plusOne.name);
    expect(prepareStatement(sql`select ${sql.placeholder('n')}::int * 2 as doubled`).name).toBe(
      doubled.name,
    );
    if (kind !== 'postgres') {
      return;
    }
    // Inside a transaction, so that the statements listed are those of one connection.
    await handle.db.transaction(async (tx) => {
      await executePrepared(tx, doubled, { n: 5 });
      await executePrepared(tx, plusOne, { n: 5, tags: [] });
      const listed = (await tx.execute(
        sql`select name, statement from pg_prepared_statements order by statement`,
      )) as unknown as { rows: Array<{ name: string; statement: string }> };
      expect(listed.rows).toEqual([
        { name: doubled.name, statement: 'select $1::int * 2 as doubled' },
        { name: plusOne.name, statement: 'select $1::int + $2 as doubled, $3::text[] as tags' },
      ]);
    });
  });

  it('runs inside a transaction and sees its writes', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table prepared_probe (n int) on commit drop`);
      await tx.execute(sql`insert into prepared_probe values (7)`);
      const probe = prepareStatement(
        sql`select n from prepared_probe where n = ${sql.placeholder('n')}`,
      );
      expect(await executePrepared(tx, probe, { n: 7 })).toEqual([{ n: 7 }]);
    });
  });
});
