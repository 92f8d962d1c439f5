import {
  type ReadTimestamp,
  readLeadingTimestamp,
  readTimestampValue,
  type TimestampContext,
} from './log-timestamp.ts';

/** The three line formats the log converter reads. */
export type LogFormat = 'json' | 'logfmt' | 'plain';

/** One log line, read. */
export interface LogRecord {
  at: ReadTimestamp;
  message: string;
  /** Normalised: trace, debug, info, warn, error, fatal, or '' when the line names none. */
  level: string;
  logger: string;
}

/** Why a line gave no record: no timestamp/unreadable, or a continuation (stack trace) line. */
export type LineProblem = 'unparseable' | 'continuation';

const timeKeys = ['time', 'timestamp', '@timestamp', 'ts', 't', 'date', 'datetime'];
const levelKeys = ['level', 'severity', 'lvl', 'log.level', 'loglevel'];
const messageKeys = ['msg', 'message', '@message', 'text', 'event'];
const errorKeys = ['error', 'err', 'exception'];
const loggerKeys = ['logger', 'component', 'service', 'module', 'name'];
const levelWord =
  /^(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERR(?:OR)?|CRIT(?:ICAL)?|FATAL|PANIC|ALERT|EMERG|SEVERE)\b:?/i;
const pinoLevels: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const logfmtPair = /([\w.@-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

/** `WARNING`, `err`, `CRITICAL`, 50, … → one of the normalised levels. */
export function normaliseLevel(value: unknown): string {
  if (typeof value === 'number') {
    return pinoLevels[Math.floor(value / 10) * 10] ?? '';
  }
  const word = typeof value === 'string' ? value.toLowerCase() : '';
  if (word.startsWith('warn')) {
    return 'warn';
  }
  if (word === 'err' || word === 'error' || word === 'severe') {
    return 'error';
  }
  if (['fatal', 'panic', 'crit', 'critical', 'alert', 'emerg', 'emergency'].includes(word)) {
    return 'fatal';
  }
  return ['trace', 'debug', 'info', 'notice'].includes(word)
    ? word === 'notice'
      ? 'info'
      : word
    : '';
}

function pick(fields: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) {
    const value = fields[key];
    if (value !== undefined && value !== null) {
      return value;
    }
  }
  return undefined;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

function fromFields(
  fields: Record<string, unknown>,
  context: TimestampContext,
): LogRecord | undefined {
  const at = readTimestampValue(pick(fields, timeKeys), context);
  if (!at) {
    return undefined;
  }
  const error = pick(fields, errorKeys);
  const message = asText(pick(fields, messageKeys));
  return {
    at,
    message: error === undefined ? message : `${message}: ${asText(error)}`.replace(/^: /, ''),
    level: normaliseLevel(pick(fields, levelKeys)),
    logger: asText(pick(fields, loggerKeys)),
  };
}

/** The `key=value` pairs of a logfmt line (quoted values unescaped). */
export function parseLogfmt(line: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of line.matchAll(logfmtPair)) {
    const raw = match[2] ?? '';
    fields[match[1] ?? ''] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  }
  return fields;
}

function readJson(line: string, context: TimestampContext): LogRecord | LineProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'unparseable';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'unparseable';
  }
  return fromFields(value as Record<string, unknown>, context) ?? 'unparseable';
}

function readPlain(line: string, context: TimestampContext): LogRecord | LineProblem {
  const leading = readLeadingTimestamp(line, context);
  if (!leading) {
    return /^\s/.test(line) ? 'continuation' : 'unparseable';
  }
  let rest = line.slice(leading.length).trimStart();
  let level = '';
  const word = levelWord.exec(rest.replace(/^\[/, ''));
  if (word) {
    level = normaliseLevel(word[1]);
    rest = rest.replace(/^\[/, '').slice(word[0].length).replace(/^\]/, '').trimStart();
  }
  return { at: leading.read, message: rest, level, logger: '' };
}

/** Reads one non-empty line in the given format. */
export function readLogLine(
  line: string,
  format: LogFormat,
  context: TimestampContext,
): LogRecord | LineProblem {
  switch (format) {
    case 'json':
      return readJson(line, context);
    case 'logfmt':
      return (
        fromFields(parseLogfmt(line), context) ??
        (/^\s/.test(line) ? 'continuation' : 'unparseable')
      );
    case 'plain':
      return readPlain(line, context);
    default: {
      const unknownFormat: never = format;
      return unknownFormat;
    }
  }
}

/** The format most of the sample lines are in (JSON objects, logfmt with a time key, else plain). */
export function detectLogFormat(lines: string[]): LogFormat {
  let json = 0;
  let logfmt = 0;
  for (const line of lines) {
    if (line.startsWith('{') && readJson(line, {}) !== 'unparseable') {
      json += 1;
    } else if (
      !readLeadingTimestamp(line, {}) &&
      timeKeys.some((key) => key in parseLogfmt(line))
    ) {
      logfmt += 1;
    }
  }
  const half = lines.length / 2;
  return json > half ? 'json' : logfmt > half ? 'logfmt' : 'plain';
}
