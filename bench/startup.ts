/**
 * Start-up benchmark: what a user waits for before Debrief does anything, end to end, each
 * against `node -e ''` started the same way in the same run.
 *
 *   npm run bench:startup            # needs a fresh build: `npm run build` first
 *
 * - `debrief --help`, `debrief --version`, `debrief lint one.md` (goals ≤ 0.3 s, ≤ 0.6 s);
 * - `debrief lint` over the fixture postmortems against `alex` over the same files, wall and
 *   CPU time (goal: ≥ 3× faster in both);
 * - `npm start` to a healthy `/api/v1/health` on a new data directory (goal ≤ 10 s) and again
 *   on the now existing one (goal ≤ 3 s), with the idle RSS of the server (goal ≤ 300 MB),
 *   measured on every start; with `BENCH_DATABASE_URL`, also on PostgreSQL (goal ≤ 150 MB).
 * Every command runs in interleaved rounds; medians are printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from '../scripts/build-state.mjs';
import { lintCorpus } from './support/lint-corpus.ts';
import { type StartMeasure, startedToHealthy } from './support/start-to-healthy.ts';
import { upperRankPercentile } from './support/statistics.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cpuReporter = fileURLToPath(new URL('./support/report-cpu-at-exit.mjs', import.meta.url));
const corpus = lintCorpus();
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'debrief-bench-startup-'));

if (!isBuildFresh('lib')) {
  console.warn('NOTICE: lib/ is not built from the current sources; run `npm run build` first.');
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Runs `node --import <cpu reporter> ...args` to its end; wall and CPU time. */
function timeNode(args: string[]): Promise<Timing> {
  const cpuFile = join(work, `cpu-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', cpuReporter, ...args], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, BENCH_CPU_FILE: cpuFile },
    });
    child.on('error', reject);
    child.on('close', () => {
      const wallMs = performance.now() - started;
      const cpu = readFileSync(cpuFile, 'utf8').trim().split('\n').map(Number);
      resolve({ wallMs, cpuMs: cpu.reduce((sum, ms) => sum + ms, 0) });
    });
  });
}

// The upper median, NaN rather than 0 when BENCH_ROUNDS=0 measured nothing: no start is 0 s.
const median = (values: number[]) => upperRankPercentile(values, 0.5);

/** Runs every case once per round, in turn, and returns the median wall and CPU of each. */
async function interleaved(cases: Record<string, string[]>): Promise<Record<string, Timing>> {
  const samples: Record<string, Timing[]> = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, args] of Object.entries(cases)) {
      samples[name] = [...(samples[name] ?? []), await timeNode(args)];
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, timings]) => [
      name,
      { wallMs: median(timings.map((t) => t.wallMs)), cpuMs: median(timings.map((t) => t.cpuMs)) },
    ]),
  );
}

const oneFile = join(work, 'one.md');
writeFileSync(
  oneFile,
  '# Checkout timeouts\n\nThe deploy pipeline shipped a config change without a canary stage.\n',
);
const cases: Record<string, string[]> = {
  "node -e ''": ['-e', ''],
  'debrief --help': ['bin/debrief.js', '--help'],
  'debrief --version': ['bin/debrief.js', '--version'],
  'debrief lint one.md': ['bin/debrief.js', 'lint', oneFile],
  'debrief lint fixtures': ['bin/debrief.js', 'lint', ...corpus.folders],
  'alex fixtures': ['node_modules/alex/cli.js', '--quiet', ...corpus.folders],
};

const results = await interleaved(cases);
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const baseline = results["node -e ''"] as Timing;
console.log(`${rounds} interleaved rounds, medians (wall / CPU)`);
for (const [name, timing] of Object.entries(results)) {
  console.log(
    `${name.padEnd(24)} ${s(timing.wallMs)} / ${s(timing.cpuMs)}   ` +
      `(${(timing.wallMs / baseline.wallMs).toFixed(1)}× node -e '')`,
  );
}
const debriefAll = results['debrief lint fixtures'];
const alexAll = results['alex fixtures'];
if (debriefAll && alexAll) {
  console.log(
    `lint over ${corpus.name}: ${(alexAll.wallMs / debriefAll.wallMs).toFixed(1)}× faster than alex ` +
      `in wall time, ${(alexAll.cpuMs / debriefAll.cpuMs).toFixed(1)}× in CPU (goal ≥ 3×)`,
  );
}

const dataDir = join(work, 'data');
const first = await startedToHealthy(root, dataDir);
const later: StartMeasure[] = [];
for (let round = 0; round < rounds; round += 1) {
  later.push(await startedToHealthy(root, dataDir));
}
const spread = (values: number[]) =>
  `median ${median(values)}, min ${Math.min(...values)}, max ${Math.max(...values)}`;
console.log(
  `npm start, new data directory:      ${s(first.healthyMs)} to healthy, ` +
    `${s(first.cpuToHealthyMs)} CPU (goal ≤ 10 s)`,
);
console.log(
  `npm start, existing data directory: ${s(median(later.map((m) => m.healthyMs)))} to healthy, ` +
    `${s(median(later.map((m) => m.cpuToHealthyMs)))} CPU, median of ${rounds} (goal ≤ 3 s)`,
);
console.log(
  `idle RSS of the server (PGlite):     ${spread([first, ...later].map((m) => m.idleRssMb))} MB ` +
    `over ${rounds + 1} starts (goal ≤ 300 MB)`,
);
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  const onPostgres: StartMeasure[] = [];
  for (let round = 0; round < rounds; round += 1) {
    onPostgres.push(await startedToHealthy(root, { databaseUrl: postgresUrl }));
  }
  console.log(
    `npm start on PostgreSQL:            ${s(median(onPostgres.map((m) => m.healthyMs)))} to healthy, ` +
      `${s(median(onPostgres.map((m) => m.cpuToHealthyMs)))} CPU; ` +
      `idle RSS ${spread(onPostgres.map((m) => m.idleRssMb))} MB (goal ≤ 150 MB)`,
  );
} else {
  console.warn('NOTICE: BENCH_DATABASE_URL not set; the PostgreSQL start is skipped.');
}
rmSync(work, { recursive: true, force: true });
