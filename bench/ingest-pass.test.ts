import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dryRunImport } from '../src/app/imports/dry-run-import.ts';
import { logsConverter } from '../src/importers/logs/logs-converter.ts';
import type { ImportInput } from '../src/importers/source-converter.ts';
import { runPass } from './ingest-pass.ts';

/**
 * What the log converter was handed, call by call: the kind of input, and for lines how they
 * came (one line at a time, or batches of how many).
 */
function recordInputs(): Array<{ kind: string; items: Array<number | 'line'> | number }> {
  const original = logsConverter.convert.bind(logsConverter);
  const calls: Array<{ kind: string; items: Array<number | 'line'> | number }> = [];
  vi.spyOn(logsConverter, 'convert').mockImplementation((input: ImportInput, options) => {
    if (input.kind !== 'lines') {
      calls.push({ kind: input.kind, items: input.kind === 'text' ? input.text.length : 0 });
      return original(input, options);
    }
    const items: Array<number | 'line'> = [];
    calls.push({ kind: 'lines', items });
    const source = input.lines;
    return original(
      {
        ...input,
        lines: (async function* () {
          for await (const item of source) {
            items.push(typeof item === 'string' ? 'line' : item.length);
            yield item;
          }
        })(),
      },
      options,
    );
  });
  return calls;
}

/** `count` JSON lines of about `bytes` bytes each, an error every tenth. */
function logOf(count: number, bytes: number): string {
  const start = Date.UTC(2026, 0, 15, 13, 0, 0);
  const lines: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const line = {
      time: new Date(start + n * 1000).toISOString(),
      level: n % 10 === 0 ? 'error' : 'info',
      msg: n % 10 === 0 ? `db timeout after ${n} ms` : `GET /api/orders/${n} 200`,
      trace: 'x'.repeat(bytes),
    };
    lines.push(JSON.stringify(line));
  }
  return `${lines.join('\n')}\n`;
}

describe('the log pass of bench:ingest', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'debrief-ingest-pass-'));
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('feeds the converter a log over 64 MB as an import does: in batches of lines', async () => {
    const path = join(dir, 'large.jsonl');
    // Past the 64 MB under which a log is handed over as whole text.
    await writeFile(path, logOf(17_000, 4_000));

    const pass = recordInputs();
    const measured = await runPass('log-debrief', path);
    vi.restoreAllMocks();
    const imported = recordInputs();
    const dryRun = await dryRunImport(path, undefined, {});

    expect(pass).toEqual(imported);
    expect(pass).toHaveLength(1);
    expect(pass[0]?.kind).toBe('lines');
    expect(pass[0]?.items).not.toContain('line');
    expect(measured.summary).toContain(`${dryRun.outcome.eventsProposed} events`);
    // 68 MB read twice: seconds alone, a minute on a busy two-core runner.
  }, 120_000);

  it('feeds the converter a smaller log as an import does: as whole text', async () => {
    const path = join(dir, 'small.jsonl');
    await writeFile(path, logOf(200, 100));

    const pass = recordInputs();
    await runPass('log-debrief', path);
    vi.restoreAllMocks();
    const imported = recordInputs();
    await dryRunImport(path, undefined, {});

    expect(pass).toEqual(imported);
    expect(pass[0]?.kind).toBe('text');
  });
});
