/**
 * One measured pass of bench/ingest.ts, run in a child process: read an input the baseline way
 * or through a Debrief converter, and report bytes, milliseconds and peak RSS.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { logsConverter } from '../src/importers/logs/logs-converter.ts';
import { slackConverter } from '../src/importers/slack/slack-converter.ts';

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

async function logDebrief(path: string): Promise<string> {
  let events = 0;
  let collapsed = 0;
  for await (const chunk of logsConverter.convert(
    { kind: 'lines', fileName: path, lines: lines(path) },
    {},
  )) {
    events += chunk.events.length;
    collapsed += chunk.linesCollapsed ?? 0;
  }
  return `${events} events, ${collapsed} lines collapsed`;
}

async function slackBaseline(dir: string): Promise<string> {
  let messages = 0;
  for (const file of await listFiles(dir)) {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    messages += Array.isArray(value) ? value.length : 0;
  }
  return `${messages} records parsed`;
}

async function slackDebrief(dir: string): Promise<string> {
  async function* files() {
    for (const file of await listFiles(dir)) {
      yield { path: relative(dir, file), read: () => readFile(file, 'utf8') };
    }
  }
  let events = 0;
  for await (const chunk of slackConverter.convert(
    { kind: 'files', fileName: dir, files: files() },
    {},
  )) {
    events += chunk.events.length;
  }
  return `${events} events`;
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

const passes: Record<PassKind, (path: string) => Promise<string>> = {
  'log-baseline': logBaseline,
  'log-debrief': logDebrief,
  'slack-baseline': slackBaseline,
  'slack-debrief': slackDebrief,
};

/** Runs one pass, sampling RSS every 20 ms. */
export async function runPass(kind: PassKind, path: string): Promise<PassResult> {
  const bytes = await bytesOf(path);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const summary = await passes[kind](path);
  const ms = performance.now() - start;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { bytes, ms, peakRss, summary };
}
