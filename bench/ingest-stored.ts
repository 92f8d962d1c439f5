/**
 * Stored mode of bench/ingest.ts: what a user waits for — the whole import of a dense Slack
 * export (converter → pipeline → insert → near-duplicate linking → audit, through
 * `importFile`) into PGlite, or PostgreSQL with `DATABASE_URL` (an empty database), against
 * the same run's baseline: `JSON.parse` of the same files and a multi-row `INSERT` (1,000 rows
 * a statement, one transaction) of one row per message into the same table. Logs are measured
 * the same way by `ingest-stored-log.ts`.
 *
 *   npm run bench:ingest -- --stored --slack 10000,100000 --log-mb 10,100
 *
 * Prints seconds and messages (or MB) per second for both, the ratio Debrief / baseline (goal
 * ≥ 0.25) and how the ratio and Debrief's rate hold as the input grows (linear: steady).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { importFile } from '../src/app/imports/import-file.ts';
import { timelineEvents } from '../src/storage/schema.ts';
import { generateSlackExport } from './generate-slack-export.ts';
import { measureStoredLog, type StoredLogRow } from './ingest-stored-log.ts';
import { type BenchServer, startBenchServer } from './support/bench-server.ts';

type Row = typeof timelineEvents.$inferInsert;

/** Parse every day file and insert one row per message, as plainly as the table allows. */
async function baseline(server: BenchServer, dir: string, postmortemId: string): Promise<number> {
  const createdAt = new Date();
  let rows = 0;
  await server.handle.db.transaction(async (tx) => {
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length > 0) {
        await tx.insert(timelineEvents).values(batch);
        rows += batch.length;
        batch = [];
      }
    };
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) {
        continue;
      }
      for (const day of (await readdir(join(dir, entry.name))).sort()) {
        const file = join(dir, entry.name, day);
        const messages = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, string>>;
        for (const message of messages) {
          batch.push({
            id: randomUUID(),
            postmortemId,
            occurredAt: new Date(Number(message.ts) * 1000),
            text: String(message.text ?? ''),
            kind: 'communication',
            source: 'slack',
            sourceRef: `#${entry.name}`,
            externalId: `${entry.name}:${message.ts}`,
            status: 'proposed',
            createdAt,
          });
          if (batch.length >= 1_000) {
            await flush();
          }
        }
      }
    }
    await flush();
  });
  return rows;
}

/** The sizes to import: Slack messages and log megabytes (an empty list skips that half). */
export interface StoredSizes {
  slack: number[];
  logMb: number[];
  /** Log rounds per size (medians printed); each Slack size is measured once. */
  rounds: number;
}

/** Runs both passes per size (each into its own postmortem) and prints them. */
export async function runStoredIngest(sizes: StoredSizes, work: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  const engine = url ? 'PostgreSQL' : 'PGlite';
  const server = await startBenchServer(url, work);
  const ratios: number[] = [];
  const rates: number[] = [];
  const logs: StoredLogRow[] = [];
  try {
    for (const megabytes of sizes.logMb) {
      logs.push(await measureStoredLog(server, work, megabytes, engine, sizes.rounds));
    }
    for (const size of sizes.slack) {
      const dir = join(work, `slack-${size}`);
      await generateSlackExport(dir, size);
      let started = performance.now();
      const rows = await baseline(server, dir, await server.newPostmortem());
      const baselineS = (performance.now() - started) / 1000;
      const postmortemId = await server.newPostmortem();
      started = performance.now();
      const run = await importFile(server.deps, server.admin, {
        postmortemId,
        locate: async () => ({ path: dir }),
        // The whole generated export, not only the window around the bench's incident.
        options: { window: 'all' },
      });
      const { job } = await run.finished;
      const debriefS = (performance.now() - started) / 1000;
      const ratio = baselineS / debriefS;
      ratios.push(ratio);
      rates.push(job.eventsProposed / debriefS);
      await rm(dir, { recursive: true, force: true });
      console.log(
        `${engine} slack ${size.toLocaleString('en-US')} msgs: ` +
          `baseline ${baselineS.toFixed(1)} s (${rows} rows, ${(rows / baselineS).toFixed(0)}/s)  ` +
          `debrief ${debriefS.toFixed(1)} s (${job.status}, ${job.eventsProposed} events, ` +
          `${(job.eventsProposed / debriefS).toFixed(0)}/s)  ratio ${ratio.toFixed(2)} (goal ≥ 0.25)`,
      );
    }
  } finally {
    await server.close();
  }
  const steady = (label: string, ratioList: number[], rateList: string[]) => {
    if (ratioList.length > 1) {
      console.log(
        `${label}: ratio ${ratioList.map((r) => r.toFixed(2)).join(' → ')}, Debrief's rate ` +
          `${rateList.join(' → ')} from the smallest to the largest input (linear: steady)`,
      );
    }
  };
  steady(
    'logs',
    logs.map((row) => row.baselineS / row.debriefS),
    logs.map((row) => `${(row.megabytes / row.debriefS).toFixed(1)} MB/s`),
  );
  steady(
    'slack',
    ratios,
    rates.map((rate) => `${rate.toFixed(0)} events/s`),
  );
}
