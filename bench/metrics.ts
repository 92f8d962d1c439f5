/**
 * Metrics benchmark: `GET /api/v1/metrics/incidents?by=severity` over 100,000 incidents on
 * PostgreSQL, against the bare SQL aggregate a person would write for the same percentiles,
 * measured in the same run in interleaved rounds so that machine noise hits both alike.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/metrics.ts [--incidents N]
 *
 * The URL names a server the bench may create (and afterwards drop) a scratch database on.
 * It prints p50/p90 latency of each and the ratio Debrief / bare (goal ≤ 2, and < 500 ms).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AppDeps } from '../src/app/app-deps.ts';
import { defaultPolicy } from '../src/domain/policy.ts';
import { buildApp } from '../src/server/build-app.ts';
import { openDatabase } from '../src/storage/open-database.ts';
import { numberArgument } from './support/bench-args.ts';
import { nearestRankPercentile } from './support/statistics.ts';

const incidentCount = numberArgument('--incidents', 100_000);
const rounds = process.argv.includes('--keep') ? 0 : 8;
const runsPerRound = 5;

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server the bench may create a database on.');
  process.exit(2);
}
const scratch = `debrief_bench_metrics_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${scratch}`);
const url = new URL(serverUrl);
url.pathname = `/${scratch}`;

const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
try {
  await handle.migrate();
  const deps: AppDeps = {
    db: handle.db,
    clock: () => new Date(),
    newId: randomUUID,
    policy: defaultPolicy,
  };
  const app = await buildApp({ deps, ping: handle.ping });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      email: 'bench@example.com',
      name: 'Bench',
      password: 'correct horse battery staple',
    },
  });
  const adminCookie = setup.cookies.find((c) => c.name === 'debrief_session')?.value ?? '';
  const csrf = setup.json().csrfToken as string;
  const member = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: `debrief_session=${adminCookie}`, 'x-csrf-token': csrf },
    payload: {
      email: 'member@example.com',
      name: 'Member',
      password: 'correct horse battery staple',
      role: 'member',
    },
  });
  const memberId = member.json().data.id as string;
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sessions',
    payload: { email: 'member@example.com', password: 'correct horse battery staple' },
  });
  const cookie = `debrief_session=${signIn.cookies.find((c) => c.name === 'debrief_session')?.value}`;

  // 100k incidents over two years: log-normal durations, 10% near misses, 5% drills, 2%
  // restricted (a quarter of them with the member), provenance of every kind.
  console.log(`seeding ${incidentCount.toLocaleString('en')} incidents …`);
  await raw.query('select setseed(0.42)');
  await raw.query(`
    insert into incidents (id, title, kind, severity, is_drill, status, services, restricted,
      started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, instant_provenance)
    select gen_random_uuid(), 'Generated incident ' || n,
      case when random() < 0.1 then 'near_miss' else (array['outage','degradation','security'])[1 + floor(random() * 3)::int] end,
      (array['sev1','sev2','sev3','sev4'])[1 + floor(random() * 4)::int],
      random() < 0.05, 'resolved',
      array[(array['checkout','search','auth','payments','queue'])[1 + floor(random() * 5)::int]],
      random() < 0.02,
      s, s + make_interval(secs => 60 * exp(random() * 4)), s + make_interval(secs => 120 * exp(random() * 4)),
      s + make_interval(secs => 600 * exp(random() * 5)), s + make_interval(secs => 1200 * exp(random() * 6)),
      jsonb_build_object('started_at', jsonb_build_object('source', 'manual', 'precision', case when random() < 0.2 then 'estimated' else 'exact' end),
        'detected_at', jsonb_build_object('source', 'alertmanager', 'precision', 'exact'))
    from (select n, timestamptz '2025-01-01' + make_interval(secs => random() * 63072000) as s
          from generate_series(1, ${incidentCount}) n) g`);
  await raw.query(
    `insert into incident_members select id, $1 from incidents where restricted and random() < 0.25`,
    [memberId],
  );
  await raw.query('analyze');

  // What a person would write by hand for the same percentiles, without visibility, quality or
  // histogram — run under the same session settings as Debrief's aggregate (JIT off, 64 MB
  // work_mem), so the ratio compares the queries and not the configuration.
  const bare = `select severity, count(*),
      ${['detected_at', 'acknowledged_at', 'mitigated_at', 'resolved_at']
        .map(
          (
            to,
          ) => `percentile_disc(array[0.5,0.75,0.9]) within group (order by extract(epoch from ${to} - ${to === 'acknowledged_at' ? 'detected_at' : 'started_at'})),
          max(extract(epoch from ${to} - ${to === 'acknowledged_at' ? 'detected_at' : 'started_at'}))`,
        )
        .join(',\n')}
    from incidents where not is_drill and kind <> 'near_miss' group by severity`;

  const timings = { debrief: [] as number[], bare: [] as number[] };
  const time = async (body: () => Promise<void>) => {
    const start = performance.now();
    await body();
    return performance.now() - start;
  };
  const debriefRun = async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/metrics/incidents?by=severity',
      headers: { cookie },
    });
    if (response.statusCode !== 200) {
      throw new Error(`metrics failed: ${response.body}`);
    }
  };
  const bareClient = await raw.connect();
  await bareClient.query(`set jit = off`);
  await bareClient.query(`set work_mem = '64MB'`);
  const bareRun = async () => {
    await bareClient.query(bare);
  };
  await debriefRun();
  await bareRun();
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < runsPerRound; i += 1) {
      timings.debrief.push(await time(debriefRun));
      timings.bare.push(await time(bareRun));
    }
  }
  for (const name of ['debrief', 'bare'] as const) {
    console.log(
      `  ${name.padEnd(8)} p50 ${nearestRankPercentile(timings[name], 0.5).toFixed(1)} ms  p90 ${nearestRankPercentile(timings[name], 0.9).toFixed(1)} ms`,
    );
  }
  const ratio =
    nearestRankPercentile(timings.debrief, 0.5) / nearestRankPercentile(timings.bare, 0.5);
  console.log(`  ratio    ${ratio.toFixed(2)} (Debrief / bare at p50; goal ≤ 2, and p50 < 500 ms)`);
  bareClient.release();
  await app.close();
} finally {
  await raw.end();
  await handle.close();
  if (process.argv.includes('--keep')) {
    console.log(`kept database ${scratch}`);
  } else {
    await admin.query(`drop database if exists ${scratch}`);
  }
  await admin.end();
}
