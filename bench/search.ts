/**
 * Search benchmark: `GET /api/v1/search` (ranked, filtered, with visibility, the total and the
 * snippets, through the HTTP route as a signed-in member) over generated postmortems, against
 * the bare SQL a person would write for the same ranked, filtered page over the same table and
 * indexes (no visibility, no total, no restricted parts, no snippets), measured in the same run
 * in interleaved rounds, on PostgreSQL and on PGlite. Also timed alone: the snippet step of the
 * page, and the bare query ranking every match (what bounding the ranking saves).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/search.ts \
 *     [--postmortems N] [--engines postgres,pglite] [--rounds R] [--reuse]
 *
 * The URL names a server the bench may create a database on; without it only PGlite runs.
 * Without `--reuse` the database (and PGlite directory) is a scratch one, dropped at the end.
 * With `--reuse` it is `debrief_bench_search_<N>` (and `<tmp>/debrief-bench-search-<N>`), kept,
 * and seeded only if it is not yet: a second run migrates it (a new migration runs on 100,000
 * postmortems) and measures at once. The set-up writes everything with set-based
 * INSERT … SELECT in the database, with the search triggers off, then builds the search tables
 * with the statements the migration uses for existing postmortems (timed and printed).
 * Goals: PostgreSQL p95 < 50 ms and Debrief ≤ 1.5× the bare query; PGlite p95 < 250 ms.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { AppDeps } from '../src/app/app-deps.ts';
import { defaultPolicy } from '../src/domain/policy.ts';
import { buildApp } from '../src/server/build-app.ts';
import { type DatabaseHandle, openDatabase } from '../src/storage/open-database.ts';
import {
  rankedMatchesMax,
  searchRepository,
} from '../src/storage/repositories/search-repository.ts';

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const postmortemCount = Number(argument('--postmortems') ?? 100_000);
const engines = (argument('--engines') ?? 'postgres,pglite').split(',');
const rounds = Number(argument('--rounds') ?? 6);
const reuse = process.argv.includes('--reuse');

// A vocabulary with a Zipf-like use: a few words in most postmortems, most words in few.
const sreWords = `latency timeout retry pool connection database replica failover deploy rollback
  canary config certificate expiry dns resolver cache eviction queue backlog consumer lag
  kafka partition leader election disk pressure memory leak oom kill cpu throttling autoscaler
  quota limit rate throttle gateway proxy loadbalancer healthcheck probe readiness liveness
  pager alert dashboard runbook escalation oncall incident mitigation outage degradation checkout
  payments search auth session token login storage bucket snapshot backup restore migration
  schema index vacuum bloat deadlock lock contention thread starvation garbage collection pause
  network partition packet loss jitter tls handshake cipher ingress egress firewall vpn bgp route
  flapping cron scheduler batch job stuck orphan worker saturation headroom capacity forecast`
  .split(/\s+/)
  .filter(Boolean);
const syllables = ['ka', 'lo', 'mi', 'ner', 'tos', 'vra', 'qui', 'dex', 'sol', 'bar', 'fen', 'gor'];
const synthetic: string[] = [];
for (const a of syllables) {
  for (const b of syllables) {
    for (const c of syllables) {
      synthetic.push(`${a}${b}${c}`);
    }
  }
}
const vocabulary = [...sreWords, ...synthetic.slice(0, 1600)];
const wordAt = (rank: number) => vocabulary[rank] ?? 'latency';

/** The searches: words of several frequencies, with filters. */
const queries = [
  { name: 'tail word, sev1-2', q: wordAt(1500), filters: 'severity=sev1,sev2' },
  { name: 'tail word, outage, 2026', q: wordAt(1200), filters: 'kind=outage&from=2026-01-01' },
  { name: 'mid word, phase', q: wordAt(400), filters: 'phase=documentation,follow_up' },
  { name: 'two words', q: `${wordAt(300)} ${wordAt(900)}`, filters: 'severity=sev1,sev2,sev3' },
  { name: 'phrase', q: `"${wordAt(200)} ${wordAt(201)}"`, filters: '' },
  { name: 'mid word, category', q: wordAt(250), filters: 'category=capacity' },
  { name: 'or, service', q: `${wordAt(1000)} or ${wordAt(1100)}`, filters: 'service=payments' },
];

