/**
 * Ingest benchmark: the log and Slack converters against a baseline of plain line-splitting and
 * `JSON.parse` over the same bytes, in one run.
 *
 *   npm run bench:ingest                 # logs at 100 MB and 1 GB, Slack at 100k and 1M messages
 *   npm run bench:ingest -- --quick      # logs at 10 and 100 MB, Slack at 10k and 100k messages
 *   npm run bench:ingest -- --log-mb 50,500 --slack 20000,200000 --rounds 2 --heap-mb 256
 *   npm run bench:ingest -- --log-mb 0          # Slack only (0 skips a half)
 *   npm run bench:ingest -- --stored --slack 10000,100000 --log-mb 0   # into the database:
 *                                                  # ingest-stored.ts (and ingest-stored-log.ts)
 *
 * Inputs are generated into a temp dir (streamed to disk, deleted afterwards; the full run needs
 * ~1.5 GB free in $TMPDIR). Each pass runs in its own Node process so that its peak RSS is its
 * own: `process.memoryUsage().rss` sampled every 20 ms. Pass `--heap-mb 256` to run every pass
 * under `--max-old-space-size=256`: a converter that held its input would then crash instead of
 * merely showing a high RSS.
 *
 * - logs: baseline = readline + `JSON.parse` per line; Debrief = the file read as an import
 *   reads it (opened, its source detected, a log over 64 MB in batches of lines, a smaller one
 *   as whole text) → `logsConverter` (parse, window, burst collapsing) → events counted.
 * - Slack: baseline = read every JSON file + `JSON.parse`; Debrief = the export read as an import
 *   reads it (its day files one at a time, strict UTF-8) → `slackConverter` → events counted.
 *
 * Storing the events into a database is out of scope here (that is the import pipeline's cost,
 * one transaction per import); this measures the stream → converter path only.
 * Prints MB/s for both, the ratio Debrief/baseline (goal ≥ 0.5), and peak RSS (goal < 300 MB,
 * flat as the input grows 10×).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsonlLog } from './generate-jsonl-log.ts';
import { generateSlackExport } from './generate-slack-export.ts';
import { type PassKind, type PassResult, runPass } from './ingest-pass.ts';
import { argument, numberArgument } from './support/bench-args.ts';
import { upperMedian } from './support/statistics.ts';

const args = process.argv.slice(2);
/** `--log-mb 50,500` → [50, 500]; `--log-mb 0` skips that half. */
const list = (text: string | undefined, fallback: number[]) =>
  (text ? text.split(',').map(Number) : fallback).filter((size) => size > 0);

async function worker(kind: PassKind, path: string): Promise<void> {
  process.stdout.write(`${JSON.stringify(await runPass(kind, path))}\n`);
}

function spawnPass(kind: PassKind, path: string): PassResult {
  const heap = argument('--heap-mb');
  const child = spawnSync(
    process.execPath,
    [
      ...(heap ? [`--max-old-space-size=${heap}`] : []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--worker',
      kind,
      path,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20, cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  if (child.status !== 0) {
    throw new Error(`${kind} pass failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as PassResult;
}

const mb = (bytes: number) => bytes / 1e6;

function compare(
  label: string,
  path: string,
  rounds: number,
  baseline: PassKind,
  debrief: PassKind,
) {
  const base: PassResult[] = [];
  const ours: PassResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate the order, so that neither always runs on a warmer cache.
    if (round % 2 === 0) {
      base.push(spawnPass(baseline, path));
      ours.push(spawnPass(debrief, path));
    } else {
      ours.push(spawnPass(debrief, path));
      base.push(spawnPass(baseline, path));
    }
  }
  const rate = (results: PassResult[]) =>
    upperMedian(results.map((r) => mb(r.bytes) / (r.ms / 1000)));
  const row = {
    label,
    megabytes: mb(base[0]?.bytes ?? 0),
    baselineMBs: rate(base),
    debriefMBs: rate(ours),
    baselineRss: Math.max(...base.map((r) => r.peakRss)),
    debriefRss: Math.max(...ours.map((r) => r.peakRss)),
    summary: ours[0]?.summary ?? '',
  };
  console.log(
    `${label.padEnd(22)} ${row.megabytes.toFixed(0).padStart(6)} MB  baseline ${row.baselineMBs.toFixed(1).padStart(6)} MB/s  debrief ${row.debriefMBs.toFixed(1).padStart(6)} MB/s  ratio ${(row.debriefMBs / row.baselineMBs).toFixed(2)}  peak RSS baseline ${mb(row.baselineRss).toFixed(0)} MB / debrief ${mb(row.debriefRss).toFixed(0)} MB  (${row.summary})`,
  );
  return row;
}

async function main(): Promise<void> {
  const quick = args.includes('--quick');
  const logSizes = list(argument('--log-mb'), quick ? [10, 100] : [100, 1000]);
  const slackSizes = list(argument('--slack'), quick ? [10_000, 100_000] : [100_000, 1_000_000]);
  const rounds = numberArgument('--rounds', 1);
  const dir = mkdtempSync(join(tmpdir(), 'debrief-ingest-'));
  const free = statfsSync(dir);
  console.log(
    `temp dir ${dir}, ${((free.bavail * free.bsize) / 1e9).toFixed(1)} GB free; ${rounds} round(s) per size`,
  );
  const rows: Array<ReturnType<typeof compare>> = [];
  try {
    for (const size of logSizes) {
      const path = join(dir, `app-${size}mb.jsonl`);
      const made = await generateJsonlLog(path, size * 1e6);
      rows.push(
        compare(
          `logs ${made.lines.toLocaleString('en-US')} lines`,
          path,
          rounds,
          'log-baseline',
          'log-debrief',
        ),
      );
      rmSync(path);
    }
    for (const count of slackSizes) {
      const path = join(dir, `slack-${count}`);
      const made = await generateSlackExport(path, count);
      rows.push(
        compare(
          `slack ${made.messages.toLocaleString('en-US')} msgs`,
          path,
          rounds,
          'slack-baseline',
          'slack-debrief',
        ),
      );
      rmSync(path, { recursive: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const kind of ['logs', 'slack']) {
    const mine = rows.filter((row) => row.label.startsWith(kind));
    const small = mine[0];
    const large = mine[mine.length - 1];
    if (small && large && small !== large) {
      const ratios = mine.map((row) => row.debriefMBs / row.baselineMBs);
      console.log(
        `${kind}: ratio ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} (goal ≥ 0.5); peak RSS ${mb(small.debriefRss).toFixed(0)} MB → ${mb(large.debriefRss).toFixed(0)} MB as the input grows ${(large.megabytes / small.megabytes).toFixed(0)}× (goal < 300 MB, flat)`,
      );
    }
  }
}

if (args[0] === '--worker') {
  await worker(args[1] as PassKind, args[2] ?? '');
} else if (args.includes('--stored')) {
  // Loaded only here: a pass's child process runs this file too, and the server's modules
  // would weigh on every pass's RSS.
  const { runStoredIngest } = await import('./ingest-stored.ts');
  const work = mkdtempSync(join(tmpdir(), 'debrief-ingest-stored-'));
  try {
    await runStoredIngest(
      {
        slack: list(argument('--slack'), [100_000, 1_000_000]),
        logMb: list(argument('--log-mb'), [100, 1000]),
        rounds: numberArgument('--rounds', 1),
      },
      work,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} else {
  await main();
}
