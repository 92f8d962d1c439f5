/**
 * Memory of the server under load: starts the built server (`debrief serve` with the Node flags
 * and the environment of `npm start`, PGlite in a data directory, as a user runs it), samples its resident memory
 * every 100 ms from /proc, and prints it idle (the baseline), while 30 demo postmortems are written through the API, and
 * while eight clients read them (each postmortem with its timeline, the lists, search, the
 * metrics) for `BENCH_SECONDS` (default 30). Goals (issue 13): idle ≤ 300 MB, under load
 * ≤ 400 MB. At the end of the reads it prints what holds the RSS (from /proc/<pid>/smaps) and,
 * with `BENCH_HEAPS=1`, each thread's V8 heap and WebAssembly memory (a preloaded probe).
 *
 *   npm run build && npx tsx bench/memory.ts
 *   DATABASE_URL=postgres://…/empty npx tsx bench/memory.ts     # PostgreSQL mode
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from '../scripts/build-state.mjs';
import { serverEnvironment } from '../scripts/server-process.mjs';
import { type RssBreakdown, rssBreakdown } from './support/rss-breakdown.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const postmortems = Number(process.env.BENCH_POSTMORTEMS ?? 30);
const clients = 8;

if (!isBuildFresh('lib')) {
  console.warn('NOTICE: lib/ is not built from the current sources; run `npm run build` first.');
}

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const work = mkdtempSync(join(tmpdir(), 'debrief-bench-memory-'));
const heaps = process.env.BENCH_HEAPS === '1';
const probeDir = join(work, 'threads');
mkdirSync(probeDir);
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;
/** The Node flags `npm start` runs the server with (package.json's start script). */
function startFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return manifest.scripts.start.split(/\s+/).filter((part) => part.startsWith('--'));
}

const server = spawn(
  process.execPath,
  [
    ...startFlags(),
    ...(heaps
      ? ['--import', new URL('./support/thread-memory-probe.mjs', import.meta.url).href]
      : []),
    'bin/debrief.js',
    'serve',
    '--port',
    String(port),
    '--data-dir',
    join(work, 'data'),
  ],
  {
    cwd: root,
    stdio: 'ignore',
    // What npm start gives the server, unless the environment says otherwise.
    env: { ...serverEnvironment, ...process.env, LOG_LEVEL: 'warn', BENCH_PROBE_DIR: probeDir },
  },
);
const pid = server.pid as number;

/** Samples the server's RSS until stopped; the maximum of each phase. */
const samples: Array<{ phase: string; mb: number }> = [];
let phase = 'start';
const sampler = setInterval(() => {
  try {
    samples.push({ phase, mb: rssMb(pid) });
  } catch {
    // Gone.
  }
}, 100);

try {
  for (;;) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) {
        break;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  phase = 'idle';
  await new Promise((resolve) => setTimeout(resolve, 5_000));

  phase = 'writes';
  const setup = await fetch(`${base}/api/v1/setup`, {
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
  const headers = { cookie, 'x-csrf-token': session.csrfToken };
  const ids: string[] = [];
  for (let i = 0; i < postmortems; i += 1) {
    const response = await fetch(`${base}/api/v1/demo-data`, { method: 'POST', headers });
    if (response.status !== 201) {
      throw new Error(`demo-data answered ${response.status}`);
    }
    ids.push(((await response.json()) as { data: { postmortemId: string } }).data.postmortemId);
  }

  phase = 'reads';
  const paths = [
    ...ids.map((id) => `/api/v1/postmortems/${id}?include=timeline`),
    '/api/v1/postmortems',
    '/api/v1/incidents',
    '/api/v1/search?q=checkout',
    '/api/v1/search?q=rollback%20latency',
    '/api/v1/metrics/incidents',
  ];
  let requests = 0;
  const failures = new Map<string, number>();
  const until = performance.now() + seconds * 1_000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; performance.now() < until; i += clients) {
        const path = paths[i % paths.length] as string;
        const response = await fetch(`${base}${path}`, { headers });
        await response.arrayBuffer();
        requests += 1;
        if (response.status !== 200) {
          const key = `${path.split('?')[0]} ${response.status}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  const held: RssBreakdown = rssBreakdown(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  if (heaps) {
    process.kill(pid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  phase = 'after';
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  clearInterval(sampler);

  const max = (name: string) =>
    Math.round(Math.max(0, ...samples.filter((s) => s.phase === name).map((s) => s.mb)));
  const idle = max('idle');
  console.log(
    `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: RSS of the server (max per phase)`,
  );
  console.log(`idle, 5 s after healthy (baseline): ${idle} MB (goal ≤ 300 MB)`);
  console.log(
    `writing ${postmortems} demo postmortems:      ${max('writes')} MB (${(max('writes') / idle).toFixed(2)}× idle)`,
  );
  console.log(
    `${clients} clients reading, ${seconds} s (${requests} requests): ${max('reads')} MB ` +
      `(${(max('reads') / idle).toFixed(2)}× idle; goal ≤ 400 MB)`,
  );
  console.log(`3 s after the load:                ${max('after')} MB`);
  console.log('what holds it at the end of the reads (MB):', held);
  for (const file of readdirSync(probeDir)) {
    console.log(readFileSync(join(probeDir, file), 'utf8'));
  }
  if (failures.size > 0) {
    console.log('non-200 answers:', Object.fromEntries(failures));
  }
} finally {
  clearInterval(sampler);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('close', resolve));
  rmSync(work, { recursive: true, force: true });
}