const wordsSql = (n: number) => `bench_words(${n})`;

async function seed(handle: DatabaseHandle, memberId: string): Promise<void> {
  const run = (text: string) => handle.db.execute(sql.raw(text));
  const vocab = vocabulary.map((w) => `'${w}'`).join(',');
  await run('select setseed(0.42)');
  // PL/pgSQL keeps the vocabulary in its cached plan; a SQL function would re-read it per call.
  await run(`create or replace function bench_words(n int) returns text language plpgsql volatile as $$
    declare
      v constant text[] := array[${vocab}];
      r text := '';
    begin
      for k in 1..n loop
        r := r || v[1 + floor(power(random(), 3) * ${vocabulary.length})::int] || ' ';
      end loop;
      return r;
    end $$`);
  // The triggers would rebuild each postmortem at commit; a bulk load builds them all at once.
  await run(`set session_replication_role = replica`);
  await run(`
    insert into incidents (id, title, kind, severity, status, services, restricted, started_at, resolved_at)
    select gen_random_uuid(), 'Incident ' || n,
      (array['outage','degradation','security','near_miss'])[1 + floor(random() * 4)::int],
      (array['sev1','sev2','sev3','sev4'])[1 + floor(random() * 4)::int], 'resolved',
      array[(array['checkout','search','auth','payments','queue','edge'])[1 + floor(random() * 6)::int]],
      random() < 0.02, s, s + interval '1 hour'
    from (select n, timestamptz '2025-01-01' + make_interval(secs => random() * 63072000) as s
          from generate_series(1, ${postmortemCount}) n) g`);
  await run(`
    insert into postmortems (id, title, scope, phase, restricted, sections, created_at, updated_at)
    select gen_random_uuid(), 'Postmortem: ' || ${wordsSql(6)} || ' (' || n || ')', 'single',
      (array['data_gathering','analysis','documentation','follow_up','closed'])[1 + floor(random() * 5)::int],
      random() < 0.02,
      jsonb_build_object('summary', ${wordsSql(40)}, 'impact', ${wordsSql(20)}, 'lessons_learned', ${wordsSql(15)}),
      timestamptz '2025-01-01' + make_interval(secs => n * 600), now()
    from generate_series(1, ${postmortemCount}) n`);
  await run(`
    insert into postmortem_incidents (postmortem_id, incident_id)
    select p.id, i.id from
      (select id, row_number() over (order by created_at, id) r from postmortems) p
      join (select id, row_number() over (order by id) r from incidents) i using (r)`);
  await run(`
    insert into postmortem_members (postmortem_id, user_id)
    select id, '${memberId}' from postmortems where restricted and random() < 0.25`);
  await run(`
    insert into timeline_events (id, postmortem_id, occurred_at, text, kind, source, external_id, status)
    select gen_random_uuid(), p.id, p.created_at + make_interval(mins => e), ${wordsSql(12)},
      'observation', 'manual', e::text, 'accepted'
    from postmortems p, generate_series(1, 6) e`);
  await run(`
    insert into contributing_factors (id, postmortem_id, description, category, is_root_cause)
    select gen_random_uuid(), p.id, ${wordsSql(10)},
      (array['capacity','dependency','detection_gap','configuration','process'])[1 + floor(random() * 5)::int], f = 1
    from postmortems p, generate_series(1, 2) f`);
  await run(`
    insert into why_nodes (id, postmortem_id, question, answer)
    select gen_random_uuid(), p.id, 'Why ' || ${wordsSql(8)} || '?', ${wordsSql(10)}
    from postmortems p, generate_series(1, 2) w`);
  await run(`
    insert into action_items (id, postmortem_id, title, kind, status, success_criterion)
    select gen_random_uuid(), p.id, ${wordsSql(8)}, 'prevent', 'open', ${wordsSql(6)}
    from postmortems p, generate_series(1, 2) a`);
  await run(`set session_replication_role = origin`);
  let started = performance.now();
  await run(`
    insert into search_documents (postmortem_id, part, body, document)
    select s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
    from search_document_sources s`);
  const parts = performance.now() - started;
  started = performance.now();
  await run('insert into search_postmortems select * from search_postmortem_sources');
  console.log(
    `  search documents built in ${(parts / 1000).toFixed(1)} s (parts) + ${((performance.now() - started) / 1000).toFixed(1)} s (search rows), set-based as the migration does`,
  );
  await run('create table bench_search_seed (postmortems int not null)');
  await run(`insert into bench_search_seed values (${postmortemCount})`);
  // VACUUM also merges the GIN indexes' pending lists, which every search would scan.
  await run('vacuum analyze');
}

