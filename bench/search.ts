/**
 * Search benchmark: `GET /api/v1/search` (ranked, filtered, with visibility, the total and the
 * snippets, through the HTTP route as a signed-in member) over generated postmortems, against
 * the bare SQL a person would write for the same ranked, filtered page over the same table and
 * indexes (no visibility, no total, no restricted parts, no snippets), measured in the same run
 * in interleaved rounds (the two sides taking turns at going first), on PostgreSQL and on
 * PGlite. Also timed: the bare query ranking every match (what bounding the ranking saves).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/search.ts \
 *     [--postmortems N] [--engines postgres,pglite] [--rounds R] [--reuse]
 *
 * The URL names a server the bench may create a database on; without it only PGlite runs.
 * Without `--reuse` the database (and PGlite directory) is a scratch one, dropped at the end.
 * With `--reuse` it is `debrief_bench_search_<N>` (and `<tmp>/debrief-bench-search-<N>`), kept,
 * and seeded only if it is not yet: a second run applies the migrations that are new since
 * (on N postmortems) and measures at once. The seed (support/seed-search-corpus.ts, timed and
 * printed) is linear on both engines: generated rows go in as multi-row inserts in batches, the
 * search tables are built set-based as the migrations build them, their indexes after.
 * Goals: PostgreSQL p95 < 50 ms and Debrief ≤ 1.5× the bare query; PGlite p95 < 250 ms.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../src/app/app-deps.ts';
import { defaultPolicy } from '../src/domain/policy.ts';
import { buildApp } from '../src/server/build-app.ts';
import { argument, numberArgument } from './support/bench-args.ts';
import { openSearchBenchDatabase } from './support/open-search-bench-database.ts';
import { rowsOf } from './support/rows-of.ts';
import { bareSearchQuery } from './support/search-bare-query.ts';
import { wordAt } from './support/search-vocabulary.ts';
import { seedSearchCorpus } from './support/seed-search-corpus.ts';
import { nearestRankPercentile } from './support/statistics.ts';

const postmortemCount = numberArgument('--postmortems', 100_000);
const engines = (argument('--engines') ?? 'postgres,pglite').split(',');
const rounds = numberArgument('--rounds', 6);
const reuse = process.argv.includes('--reuse');

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

async function benchEngine(kind: 'postgres' | 'pglite'): Promise<void> {
  const engine = await openSearchBenchDatabase(kind, postmortemCount, reuse);
  if (!engine) {
    console.log(`${kind}: skipped (set DATABASE_URL)`);
    return;
  }
  const { handle, seeded, migrated, cleanup } = engine;
  try {
    const deps: AppDeps = {
      db: handle.db,
      clock: () => new Date(),
      newId: randomUUID,
      policy: defaultPolicy,
    };
    const app = await buildApp({
      deps,
      ping: handle.ping,
      readsBesideChecks: handle.kind === 'postgres',
    });
    const password = 'correct horse battery staple';
    if (!seeded) {
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
      const started = performance.now();
      console.log(`${kind}: seeding ${postmortemCount.toLocaleString('en')} postmortems …`);
      await seedSearchCorpus(handle, postmortemCount, member.json().data.id as string);
      console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      const started = performance.now();
      await handle.db.execute(sql.raw('vacuum analyze'));
      if (kind === 'postgres') {
        // The pages the vacuum dirtied are written now, not by a checkpoint while timing.
        await handle.db.execute(sql.raw('checkpoint'));
      }
      console.log(
        `${kind}: reusing ${postmortemCount.toLocaleString('en')} seeded postmortems; migrations applied: ${migrated.tags.join(', ') || 'none new'} (${(migrated.ms / 1000).toFixed(1)} s); vacuum analyze ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    // At 100,000 postmortems the search rows' heap alone is ~40 MB: whether it fits the buffer
    // cache decides whether a common word's search reads thousands of pages from the files.
    const setting = async (name: string) =>
      rowsOf<Record<string, string>>(await handle.db.execute(sql.raw(`show ${name}`)))[0]?.[name];
    const heap = rowsOf<{ size: string }>(
      await handle.db.execute(
        sql.raw(`select pg_size_pretty(pg_relation_size('search_postmortems')) as size`),
      ),
    )[0]?.size;
    console.log(
      `  shared_buffers ${await setting('shared_buffers')}; search_postmortems heap ${heap}`,
    );
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sessions',
      payload: { email: 'member@example.com', password },
    });
    const cookie = `debrief_session=${signIn.cookies.find((c) => c.name === 'debrief_session')?.value}`;

    const timings = {
      debrief: [] as number[],
      bare: [] as number[],
      'bare, all ranked': [] as number[],
    };
    const hits: Record<string, number> = {};
    const byQuery = new Map<string, { debrief: number[]; bare: number[] }>(
      queries.map((q) => [q.name, { debrief: [], bare: [] }]),
    );
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
    const bareRun = (query: (typeof queries)[number], full = false) =>
      handle.db.execute(sql.raw(bareSearchQuery(query.q, query.filters, full)));
    // Warm, as a server that has run each kind of search a few times: PostgreSQL plans a
    // prepared statement afresh for its first five runs before it keeps one plan, and each set
    // of filters is a statement of its own.
    for (let warmUp = 0; warmUp < 5; warmUp += 1) {
      for (const query of queries) {
        await debriefRun(query);
        await bareRun(query);
      }
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        // Whichever side runs second finds the same query's pages and plan in the caches the
        // first just warmed: the two sides take turns at going first.
        const own = byQuery.get(query.name) ?? { debrief: [], bare: [] };
        const sides = [
          () => time(() => debriefRun(query)).then((ms) => own.debrief.push(ms)),
          () => time(() => bareRun(query)).then((ms) => own.bare.push(ms)),
        ];
        for (const side of round % 2 === 0 ? sides : sides.reverse()) {
          await side();
        }
        timings['bare, all ranked'].push(await time(() => bareRun(query, true)));
      }
    }
    console.log(
      `  queries (hits of ${postmortemCount.toLocaleString('en')}): ${queries.map((q) => `${q.name} ${hits[q.name]}`).join('; ')}`,
    );
    for (const [name, own] of byQuery) {
      timings.debrief.push(...own.debrief);
      timings.bare.push(...own.bare);
      console.log(
        `  ${name.padEnd(24)} p50 Debrief ${nearestRankPercentile(own.debrief, 0.5).toFixed(1)} ms, bare ${nearestRankPercentile(own.bare, 0.5).toFixed(1)} ms (${(nearestRankPercentile(own.debrief, 0.5) / nearestRankPercentile(own.bare, 0.5)).toFixed(2)})`,
      );
    }
    for (const [name, values] of Object.entries(timings)) {
      console.log(
        `  ${name.padEnd(17)} p50 ${nearestRankPercentile(values, 0.5).toFixed(1)} ms  p95 ${nearestRankPercentile(values, 0.95).toFixed(1)} ms  (${values.length} runs)`,
      );
    }
    const ratio50 =
      nearestRankPercentile(timings.debrief, 0.5) / nearestRankPercentile(timings.bare, 0.5);
    const ratio95 =
      nearestRankPercentile(timings.debrief, 0.95) / nearestRankPercentile(timings.bare, 0.95);
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
