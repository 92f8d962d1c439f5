/**
 * Search benchmark: `GET /api/v1/search` (ranked, filtered, with visibility, the total and the
 * snippets, through the HTTP route as a signed-in member) over generated postmortems, against
 * the bare SQL a person would write for the same ranked, filtered page (no visibility, no total,
 * no snippets), measured in the same run in interleaved rounds, on PostgreSQL and on PGlite.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/search.ts [--postmortems N] [--engines postgres,pglite]
 *
 * The URL names a server the bench may create (and afterwards drop) a scratch database on;
 * without it only PGlite runs. The set-up writes everything with set-based INSERT … SELECT in
 * the database, with the search triggers off, then fills `search_documents` with the same
 * statement the migration uses for existing postmortems (timed and printed).
 * Goals: PostgreSQL p95 < 50 ms and Debrief ≤ 1.5× the bare query; PGlite p95 < 250 ms.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { AppDeps } from '../src/app/app-deps.ts';
import { defaultPolicy } from '../src/domain/policy.ts';
import { buildApp } from '../src/server/build-app.ts';
import { type DatabaseHandle, openDatabase } from '../src/storage/open-database.ts';

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const postmortemCount = Number(argument('--postmortems') ?? 100_000);
const engines = (argument('--engines') ?? 'postgres,pglite').split(',');
const rounds = 6;

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
  const started = performance.now();
  await run(`
    insert into search_documents (postmortem_id, part, body, document)
    select s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
    from search_document_sources s`);
  console.log(
    `  search documents built in ${((performance.now() - started) / 1000).toFixed(1)} s (set-based, as the migration does)`,
  );
  await run('analyze');
}

/** The bare query: the same match, filters, rank and page, nothing else. */
function bareQuery(q: string, filters: string): string {
  const params = new URLSearchParams(filters);
  const list = (name: string) =>
    params
      .get(name)
      ?.split(',')
      .map((v) => `'${v}'`)
      .join(',');
  const conditions: string[] = [];
  const incident = (c: string) =>
    conditions.push(
      `exists (select 1 from postmortem_incidents pi join incidents i on i.id = pi.incident_id where pi.postmortem_id = p.id and ${c})`,
    );
  if (params.get('severity')) {
    incident(`i.severity in (${list('severity')})`);
  }
  if (params.get('kind')) {
    incident(`i.kind in (${list('kind')})`);
  }
  if (params.get('service')) {
    incident(`i.services && array[${list('service')}]`);
  }
  if (params.get('from')) {
    incident(`i.started_at >= '${params.get('from')}'`);
  }
  if (params.get('phase')) {
    conditions.push(`p.phase in (${list('phase')})`);
  }
  if (params.get('category')) {
    conditions.push(
      `exists (select 1 from contributing_factors f where f.postmortem_id = p.id and f.category in (${list('category')}))`,
    );
  }
  const words = q.replaceAll("'", "''");
  return `select p.id, p.title, sum(ts_rank(d.document, query)) as rank
    from search_documents d, websearch_to_tsquery('english', '${words}') query, postmortems p
    where d.document @@ query and p.id = d.postmortem_id ${conditions.map((c) => `and ${c}`).join(' ')}
    group by p.id, p.title order by rank desc limit 20`;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
};

async function benchEngine(kind: 'postgres' | 'pglite'): Promise<void> {
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      console.log('postgres: skipped (set DATABASE_URL)');
      return;
    }
    const scratch = `debrief_bench_search_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${scratch}`);
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    cleanup = async () => {
      await handle.close();
      if (process.argv.includes('--keep')) {
        console.log(`  kept database ${scratch}`);
      } else {
        await admin.query(`drop database if exists ${scratch}`);
      }
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'debrief-bench-search-'));
    handle = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
    cleanup = async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await handle.migrate();
    const deps: AppDeps = {
      db: handle.db,
      clock: () => new Date(),
      newId: randomUUID,
      policy: defaultPolicy,
    };
    const app = await buildApp({ deps, ping: handle.ping });
    const password = 'correct horse battery staple';
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
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sessions',
      payload: { email: 'member@example.com', password },
    });
    const cookie = `debrief_session=${signIn.cookies.find((c) => c.name === 'debrief_session')?.value}`;

    const started = performance.now();
    console.log(`${kind}: seeding ${postmortemCount.toLocaleString('en')} postmortems …`);
    await seed(handle, member.json().data.id as string);
    console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const timings = { debrief: [] as number[], bare: [] as number[] };
    const hits: Record<string, number> = {};
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
      hits[query.name] = response.json().page.total;
    };
    const bareRun = (query: (typeof queries)[number]) =>
      handle.db.execute(sql.raw(bareQuery(query.q, query.filters)));
    for (const query of queries) {
      await debriefRun(query);
      await bareRun(query);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        timings.debrief.push(await time(() => debriefRun(query)));
        timings.bare.push(await time(() => bareRun(query)));
      }
    }
    console.log(
      `  queries (hits of ${postmortemCount.toLocaleString('en')}): ${queries.map((q) => `${q.name} ${hits[q.name]}`).join('; ')}`,
    );
    for (const name of ['debrief', 'bare'] as const) {
      console.log(
        `  ${name.padEnd(8)} p50 ${pct(timings[name], 0.5).toFixed(1)} ms  p95 ${pct(timings[name], 0.95).toFixed(1)} ms  (${timings[name].length} searches)`,
      );
    }
    const ratio50 = pct(timings.debrief, 0.5) / pct(timings.bare, 0.5);
    const ratio95 = pct(timings.debrief, 0.95) / pct(timings.bare, 0.95);
    const goal = kind === 'postgres' ? 'p95 < 50 ms, ratio ≤ 1.5' : 'p95 < 250 ms';
    console.log(
      `  ratio    ${ratio50.toFixed(2)} at p50, ${ratio95.toFixed(2)} at p95 (Debrief / bare; goal ${goal})`,
    );
    await app.close();
  } finally {
    await cleanup();
  }
}

for (const kind of engines) {
  await benchEngine(kind as 'postgres' | 'pglite');
}