/**
 * The bare query: what a person would write for the same page over the same search rows and
 * indexes — match, the filters on the row's columns, the same bounded ranking (the first
 * `rankedMatchesMax` matches by title match then recency, ranked by `ts_rank`), the top 20.
 * Nothing else: no visibility, no total, no restricted parts, no snippets. With `full`, every
 * match is ranked instead.
 */
function bareQuery(q: string, filters: string, full = false): string {
  const params = new URLSearchParams(filters);
  const list = (name: string) =>
    params
      .get(name)
      ?.split(',')
      .map((v) => `'${v}'`)
      .join(',');
  const conditions: string[] = [];
  if (params.get('severity')) {
    conditions.push(`s.severity in (${list('severity')})`);
  }
  if (params.get('kind')) {
    conditions.push(`s.kinds && array[${list('kind')}]`);
  }
  if (params.get('service')) {
    conditions.push(`s.services && array[${list('service')}]`);
  }
  if (params.get('from')) {
    conditions.push(`s.last_started_at >= '${params.get('from')}'`);
  }
  if (params.get('phase')) {
    conditions.push(`s.phase in (${list('phase')})`);
  }
  if (params.get('category')) {
    conditions.push(`s.categories && array[${list('category')}]`);
  }
  const words = q.replaceAll("'", "''");
  const where = conditions.map((c) => `and ${c}`).join(' ');
  const query = `websearch_to_tsquery('english', '${words}')`;
  if (full) {
    return `select s.postmortem_id, ts_rank(s.document, query) as rank
      from search_postmortems s, ${query} query
      where s.document @@ query ${where}
      order by rank desc, s.number desc limit 20`;
  }
  return `select s.postmortem_id, ts_rank(s.document, query) as rank
    from (select s.postmortem_id from search_postmortems s, ${query} query
          where s.document @@ query ${where}
          order by s.title_document @@ query desc, s.created_at desc limit ${rankedMatchesMax}) c
      join search_postmortems s using (postmortem_id), ${query} query
    order by rank desc, s.number desc limit 20`;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
};

