/**
 * Responsiveness during a large import: a dense Slack export (1M messages by default) is
 * imported into a postmortem of a running server while a separate process asks
 * `GET /api/v1/health` every 50 ms. Goal: every answer within 100 ms, and the import finishes.
 *
 *   npm run bench:import-health                          # PGlite, 1M messages
 *   npm run bench:import-health -- --messages 100000
 *   DATABASE_URL=postgres://…/empty npm run bench:import-health
 *
 * The server runs in this process (`buildApp`, as `debrief serve` builds it) over a fresh data
 * directory; the import goes through `importFile`, the use case behind the upload route, on
 * the generated export folder. 24 hourly manual events sit in the same hours as the messages,
 * so near-duplicate linking runs across the whole import.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/app/imports/import-file.ts';
import { generateSlackExport } from './generate-slack-export.ts';
import { numberArgument } from './support/bench-args.ts';
import { startBenchServer } from './support/bench-server.ts';

const messages = numberArgument('--messages', 1_000_000);
const work = mkdtempSync(join(tmpdir(), 'debrief-bench-import-health-'));
const sampler = fileURLToPath(new URL('./support/sample-health.mjs', import.meta.url));

const exportDir = join(work, 'export');
let started = performance.now();
const generated = await generateSlackExport(exportDir, messages);
console.log(
  `generated ${generated.messages} messages, ${(generated.bytes / 1e6).toFixed(0)} MB in ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s`,
);

const url = process.env.DATABASE_URL;
const server = await startBenchServer(url, work);
const { base, deps, post } = server;
const postmortem = { id: await server.newPostmortem() };
for (let hour = 0; hour < 24; hour += 1) {
  await post(`/api/v1/postmortems/${postmortem.id}/timeline-events`, {
    occurredAt: new Date(Date.UTC(2026, 0, 1, 8 + hour, 0, 30)).toISOString(),
    text: 'payments-db connection pool is saturated again',
    kind: 'communication',
  });
}

/**
 * Samples /health in a child process until `stop` resolves: the answered latencies (ms), and
 * the sampler's own first fetch (its HTTP client's start-up included), which is not a sample.
 */
async function sampleHealthUntil(
  stop: Promise<unknown>,
): Promise<{ latencies: number[]; warmUp: number }> {
  const child = spawn(process.execPath, [sampler, `${base}/api/v1/health`, '50'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let sampled = '';
  child.stdout.on('data', (chunk) => {
    sampled += chunk;
  });
  await stop;
  child.stdin.end();
  await new Promise((resolve) => child.on('close', resolve));
  const { latencies, warmUp } = JSON.parse(sampled) as { latencies: number[]; warmUp: number };
  return { latencies: latencies.filter((ms) => ms >= 0), warmUp };
}

function describe({ latencies, warmUp }: { latencies: number[]; warmUp: number }): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return (
    `${latencies.length} answers, p50 ${pick(0.5)?.toFixed(1)} ms, p99 ${pick(0.99)?.toFixed(1)} ms, ` +
    `max ${sorted.at(-1)?.toFixed(1)} ms, ${latencies.filter((ms) => ms > 100).length} over 100 ms ` +
    `(the sampler's own first fetch, not counted: ${warmUp.toFixed(1)} ms)`
  );
}

// Baseline of the same run: the same sampler against the idle server, for 20 s (5 s gave ~80
// answers, too few for a p99 on a noisy machine: it was the single slowest answer).
const idle = await sampleHealthUntil(new Promise((resolve) => setTimeout(resolve, 20_000)));

started = performance.now();
const run = await importFile(deps, server.admin, {
  postmortemId: postmortem.id,
  locate: async () => ({ path: exportDir }),
  // The whole generated export, not only the window around the bench's incident.
  options: { window: 'all' },
});
const [during, { job, error }] = await Promise.all([sampleHealthUntil(run.finished), run.finished]);
const importSeconds = (performance.now() - started) / 1000;

console.log(
  `${url ? 'PostgreSQL' : 'PGlite'}: import ${job.status} in ${importSeconds.toFixed(0)} s, ` +
    `${job.eventsProposed} events (${(job.eventsProposed / importSeconds).toFixed(0)}/s), ` +
    `${String((job.summary as Record<string, unknown>).nearDuplicatesLinked)} near-duplicates linked` +
    (error ? ` — ${String(error)}` : ''),
);
console.log(`/health, idle server (baseline): ${describe(idle)}`);
console.log(`/health during the import:       ${describe(during)} (goal: none)`);
await server.close();
rmSync(work, { recursive: true, force: true });
