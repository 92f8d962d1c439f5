import { DomainError } from '../../domain/errors.ts';
import type { ImportWarning } from '../imported-event.ts';
import type {
  DetectionSample,
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../source-converter.ts';
import { BurstCollapser } from './burst-collapser.ts';
import { burstToEvent } from './burst-event.ts';
import { detectLogFormat, type LogFormat, readLogLine } from './log-line.ts';
import { LogStats } from './log-stats.ts';
import { isNotable, toTemplate } from './log-template.ts';
import { assertZone } from './zone-offset.ts';

/** Tunables of the log converter; the defaults suit incident logs. */
export interface LogsConverterSettings {
  /** Similar lines further apart than this start a new burst. */
  burstGapMs: number;
  /** At most this many bursts are open at once (the memory bound). */
  maxOpenBursts: number;
  /** Yield a chunk once this many events are pending. */
  chunkEvents: number;
  /** Yield a (possibly empty) progress chunk at least every this many lines. */
  chunkLines: number;
  /** Lines read to detect the format. */
  sampleLines: number;
  /** Test hook: called after every line with the number of open bursts. */
  probe?: (openBursts: number) => void;
}

const defaults: LogsConverterSettings = {
  burstGapMs: 60_000,
  maxOpenBursts: 1_000,
  chunkEvents: 256,
  chunkLines: 50_000,
  sampleLines: 20,
};

/** Lines of a whole text are handed over in batches of this many. */
const textBatchLines = 4_096;

async function* textLines(text: string): AsyncIterable<readonly string[]> {
  const lines = text.split('\n');
  for (let at = 0; at < lines.length; at += textBatchLines) {
    yield lines.slice(at, at + textBatchLines);
  }
}

/**
 * The input's lines, one at a time or in batches; a `lines` input is iterated as given (no
 * extra async hop per line or batch).
 */
function linesOf(input: ImportInput): AsyncIterable<string | readonly string[]> {
  if (input.kind === 'lines') {
    return input.lines;
  }
  if (input.kind === 'text') {
    return textLines(input.text);
  }
  throw new DomainError(
    'VALIDATION_FAILED',
    `${input.fileName}: a log is one file of lines, not a folder`,
    {
      details: {
        errors: [{ path: input.fileName, code: 'LOG_INPUT_KIND', message: 'Expected lines' }],
      },
    },
  );
}

function inWindow(ms: number, options: ImportOptions): boolean {
  return (
    (!options.since || ms >= options.since.getTime()) &&
    (!options.until || ms <= options.until.getTime())
  );
}

/** Scores how much a sample looks like a log file (JSON lines, logfmt or timestamped text). */
function detect(sample: DetectionSample): number {
  if (sample.paths && sample.paths.length > 0) {
    return 0;
  }
  const lines = sample.head
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
  // The head may end mid-line: drop its last line unless the head ends with a newline.
  const whole = sample.head.endsWith('\n') || lines.length < 2 ? lines : lines.slice(0, -1);
  const complete = whole.slice(0, 20);
  if (complete.length === 0) {
    return 0;
  }
  const format = detectLogFormat(complete);
  const readable = complete.filter(
    (line) => typeof readLogLine(line, format, {}) !== 'string',
  ).length;
  const share = readable / complete.length;
  const named = /\.(log|jsonl|ndjson|logfmt)$/i.test(sample.fileName) ? 0.1 : 0;
  const base = format === 'plain' ? 0.6 : 0.85;
  // One line is too little to call a log: a minified webhook body would pass.
  const sure = complete.length >= 2 ? 1 : 0.5;
  return share >= 0.5 ? Math.min(1, (base * share + named) * sure) : 0;
}

/** A log converter with the given settings (tests shrink the caps). */
export function createLogsConverter(
  overrides: Partial<LogsConverterSettings> = {},
): SourceConverter {
  const settings = { ...defaults, ...overrides };
  return {
    source: 'log',
    accepts: ['lines', 'text'],
    detect,
    async *convert(input: ImportInput, options: ImportOptions): AsyncIterable<ImportChunk> {
      if (options.zone) {
        assertZone(options.zone);
      }
      const file = input.fileName;
      const context = { zone: options.zone, since: options.since, until: options.until };
      const collapser = new BurstCollapser({
        gapMs: settings.burstGapMs,
        maxOpen: settings.maxOpenBursts,
      });
      const stats = new LogStats(file);
      let format: LogFormat | undefined;
      const sample: Array<[string, number]> = [];
      let pending: ImportChunk = { events: [], linesCollapsed: 0 };
      let linesSinceChunk = 0;

      const take = (line: string, lineNo: number, chosen: LogFormat) => {
        const record = readLogLine(line, chosen, context);
        if (typeof record === 'string') {
          stats.problem(record, lineNo);
          return;
        }
        stats.parsed += 1;
        if (!inWindow(record.at.ms, options)) {
          stats.outsideWindow += 1;
          return;
        }
        if (!isNotable(record.level, record.message)) {
          stats.belowLevel += 1;
          return;
        }
        const ref = `${file}:${lineNo}`;
        const closed = collapser.add({ ...record, template: toTemplate(record.message), ref });
        for (const burst of closed) {
          pending.events.push(burstToEvent(burst, file));
          pending.linesCollapsed = (pending.linesCollapsed ?? 0) + burst.count - 1;
        }
      };

      let lineNo = 0;
      for await (const item of linesOf(input)) {
        const batch = typeof item === 'string' ? [item] : item;
        for (const raw of batch) {
          lineNo += 1;
          let line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
          if (line.charCodeAt(line.length - 1) === 13) {
            line = line.slice(0, -1);
          }
          if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) {
            continue;
          }
          if (!format) {
            sample.push([line, lineNo]);
            if (sample.length < settings.sampleLines) {
              continue;
            }
            format = detectLogFormat(sample.map(([text]) => text));
            for (const [text, at] of sample) {
              take(text, at, format);
            }
          } else {
            take(line, lineNo, format);
          }
          settings.probe?.(collapser.openCount);
          linesSinceChunk += 1;
          if (
            pending.events.length >= settings.chunkEvents ||
            linesSinceChunk >= settings.chunkLines
          ) {
            yield pending;
            pending = { events: [], linesCollapsed: 0 };
            linesSinceChunk = 0;
          }
        }
      }
      if (!format) {
        format = detectLogFormat(sample.map(([text]) => text));
        for (const [text, at] of sample) {
          take(text, at, format);
        }
      }
      for (const burst of collapser.flush()) {
        pending.events.push(burstToEvent(burst, file));
        pending.linesCollapsed = (pending.linesCollapsed ?? 0) + burst.count - 1;
      }
      stats.assertReadable();
      const warnings: ImportWarning[] = stats.warnings();
      yield { ...pending, ...(warnings.length > 0 ? { warnings } : {}) };
    },
  };
}

/** The log converter: JSON lines, logfmt or timestamped text, collapsed into bursts. */
export const logsConverter: SourceConverter = createLogsConverter();
