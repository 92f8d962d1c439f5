/**
 * One measured pass of bench/ingest.ts, run in a child process: read an input the baseline way
 * or through a Debrief converter, and report bytes, milliseconds and peak RSS.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Which pass to run. */
export type PassKind = 'log-baseline' | 'log-debrief' | 'slack-baseline' | 'slack-debrief';

/** What a pass measured. */
export interface PassResult {
  bytes: number;
  ms: number;
  peakRss: number;
  summary: string;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function lines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
}

async function logBaseline(path: string): Promise<string> {
  let parsed = 0;
  for await (const line of lines(path)) {
    if (line !== '') {
      JSON.parse(line);
      parsed += 1;
    }
  }
  return `${parsed} lines parsed`;
}

/**
 * What an import reads, up to the pipeline: the file or folder opened, its parts planned and
 * their converters fed as `importFile` feeds them — a log over 64 MB as batches of lines (one
 * per 64 KB read), a smaller one as whole text, a Slack export's day files one by one through
 * the strict UTF-8 read — and their chunks read through the same error translation. Its modules
 * are loaded before the clock starts, and only by this pass: the import's code (storage,
 * drizzle) would otherwise weigh on the baseline's RSS too.
 */
async function convertAsImported(): Promise<(path: string) => Promise<string>> {
  const [{ openImportInput }, { planImport }, { readChunks }, { inputOf }] = await Promise.all([
    import('../src/inputs/open-import-input.ts'),
    import('../src/app/imports/plan-import.ts'),
    import('../src/app/imports/read-chunks.ts'),
    import('../src/app/imports/run-import-job.ts'),
  ]);
  return async (path) => {
    const opened = await openImportInput(path);
    let events = 0;
    let collapsed = 0;
    try {
      for (const part of (await planImport(opened, undefined)).parts) {
        const input = await inputOf(opened, part, () => undefined);
        for await (const chunk of readChunks(part.converter, input, {})) {
          events += chunk.events.length;
          collapsed += chunk.linesCollapsed ?? 0;
        }
      }
    } finally {
      opened.release?.();
    }
    return collapsed > 0 ? `${events} events, ${collapsed} lines collapsed` : `${events} events`;
  };
}

async function slackBaseline(dir: string): Promise<string> {
  let messages = 0;
  for (const file of await listFiles(dir)) {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    messages += Array.isArray(value) ? value.length : 0;
  }
  return `${messages} records parsed`;
}

async function bytesOf(path: string): Promise<number> {
  const info = await stat(path);
  if (info.isFile()) {
    return info.size;
  }
  let total = 0;
  for (const file of await listFiles(path)) {
    total += (await stat(file)).size;
  }
  return total;
}

/** Each pass, its modules loaded: what it runs on the input. */
const passes: Record<PassKind, () => Promise<(path: string) => Promise<string>>> = {
  'log-baseline': async () => logBaseline,
  'log-debrief': convertAsImported,
  'slack-baseline': async () => slackBaseline,
  'slack-debrief': convertAsImported,
};

/** Runs one pass, sampling RSS every 20 ms. */
export async function runPass(kind: PassKind, path: string): Promise<PassResult> {
  const bytes = await bytesOf(path);
  const pass = await passes[kind]();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const summary = await pass(path);
  const ms = performance.now() - start;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { bytes, ms, peakRss, summary };
}
