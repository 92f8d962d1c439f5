import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedEvent, ImportWarning } from '../importers/imported-event.ts';
import { logsConverter } from '../importers/logs/logs-converter.ts';
import type { ImportInput } from '../importers/source-converter.ts';
import { lineChunkBytes as chunkBytes, openImportInput } from './open-import-input.ts';

const start = Date.UTC(2024, 2, 5, 14, 0, 0);
const at = (second: number) => new Date(start + second * 1000).toISOString();

/**
 * A JSON-lines log whose awkward spots fall on the chunk boundaries: a CRLF with `\r` the last
 * byte of one chunk and `\n` the first of the next, a 4-byte and a 3-byte character split
 * across chunks, blank and whitespace-only lines, lines that are not JSON, and a last line
 * without a newline.
 */
function awkwardLog(): { bytes: Buffer; unparseableLines: number[] } {
  const parts: string[] = [];
  let size = 0;
  let second = 0;
  const unparseableLines: number[] = [];
  const add = (text: string) => {
    parts.push(text);
    size += Buffer.byteLength(text);
  };
  const line = (level: string, msg: string) => {
    second += 1;
    return JSON.stringify({ time: at(second), level, logger: 'api', msg });
  };
  /** Ordinary lines, then one padded so that the next line starts exactly at `offset`. */
  const fillTo = (offset: number) => {
    while (offset - size > 400) {
      add(`${line('info', `GET /api/orders/${second} 200`)}\n`);
      if (second % 97 === 0) {
        add(`${line('error', `db timeout after ${second} ms`)}\r\n`);
      }
    }
    const bare = `${line('info', 'pad ')}\n`;
    add(bare.replace('pad ', `pad ${'x'.repeat(offset - size - Buffer.byteLength(bare))}`));
    expect(size).toBe(offset);
  };
  const lineNo = () => parts.join('').split('\n').length;

  const crlf = line('error', 'carriage return across chunks failed');
  fillTo(chunkBytes - Buffer.byteLength(crlf) - 1);
  add(`${crlf}\r\n`);

  add('\n   \n\t\n');
  unparseableLines.push(lineNo());
  add('{"time": "2024-03-05T14:00:00Z", "level": "error", broken\n');
  unparseableLines.push(lineNo());
  add('not json at all\n');

  const emoji = line('error', 'emoji 😀 split failed');
  fillTo(2 * chunkBytes - Buffer.byteLength(emoji.slice(0, emoji.indexOf('😀'))) - 2);
  add(`${emoji}\n`);

  const euro = line('error', 'price € split failed');
  fillTo(3 * chunkBytes - Buffer.byteLength(euro.slice(0, euro.indexOf('€'))) - 1);
  add(`${euro}\r\n`);

  fillTo(3 * chunkBytes + 5_000);
  add(line('fatal', 'last line without newline crashed'));
  return { bytes: Buffer.from(parts.join('')), unparseableLines };
}

