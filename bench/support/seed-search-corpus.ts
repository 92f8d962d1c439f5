import { sql, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '../../src/storage/database.ts';
import type { DatabaseHandle } from '../../src/storage/open-database.ts';
import { rowsOf } from './rows-of.ts';
import { type SearchCorpusBatch, searchCorpusBatches } from './search-corpus.ts';

/**
 * How each batch's JSON becomes rows: the target columns, then the `json_to_recordset` column
 * definitions (the numbers are drawn in the database, from the series a hidden record uses).
 */
const inserts: Record<keyof SearchCorpusBatch, [string, string]> = {
  incidents: [
    `insert into incidents (id, number, title, summary, kind, severity, status, services,
      restricted, started_at, detected_at, mitigated_at, resolved_at, created_at, updated_at)
    select id, case when restricted then -nextval('incidents_restricted_number_seq')
        else nextval('incidents_number_seq') end,
      title, summary, kind, severity, status, services, restricted, started_at, detected_at,
      mitigated_at, resolved_at, created_at, resolved_at`,
    `id uuid, title text, summary text, kind text,
      severity text, status text, services text[], restricted boolean, started_at timestamptz,
      detected_at timestamptz, mitigated_at timestamptz, resolved_at timestamptz,
      created_at timestamptz`,
  ],
  postmortems: [
    `insert into postmortems (id, number, title, scope, phase, restricted, sections,
      created_at, updated_at, closed_at)
    select id, case when hidden then -nextval('postmortems_restricted_number_seq')
        else nextval('postmortems_number_seq') end,
      title, scope, phase, restricted, sections, created_at, updated_at, closed_at`,
    `id uuid, hidden boolean, title text, scope text,
      phase text, restricted boolean, sections jsonb, created_at timestamptz,
      updated_at timestamptz, closed_at timestamptz`,
  ],
  postmortemIncidents: [
    `insert into postmortem_incidents (postmortem_id, incident_id)
    select *`,
    `postmortem_id uuid, incident_id uuid`,
  ],
  postmortemMembers: [
    `insert into postmortem_members (postmortem_id, user_id)
    select *`,
    `postmortem_id uuid, user_id uuid`,
  ],
  incidentMembers: [
    `insert into incident_members (incident_id, user_id)
    select *`,
    `incident_id uuid, user_id uuid`,
  ],
  restrictedSections: [
    `insert into restricted_sections (postmortem_id, section_key, body, restricted_at)
    select *`,
    `postmortem_id uuid, section_key text, body text, restricted_at timestamptz`,
  ],
  restrictedSectionMembers: [
    `insert into restricted_section_members (postmortem_id, section_key, user_id)
    select *`,
    `postmortem_id uuid, section_key text, user_id uuid`,
  ],
  timelineEvents: [
    `insert into timeline_events (id, postmortem_id, occurred_at, text, kind, source,
      external_id, status, created_at)
    select *`,
    `id uuid, postmortem_id uuid,
      occurred_at timestamptz, text text, kind text, source text, external_id text, status text,
      created_at timestamptz`,
  ],
  contributingFactors: [
    `insert into contributing_factors (id, postmortem_id, description, category,
      is_root_cause, created_at)
    select *`,
    `id uuid, postmortem_id uuid, description text,
      category text, is_root_cause boolean, created_at timestamptz`,
  ],
  whyNodes: [
    `insert into why_nodes (id, postmortem_id, parent_id, question, answer, mark, category, position)
    select *`,
    `id uuid, postmortem_id uuid, parent_id uuid,
      question text, answer text, mark text, category text, position int`,
  ],
  actionItems: [
    `insert into action_items (id, postmortem_id, title, kind, status, success_criterion,
      created_at)
    select *`,
    `id uuid, postmortem_id uuid, title text,
      kind text, status text, success_criterion text, created_at timestamptz`,
  ],
};

/** The search tables the seed fills; their indexes (not their keys) are built after the rows. */
const searchTables = ['search_documents', 'search_postmortems'];

/** What the seed took, in milliseconds, step by step. */
export interface SearchSeedTimings {
  rows: number;
  parts: number;
  searchRows: number;
  indexes: number;
  vacuum: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Seeds `count` generated postmortems (search-corpus.ts) for `memberId`, linearly on both
 * engines: the rows go in as one multi-row `INSERT … SELECT` from JSON per table and batch,
 * each batch a transaction. Every trigger runs as it does for the server's writes (the timeline
 * events' presented JSON, the foreign keys, the search marks), but the batch empties
 * `search_pending` before it commits, so the commit-time refresh does not rebuild each
 * postmortem's search rows one by one; then the search tables are built with the statements the
 * migrations use for existing postmortems, set-based, with their indexes dropped and built
 * afterwards in bulk (inserted under a GIN index, every row's lexemes would go through its
 * pending list); then `VACUUM ANALYZE`. Ends by checking a few postmortems against the
 * database's own refresh of one postmortem, so a bulk build that no longer matches what the
 * server keeps is reported, not measured.
 */
export async function seedSearchCorpus(
  handle: DatabaseHandle,
  count: number,
  memberId: string,
): Promise<SearchSeedTimings> {
  const { db } = handle;
  const run = (text: string) => db.execute(sql.raw(text));
  const batchSize = 1000;
  let started = performance.now();
  let done = 0;
  for (const batch of searchCorpusBatches(count, batchSize, memberId)) {
    await db.transaction(async (tx) => {
      for (const [table, statement] of Object.entries(inserts)) {
        const rows = batch[table as keyof SearchCorpusBatch];
        if (rows.length > 0) {
          const [head, columns] = statement;
          await tx.execute(
            sql`${sql.raw(head)} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.raw(columns)})`,
          );
        }
      }
      // The search tables are built for every postmortem at once below.
      await tx.execute(sql`delete from search_pending`);
    });
    done += batch.postmortems.length;
    if (done % 20_000 === 0 || done === count) {
      console.log(
        `  rows of ${done.toLocaleString('en')} postmortems: ${seconds(performance.now() - started)}`,
      );
    }
  }
  const rows = performance.now() - started;

  const indexes = rowsOf<{ name: string; definition: string }>(
    await run(`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      where i.indrelid in (${searchTables.map((t) => `'${t}'::regclass`).join(', ')})
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`),
  );
  for (const index of indexes) {
    await run(`drop index ${index.name}`);
  }
  started = performance.now();
  await inTransaction(
    db,
    "set local work_mem = '64MB'",
    `
    insert into search_documents (postmortem_id, part, body, document)
    select s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
    from search_document_sources s`,
  );
  const parts = performance.now() - started;
  started = performance.now();
  await inTransaction(
    db,
    "set local work_mem = '64MB'",
    'insert into search_postmortems select * from search_postmortem_sources',
  );
  const searchRows = performance.now() - started;
  started = performance.now();
  for (const index of indexes) {
    await inTransaction(db, "set local maintenance_work_mem = '128MB'", index.definition);
  }
  const indexTime = performance.now() - started;
  started = performance.now();
  await run('vacuum analyze');
  const vacuum = performance.now() - started;
  console.log(
    `  search parts ${seconds(parts)}, search rows ${seconds(searchRows)}, ${indexes.length} indexes ${seconds(indexTime)} (set-based, as the migrations build them), vacuum analyze ${seconds(vacuum)}`,
  );
  await checkAgainstRefresh(db);
  // What a kept database's next run looks for (open-search-bench-database.ts).
  await run('create table bench_search_seed (postmortems int not null)');
  await run(`insert into bench_search_seed values (${count})`);
  return { rows, parts, searchRows, indexes: indexTime, vacuum };
}

async function inTransaction(db: Database, setting: string, statement: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(setting));
    await tx.execute(sql.raw(statement));
  });
}

