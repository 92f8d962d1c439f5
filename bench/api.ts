/**
 * API benchmark: GET of a postmortem with 2,000 timeline events (the postmortem view and its
 * timeline) against a bare Fastify route that returns the same JSON, measured in the same run
 * over real HTTP on loopback, in interleaved rounds so that machine noise hits both alike.
 *
 *   npx tsx bench/api.ts            # embedded PGlite (a data directory, as `debrief serve`)
 *   DATABASE_URL=postgres://… npx tsx bench/api.ts
 *
 * Prints requests per second and latency percentiles for each, and the throughput ratio
 * (Debrief / bare). Goals: ≥ 0.6 with the read cache; with it off (what the first read after a
 * change costs) ≥ 0.5 on PostgreSQL and ≥ 0.35 on PGlite.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { AppDeps } from '../src/app/app-deps.ts';
import { defaultPolicy } from '../src/domain/policy.ts';
import { buildApp } from '../src/server/build-app.ts';
import { openDatabase } from '../src/storage/open-database.ts';
import { timelineEvents } from '../src/storage/schema.ts';
import { upperRankPercentile } from './support/statistics.ts';

const eventCount = 2_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const requestsPerRound = 60;
const concurrency = 4;

async function seed(baseUrl: string, deps: AppDeps) {
  const setup = await fetch(`${baseUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      name: 'Bench',
      password: 'correct horse battery staple',
    }),
  });
  const session = (await setup.json()) as { csrfToken: string };
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken };
  const post = async (path: string, body: unknown) =>
    (await (
      await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    ).json()) as {
      data: { id: string };
    };
  const incident = await post('/api/v1/incidents', {
    title: 'Bench incident',
    kind: 'outage',
    severity: 'sev2',
    instants: {
      started_at: { at: '2026-11-16T10:00:00Z' },
      resolved_at: { at: '2026-11-16T12:00:00Z' },
    },
  });
  const postmortem = await post('/api/v1/postmortems', { incidentIds: [incident.data.id] });
  const start = Date.parse('2026-11-16T10:00:00Z');
  const rows = Array.from({ length: eventCount }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      postmortemId: postmortem.data.id,
      occurredAt: new Date(start + i * 3_000),
      text: `Event ${i}: checkout-api p99 latency at ${300 + (i % 97)} ms, queue depth ${i % 41}, pod checkout-${i % 12} restarted`,
      kind: i % 7 === 0 ? 'action' : 'observation',
      source: 'manual',
      sourceRef: null,
      externalId: `manual:${id}`,
      originalTimestamp: null,
      originalZone: null,
      actor: null,
      status: 'accepted',
      createdAt: new Date(),
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await deps.db.insert(timelineEvents).values(rows.slice(i, i + 500));
  }
  return { postmortemId: postmortem.data.id, cookie };
}

async function measure(url: string, headers: Record<string, string>, count: number) {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const t0 = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) {
          throw new Error(`${url} answered ${response.status}`);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    latencies,
  };
}

async function main() {
  // PGlite as `debrief serve` runs it: a data directory, on a thread of its own.
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-bench-api-'));
  const handle = process.env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
    : await openDatabase({ kind: 'pglite', dataDir });
  await handle.migrate();
  const deps: AppDeps = {
    db: handle.db,
    clock: () => new Date(),
    newId: randomUUID,
    policy: defaultPolicy,
  };
  const app = await buildApp({ deps, ping: handle.ping });
  const debriefUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const { postmortemId, cookie } = await seed(debriefUrl, deps);
  // The same server without its read cache: what every first read after a change costs.
  const uncached = await buildApp({ deps, ping: handle.ping, readCacheMegachars: 0 });
  const uncachedUrl = await uncached.listen({ port: 0, host: '127.0.0.1' });

  const targets = [
    {
      name: 'postmortem with its timeline',
      path: `/api/v1/postmortems/${postmortemId}?include=timeline`,
      base: debriefUrl,
    },
    {
      name: 'postmortem with its timeline, read cache off',
      path: `/api/v1/postmortems/${postmortemId}?include=timeline`,
      base: uncachedUrl,
    },
    {
      name: 'timeline list (2,000 events), read cache off',
      path: `/api/v1/postmortems/${postmortemId}/timeline-events?limit=5000`,
      base: uncachedUrl,
    },
  ];
  const bare = Fastify({ logger: false });
  const bodies = new Map<string, unknown>();
  for (const target of targets) {
    const response = await fetch(`${debriefUrl}${target.path}`, { headers: { cookie } });
    bodies.set(target.path, await response.json());
    if (!bare.hasRoute({ method: 'GET', url: target.path.split('?')[0] ?? '' })) {
      bare.get(target.path.split('?')[0] ?? '', async () => bodies.get(target.path));
    }
  }
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  console.log(
    `Debrief API benchmark: ${eventCount} timeline events, ${handle.kind}, ${rounds} interleaved rounds × ${requestsPerRound} requests, concurrency ${concurrency}`,
  );
  for (const target of targets) {
    const results = {
      debrief: [] as number[],
      bare: [] as number[],
      debriefSeconds: 0,
      bareSeconds: 0,
      debriefCpu: 0,
      bareCpu: 0,
    };
    await measure(`${target.base}${target.path}`, { cookie }, 20);
    await measure(`${bareUrl}${target.path}`, {}, 20);
    for (let round = 0; round < rounds; round++) {
      const ours = await measure(`${target.base}${target.path}`, { cookie }, requestsPerRound);
      const theirs = await measure(`${bareUrl}${target.path}`, {}, requestsPerRound);
      results.debrief.push(...ours.latencies);
      results.bare.push(...theirs.latencies);
      results.debriefSeconds += ours.seconds;
      results.bareSeconds += theirs.seconds;
      results.debriefCpu += ours.cpuSeconds;
      results.bareCpu += theirs.cpuSeconds;
    }
    const size = JSON.stringify(bodies.get(target.path)).length;
    const debriefRps = results.debrief.length / results.debriefSeconds;
    const bareRps = results.bare.length / results.bareSeconds;
    console.log(`\n${target.name} (${(size / 1024).toFixed(0)} KiB)`);
    console.log(
      `  debrief  ${debriefRps.toFixed(1)} req/s  p50 ${upperRankPercentile(results.debrief, 0.5).toFixed(1)} ms  p99 ${upperRankPercentile(results.debrief, 0.99).toFixed(1)} ms`,
    );
    console.log(
      `  bare     ${bareRps.toFixed(1)} req/s  p50 ${upperRankPercentile(results.bare, 0.5).toFixed(1)} ms  p99 ${upperRankPercentile(results.bare, 0.99).toFixed(1)} ms`,
    );
    const goal = target.base === uncachedUrl ? (handle.kind === 'postgres' ? 0.5 : 0.35) : 0.6;
    // CPU per request of this process (server, database on PGlite, and the client, alike for
    // both): on a loaded machine a steadier measure than wall-clock throughput.
    const cpuRatio =
      results.bareCpu / results.bare.length / (results.debriefCpu / results.debrief.length);
    console.log(
      `  ratio    ${(debriefRps / bareRps).toFixed(2)} (goal ≥ ${goal}); ` +
        `by CPU per request ${cpuRatio.toFixed(2)}`,
    );
  }
  await app.close();
  await uncached.close();
  await bare.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
