/**
 * Stored mode of bench/ingest.ts for a JSON-lines log: the whole import of a generated log
 * (read → log converter → cleaning → insert → near-duplicate linking → audit, through
 * `importFile`, the source detected as a user's upload would be) into PGlite, or PostgreSQL with
 * `DATABASE_URL`, against the same run's baseline: readline + `JSON.parse` of every line of the
 * same file, plus a multi-row `INSERT` (1,000 rows a statement, one transaction) of the same
 * rows Debrief stored, into another postmortem of the same table.
 *
 *   npm run bench:ingest -- --stored --slack 0 --log-mb 100,1000 --rounds 3
 *
 * A log is not a row per line: the converter collapses bursts of similar lines into one event
 * (a 1 GB log is ~6.5M lines and ~2,300 events), so "the same rows" are the events Debrief
 * keeps. The baseline therefore parses everything and stores what Debrief stores; Debrief's
 * extra work is the converter, the window, the cleaning, the linking and the audit.
 *
 * Besides wall time it prints each half's CPU time in this process (PGlite's thread included, the
 * PostgreSQL server not): on a loaded machine the wall time of one half swings 2–3× by round.
 *
 * Limits (docs/importing.md): an import holds at most 2,000,000 events and an upload at most
 * `DEBRIEF_IMPORT_MAX_BYTES` (default 2 GB); a 1 GB log is within both, so nothing is raised.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import { importFile } from '../src/app/imports/import-file.ts';
import { timelineEvents } from '../src/storage/schema.ts';
import { generateJsonlLog } from './generate-jsonl-log.ts';
import type { BenchServer } from './support/bench-server.ts';
import { upperMedian } from './support/statistics.ts';

/** One size's figures: seconds for each half and what they handled. */
export interface StoredLogRow {
  megabytes: number;
  lines: number;
  baselineS: number;
  debriefS: number;
  events: number;
  status: string;
}

/** The baseline's parse: every line through `JSON.parse`, as plainly as Node reads lines. */
async function parseEveryLine(path: string): Promise<number> {
  let parsed = 0;
  const lines = createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line !== '') {
      JSON.parse(line);
      parsed += 1;
    }
  }
  return parsed;
}

/** The baseline's insert: Debrief's stored rows, with new ids, into another postmortem. */
async function insertSameRows(
  server: BenchServer,
  from: string,
  to: string,
): Promise<{ rows: number; ms: number; cpuMs: number }> {
  const stored = await server.handle.db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.postmortemId, from));
  const copies = stored.map((row) => ({
    ...row,
    id: randomUUID(),
    postmortemId: to,
    duplicateOfId: null,
    importId: null,
  }));
  const started = performance.now();
  const cpu = process.cpuUsage();
  await server.handle.db.transaction(async (tx) => {
    for (let at = 0; at < copies.length; at += 1_000) {
      await tx.insert(timelineEvents).values(copies.slice(at, at + 1_000));
    }
  });
  return { rows: copies.length, ms: performance.now() - started, cpuMs: cpuMs(cpu) };
}

/** Milliseconds of CPU (user + system, every thread of this process) since `from`. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/**
 * Generates one log of `megabytes` MB, then measures it `rounds` times, alternating which half
 * runs first so that neither always meets the busier machine, and prints the medians.
 */
export async function measureStoredLog(
  server: BenchServer,
  work: string,
  megabytes: number,
  engine: string,
  rounds = 1,
): Promise<StoredLogRow> {
  const path = join(work, `app-${megabytes}mb.jsonl`);
  const made = await generateJsonlLog(path, megabytes * 1e6);
  const baselines: number[] = [];
  const debriefs: number[] = [];
  let parsed = 0;
  let inserted = 0;
  let last = { status: 'none', eventsProposed: 0, linesCollapsed: 0 };
  const baselineCpus: number[] = [];
  const debriefCpus: number[] = [];
  const parse = async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    parsed = await parseEveryLine(path);
    parseCpuMs = cpuMs(cpu);
    return performance.now() - started;
  };
  let parseCpuMs = 0;
  let importCpuMs = 0;
  const runImport = async () => {
    const postmortemId = await server.newPostmortem();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const run = await importFile(server.deps, server.admin, {
      postmortemId,
      locate: async () => ({ path }),
      // The whole generated log, not only the window around the bench's incident.
      options: { window: 'all' },
    });
    last = (await run.finished).job;
    importCpuMs = cpuMs(cpu);
    return { postmortemId, ms: performance.now() - started };
  };
  try {
    for (let round = 0; round < rounds; round += 1) {
      let parseMs: number;
      let imported: { postmortemId: string; ms: number };
      if (round % 2 === 0) {
        parseMs = await parse();
        imported = await runImport();
      } else {
        imported = await runImport();
        parseMs = await parse();
      }
      const insert = await insertSameRows(
        server,
        imported.postmortemId,
        await server.newPostmortem(),
      );
      inserted = insert.rows;
      baselines.push((parseMs + insert.ms) / 1000);
      debriefs.push(imported.ms / 1000);
      baselineCpus.push((parseCpuMs + insert.cpuMs) / 1000);
      debriefCpus.push(importCpuMs / 1000);
    }
  } finally {
    await rm(path, { force: true });
  }
  const baselineS = upperMedian(baselines);
  const debriefS = upperMedian(debriefs);
  const row: StoredLogRow = {
    megabytes: made.bytes / 1e6,
    lines: made.lines,
    baselineS,
    debriefS,
    events: last.eventsProposed,
    status: last.status,
  };
  const each = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');
  console.log(
    `${engine} log ${row.megabytes.toFixed(0)} MB (${made.lines.toLocaleString('en-US')} lines, ` +
      `${rounds} round(s), medians): baseline ${baselineS.toFixed(1)} s [${each(baselines)}] ` +
      `(parse of ${parsed} lines + insert of ${inserted} rows, ` +
      `${(row.megabytes / baselineS).toFixed(1)} MB/s)  debrief ${debriefS.toFixed(1)} s ` +
      `[${each(debriefs)}] (${last.status}, ${last.eventsProposed} events, ${last.linesCollapsed} ` +
      `lines collapsed, ${(row.megabytes / debriefS).toFixed(1)} MB/s)  ` +
      `ratio ${(baselineS / debriefS).toFixed(2)} (goal ≥ 0.25); CPU time of this process ` +
      `(PGlite's thread included, not PostgreSQL's): baseline ${upperMedian(baselineCpus).toFixed(1)} s, ` +
      `debrief ${upperMedian(debriefCpus).toFixed(1)} s [${each(debriefCpus)}], ratio ` +
      `${(upperMedian(baselineCpus) / upperMedian(debriefCpus)).toFixed(2)}`,
  );
  return row;
}