/**
 * Compares a few postmortems' search rows and parts (one with a restricted section, one thematic,
 * one reviewing a restricted incident, the newest), as the bulk build wrote them, with what
 * `debrief_refresh_search_documents` (what the server runs at commit) writes for them, inside a
 * transaction that is rolled back.
 */
async function checkAgainstRefresh(db: Database): Promise<void> {
  const sample = rowsOf<{ id: string }>(
    await db.execute(
      sql.raw(`(select postmortem_id as id from restricted_sections limit 1)
        union (select postmortem_id from postmortem_incidents group by postmortem_id
          having count(*) > 1 limit 1)
        union (select pi.postmortem_id from postmortem_incidents pi
          join incidents i on i.id = pi.incident_id where i.restricted limit 1)
        union (select id from postmortems order by number desc limit 1)`),
    ),
  ).map((row) => row.id);
  const ids = `{${sample.join(',')}}`;
  const state = async (runner: Pick<Database, 'execute'>) =>
    rowsOf<{ state: string }>(
      await runner.execute(sql`select
          (select string_agg(d::text, ' | ' order by d.part) from search_documents d
            where d.postmortem_id = p.id)
          || ' || ' || (select s::text from search_postmortems s where s.postmortem_id = p.id)
          as state
        from postmortems p where p.id = any(${ids}::uuid[]) order by p.id`),
    ).map((row) => row.state);
  const bulk = await state(db);
  let refreshed: string[] = [];
  await db
    .transaction(async (tx) => {
      for (const id of sample) {
        await tx.execute(sql`select debrief_refresh_search_documents(${id}::uuid)`);
      }
      refreshed = await state(tx);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) {
        throw error;
      }
    });
  if (bulk.length !== sample.length || JSON.stringify(bulk) !== JSON.stringify(refreshed)) {
    throw new Error(
      "the seed's bulk build of the search tables differs from debrief_refresh_search_documents: build what the migrations build",
    );
  }
}