async function* oneAtATime(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function convert(input: ImportInput) {
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  let linesCollapsed = 0;
  for await (const chunk of logsConverter.convert(input, {})) {
    events.push(...chunk.events);
    warnings.push(...(chunk.warnings ?? []));
    linesCollapsed += chunk.linesCollapsed ?? 0;
  }
  return { events, warnings, linesCollapsed };
}

describe('a log file read in chunks', () => {
  let dir: string;
  let path: string;
  let log: ReturnType<typeof awkwardLog>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'debrief-log-chunks-'));
    path = join(dir, 'app.log');
    log = awkwardLog();
    await writeFile(path, log.bytes);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the awkward spots on the chunk boundaries', () => {
    const { bytes } = log;
    expect(bytes[chunkBytes - 1]).toBe(13);
    expect(bytes[chunkBytes]).toBe(10);
    // The first byte of 😀 (F0) two bytes before the boundary, of € (E2) one byte before.
    expect(bytes[2 * chunkBytes - 2]).toBe(0xf0);
    expect(bytes[3 * chunkBytes - 1]).toBe(0xe2);
    expect(bytes[bytes.length - 1]).not.toBe(10);
  });

  it('gives the same events and warnings in batches as line at a time and as whole text', async () => {
    const opened = await openImportInput(path);
    // Files up to 64 MB go to the log converter whole; ask for lines as a larger file gets them.
    const input = await opened.inputFor({ ...logsConverter, accepts: ['lines'] }, () => undefined);
    expect(input.kind).toBe('lines');
    const batched = await convert(input);

    const text = log.bytes.toString('utf8');
    const single = await convert({
      kind: 'lines',
      fileName: 'app.log',
      lines: oneAtATime(text.split('\n')),
    });
    const whole = await convert({ kind: 'text', fileName: 'app.log', text });

    expect(batched).toEqual(single);
    expect(whole).toEqual(single);

    const texts = batched.events.map((event) => event.text);
    for (const expected of [
      'ERROR carriage return across chunks failed',
      'ERROR emoji 😀 split failed',
      'ERROR price € split failed',
      'FATAL last line without newline crashed',
    ]) {
      expect(texts).toContain(expected);
    }
    expect(texts.some((text) => text.startsWith('ERROR db timeout after'))).toBe(true);
    expect(texts.some((text) => text.includes('\r'))).toBe(false);
    expect(
      batched.warnings
        .filter((warning) => warning.code === 'LOG_LINE_UNPARSEABLE')
        .map((warning) => warning.where),
    ).toEqual(log.unparseableLines.map((line) => `app.log:${line}`));
    expect(batched.warnings).toContainEqual({
      code: 'LOG_LINES_UNPARSEABLE',
      message: '2 lines without a readable timestamp skipped',
      where: 'app.log',
    });
  });

  it('reads batches of any size as it reads single lines', async () => {
    const lines = log.bytes.toString('utf8').split('\n');
    const single = await convert({ kind: 'lines', fileName: 'app.log', lines: oneAtATime(lines) });
    for (const size of [1, 7, 1_000, lines.length]) {
      async function* batches() {
        for (let from = 0; from < lines.length; from += size) {
          yield lines.slice(from, from + size);
        }
      }
      expect(await convert({ kind: 'lines', fileName: 'app.log', lines: batches() })).toEqual(
        single,
      );
    }
  });
});

describe('a log file that ends inside a UTF-8 character', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'debrief-log-tail-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Every batch the file's lines come in, or the error that stopped them. */
  async function readAllLines(bytes: Buffer, name: string) {
    const path = join(dir, name);
    await writeFile(path, bytes);
    const opened = await openImportInput(path);
    const input = await opened.inputFor({ ...logsConverter, accepts: ['lines'] }, () => undefined);
    if (input.kind !== 'lines') {
      throw new Error(`expected lines, got ${input.kind}`);
    }
    const lines: string[] = [];
    try {
      for await (const batch of input.lines) {
        lines.push(...(typeof batch === 'string' ? [batch] : batch));
      }
    } catch (error) {
      return { lines, error };
    }
    return { lines, error: undefined };
  }

  const complete = `${JSON.stringify({ time: at(1), level: 'error', msg: 'price € shown' })}\n`;
  // The first two of the three bytes of "€": a file cut short, as a truncated upload is.
  const cut = Buffer.from('€').subarray(0, 2);

  it('refuses a last line cut inside a character, naming that line, as the whole text is refused', async () => {
    const last = JSON.stringify({ time: at(2), level: 'error', msg: 'cut at €' });
    const bytes = Buffer.concat([
      Buffer.from(complete),
      Buffer.from(last.slice(0, last.indexOf('€'))),
      cut,
    ]);
    const { error } = await readAllLines(bytes, 'cut-last-line.log');
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ path: 'cut-last-line.log:2', code: 'unreadable_input' }] },
    });
    const opened = await openImportInput(join(dir, 'cut-last-line.log'));
    await expect(
      opened.inputFor({ ...logsConverter, accepts: ['text'] }, () => undefined),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a partial character alone after the last newline', async () => {
    const { error } = await readAllLines(
      Buffer.concat([Buffer.from(complete), cut]),
      'cut-after-newline.log',
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ path: 'cut-after-newline.log:2', code: 'unreadable_input' }] },
    });
  });

  it('keeps a character that ends the file exactly at the end of a chunk', async () => {
    const last = JSON.stringify({ time: at(3), level: 'error', msg: 'ends in €' });
    const head = Buffer.from(complete);
    const padding = chunkBytes - head.length - Buffer.byteLength(last);
    const pad = `${JSON.stringify({ time: at(2), level: 'info', msg: 'x'.repeat(padding - 60) })}`;
    const filler = `${pad}${' '.repeat(padding - Buffer.byteLength(pad) - 1)}\n`;
    const bytes = Buffer.from(`${complete}${filler}${last}`);
    expect(bytes.length).toBe(chunkBytes);
    const { lines, error } = await readAllLines(bytes, 'ends-on-chunk.log');
    expect(error).toBeUndefined();
    expect(lines.at(-1)).toBe(last);
    expect(lines).toHaveLength(3);
  });
});