/** Opens the engine's database: a scratch one, or with `--reuse` the kept one of this size. */
async function openEngine(
  kind: 'postgres' | 'pglite',
): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> } | undefined> {
  if (kind === 'postgres') {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      console.log('postgres: skipped (set DATABASE_URL)');
      return undefined;
    }
    const name = reuse
      ? `debrief_bench_search_${postmortemCount}`
      : `debrief_bench_search_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${name}`);
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        if (reuse) {
          console.log(`  kept database ${name} (--reuse)`);
        } else {
          await admin.query(`drop database if exists ${name}`);
        }
        await admin.end();
      },
    };
  }
  const dir = reuse
    ? join(tmpdir(), `debrief-bench-search-${postmortemCount}`)
    : mkdtempSync(join(tmpdir(), 'debrief-bench-search-'));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      if (reuse) {
        console.log(`  kept ${dir} (--reuse)`);
      } else {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function benchEngine(kind: 'postgres' | 'pglite'): Promise<void> {
  const engine = await openEngine(kind);
  if (!engine) {
    return;
  }
  const { handle, cleanup } = engine;
  try {
    let started = performance.now();
    await handle.migrate();
    const migrated = performance.now() - started;
    const seededBefore = (
      (await handle.db.execute(
        sql.raw(`select to_regclass('bench_search_seed') is not null as seeded`),
      )) as unknown as { rows: Array<{ seeded: boolean }> }
    ).rows[0]?.seeded;
    const deps: AppDeps = {
      db: handle.db,
      clock: () => new Date(),
      newId: randomUUID,
      policy: defaultPolicy,
    };
    const app = await buildApp({ deps, ping: handle.ping });
    const password = 'correct horse battery staple';
    if (!seededBefore) {
      const setup = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'bench@example.com', name: 'Bench', password },
      });
      const adminCookie = setup.cookies.find((c) => c.name === 'debrief_session')?.value ?? '';
      const member = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: {
          cookie: `debrief_session=${adminCookie}`,
          'x-csrf-token': setup.json().csrfToken as string,
        },
        payload: { email: 'member@example.com', name: 'Member', password, role: 'member' },
      });
      started = performance.now();
      console.log(`${kind}: seeding ${postmortemCount.toLocaleString('en')} postmortems …`);
      await seed(handle, member.json().data.id as string);
      console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      await handle.db.execute(sql.raw('vacuum analyze'));
      console.log(
        `${kind}: reusing ${postmortemCount.toLocaleString('en')} seeded postmortems (migrations took ${(migrated / 1000).toFixed(1)} s)`,
      );
    }
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sessions',
      payload: { email: 'member@example.com', password },
    });
    const cookie = `debrief_session=${signIn.cookies.find((c) => c.name === 'debrief_session')?.value}`;
    const memberId = signIn.json().user.id as string;
    const actor = { id: memberId, role: 'member' as const };

    const timings = {
      debrief: [] as number[],
      bare: [] as number[],
      snippets: [] as number[],
      'bare, all ranked': [] as number[],
    };
    const hits: Record<string, number> = {};
    const pages: Record<string, string[]> = {};
    const time = async (body: () => Promise<unknown>) => {
      const start = performance.now();
      await body();
      return performance.now() - start;
    };
    const debriefRun = async (query: (typeof queries)[number]) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/search?q=${encodeURIComponent(query.q)}&${query.filters}`,
        headers: { cookie },
      });
      if (response.statusCode !== 200) {
        throw new Error(`search failed: ${response.body}`);
      }
      const body = response.json();
      hits[query.name] = body.page.total;
      pages[query.name] = body.data.map((hit: { postmortemId: string }) => hit.postmortemId);
    };
    const bareRun = (query: (typeof queries)[number], full = false) =>
      handle.db.execute(sql.raw(bareQuery(query.q, query.filters, full)));
    // As the search runs it: in its transaction, JIT off.
    const snippetsRun = (query: (typeof queries)[number]) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`);
        await searchRepository.snippets(tx, actor, pages[query.name] ?? [], query.q);
      });
    for (const query of queries) {
      await debriefRun(query);
      await bareRun(query);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        timings.debrief.push(await time(() => debriefRun(query)));
        timings.bare.push(await time(() => bareRun(query)));
        timings.snippets.push(await time(() => snippetsRun(query)));
        timings['bare, all ranked'].push(await time(() => bareRun(query, true)));
      }
    }
    console.log(
      `  queries (hits of ${postmortemCount.toLocaleString('en')}): ${queries.map((q) => `${q.name} ${hits[q.name]}`).join('; ')}`,
    );
    for (const [name, values] of Object.entries(timings)) {
      console.log(
        `  ${name.padEnd(17)} p50 ${pct(values, 0.5).toFixed(1)} ms  p95 ${pct(values, 0.95).toFixed(1)} ms  (${values.length} runs)`,
      );
    }
    const ratio50 = pct(timings.debrief, 0.5) / pct(timings.bare, 0.5);
    const ratio95 = pct(timings.debrief, 0.95) / pct(timings.bare, 0.95);
    const goal = kind === 'postgres' ? 'p95 < 50 ms, ratio ≤ 1.5' : 'p95 < 250 ms';
    console.log(
      `  ratio             ${ratio50.toFixed(2)} at p50, ${ratio95.toFixed(2)} at p95 (Debrief / bare; goal ${goal})`,
    );
    await app.close();
  } finally {
    await cleanup();
  }
}

for (const kind of engines) {
  await benchEngine(kind as 'postgres' | 'pglite');
}
