/**
 * Board benchmark: the overdue view of the action-item board across 1,000 postmortems holding
 * 10,000 action items, on PostgreSQL, as a member for whom 10% of the postmortems are restricted
 * (so the visibility conditions are in the query). Debrief's answer — HTTP request in-process,
 * authentication, validation, the page and the counts per view and team — against the bare SQL
 * of the same page (no visibility, no counts) run on the same database in the same run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/board.ts
 *
 * Creates and drops its own database next to the one named. Prints median and p95 latency of
 * each and their ratios; the goal is an answer under 100 ms, at the p95 too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { defaultPolicy } from '../src/domain/policy.ts';
import { buildApp } from '../src/server/build-app.ts';
import { openDatabase } from '../src/storage/open-database.ts';
import {
  actionItems,
  incidents,
  postmortemIncidents,
  postmortemMembers,
  postmortems,
} from '../src/storage/schema.ts';
import { upperRankPercentile } from './support/statistics.ts';

const postmortemCount = 1_000;
const itemsPerPostmortem = 10;
const samples = 200;
const today = '2026-11-20';

const serverUrl = process.env.DATABASE_URL ?? process.env.DEBRIEF_TEST_DATABASE_URL;
if (!serverUrl) {
  console.error('bench/board.ts needs DATABASE_URL (PostgreSQL).');
  process.exit(2);
}
const databaseName = `debrief_bench_board_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${databaseName}`);
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;

try {
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await handle.migrate();
  const deps = {
    db: handle.db,
    clock: () => new Date(`${today}T12:00:00Z`),
    newId: randomUUID,
    policy: defaultPolicy,
  };
  const app = await buildApp({ deps, ping: handle.ping });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { email: 'admin@example.com', name: 'Admin', password: 'correct horse battery' },
  });
  const adminCookie = setup.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: adminCookie, 'x-csrf-token': setup.json().csrfToken },
    payload: {
      email: 'm@example.com',
      name: 'Member',
      password: 'correct horse battery',
      role: 'member',
    },
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sessions',
    payload: { email: 'm@example.com', password: 'correct horse battery' },
  });
  const memberId: string = signIn.json().user.id;
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

  const teams = ['Platform', 'SRE', 'Payments', 'Data', 'Edge'];
  const statuses = ['open', 'in_progress', 'done', 'verified', 'wont_do'];
  const seedStart = performance.now();
  for (let batch = 0; batch < postmortemCount; batch += 100) {
    const incidentRows = [];
    const postmortemRows = [];
    const links = [];
    const members = [];
    const items = [];
    for (let i = batch; i < batch + 100; i++) {
      const incidentId = randomUUID();
      const postmortemId = randomUUID();
      const restricted = i % 10 === 0;
      incidentRows.push({
        id: incidentId,
        title: `Incident ${i}`,
        kind: 'outage',
        severity: 'sev2',
        status: 'resolved',
        restricted,
      });
      postmortemRows.push({
        id: postmortemId,
        title: `Postmortem ${i}`,
        scope: 'single',
        phase: 'follow_up',
        restricted,
      });
      links.push({ postmortemId, incidentId });
      if (restricted && i % 20 === 0) {
        members.push({ postmortemId, userId: memberId });
      }
      for (let j = 0; j < itemsPerPostmortem; j++) {
        const day = (i * itemsPerPostmortem + j) % 120;
        items.push({
          id: randomUUID(),
          postmortemId,
          title: `Fix ${i}.${j}: alert on saturation of pool ${j}`,
          kind: 'prevent',
          status: statuses[(i + j) % statuses.length] ?? 'open',
          wontDoReason: (i + j) % statuses.length === 4 ? 'Superseded' : null,
          verificationEvidence: (i + j) % statuses.length === 3 ? 'https://ci.example.com/1' : null,
          team: teams[(i + j) % teams.length] ?? null,
          ownerUserId: j === 0 ? memberId : null,
          dueDate: new Date(Date.parse('2026-09-01T00:00:00Z') + day * 86_400_000)
            .toISOString()
            .slice(0, 10),
        });
      }
    }
    await handle.db.insert(incidents).values(incidentRows);
    await handle.db.insert(postmortems).values(postmortemRows);
    await handle.db.insert(postmortemIncidents).values(links);
    if (members.length > 0) {
      await handle.db.insert(postmortemMembers).values(members);
    }
    await handle.db.insert(actionItems).values(items);
  }
  await admin.end();
  const direct = new pg.Client({ connectionString: url.toString() });
  await direct.connect();
  await direct.query('analyze');
  console.log(
    `seeded ${postmortemCount} postmortems, ${postmortemCount * itemsPerPostmortem} items in ${Math.round(performance.now() - seedStart)} ms`,
  );

  const debrief = async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/action-items?view=overdue&limit=50',
      headers: { cookie },
    });
    if (response.statusCode !== 200) {
      throw new Error(response.body);
    }
    return response.json().page.total as number;
  };
  const bare = async () =>
    (
      await direct.query(
        `select * from action_items where is_idea = false and status in ('open', 'in_progress')
         and due_date < $1 order by due_date asc nulls last, id limit 50`,
        [today],
      )
    ).rowCount;
  console.log(`overdue items the member sees: ${await debrief()}; bare page rows: ${await bare()}`);

  const timings = { debrief: [] as number[], bare: [] as number[] };
  for (let i = 0; i < 20; i++) {
    await debrief();
    await bare();
  }
  // Interleaved, so that machine noise hits both alike.
  for (let i = 0; i < samples; i++) {
    let start = performance.now();
    await debrief();
    timings.debrief.push(performance.now() - start);
    start = performance.now();
    await bare();
    timings.bare.push(performance.now() - start);
  }
  const report = (name: string, values: number[]) => {
    const p50 = upperRankPercentile(values, 0.5);
    const p95 = upperRankPercentile(values, 0.95);
    console.log(`${name.padEnd(44)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`);
    return { p50, p95 };
  };
  const ours = report('Debrief GET /action-items?view=overdue', timings.debrief);
  const base = report('bare SQL (same page, no visibility/counts)', timings.bare);
  console.log(
    `ratio Debrief / bare: p50 ${(ours.p50 / base.p50).toFixed(1)}×, p95 ${(ours.p95 / base.p95).toFixed(1)}×; goal: Debrief p95 < 100 ms → ${ours.p95 < 100 ? 'met' : 'NOT met'}`,
  );
  await direct.end();
  await app.close();
  await handle.close();
} finally {
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${databaseName} with (force)`);
  await cleanup.end();
}
