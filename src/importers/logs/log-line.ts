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

/** Level words already normalised: a log repeats a handful of them millions of times. */
const normalisedWords = new Map<string, string>();
const maxNormalisedWords = 64;

/** `WARNING`, `err`, `CRITICAL`, 50, … → one of the normalised levels. */
export function normaliseLevel(value: unknown): string {
  if (typeof value === 'number') {
    return pinoLevels[Math.floor(value / 10) * 10] ?? '';
  }
  if (typeof value !== 'string') {
    return '';
  }
  let level = normalisedWords.get(value);
  if (level === undefined) {
    level = normaliseWord(value.toLowerCase());
    if (normalisedWords.size < maxNormalisedWords) {
      normalisedWords.set(value, level);
    }
  }
  return level;
}

function normaliseWord(word: string): string {
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

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

/*
 * Each field is the first of its keys present and not null, read as literal property accesses:
 * a loop over the keys looked each one up by a variable name, which cost more per line than the
 * rest of reading it. `?? undefined` makes a trailing null "absent". The time keys must stay
 * those of `timeKeys`.
 */
const timeOf = (f: Record<string, unknown>) =>
  f.time ?? f.timestamp ?? f['@timestamp'] ?? f.ts ?? f.t ?? f.date ?? f.datetime ?? undefined;
const levelOf = (f: Record<string, unknown>) =>
  f.level ?? f.severity ?? f.lvl ?? f['log.level'] ?? f.loglevel ?? undefined;
const messageOf = (f: Record<string, unknown>) =>
  f.msg ?? f.message ?? f['@message'] ?? f.text ?? f.event ?? undefined;
const errorOf = (f: Record<string, unknown>) => f.error ?? f.err ?? f.exception ?? undefined;
const loggerOf = (f: Record<string, unknown>) =>
  f.logger ?? f.component ?? f.service ?? f.module ?? f.name ?? undefined;

function fromFields(
  fields: Record<string, unknown>,
  context: TimestampContext,
): LogRecord | undefined {
  const at = readTimestampValue(timeOf(fields), context);
  if (!at) {
    return undefined;
  }
  const error = errorOf(fields);
  const message = asText(messageOf(fields));
  return {
    at,
    message: error === undefined ? message : `${message}: ${asText(error)}`.replace(/^: /, ''),
    level: normaliseLevel(levelOf(fields)),
    logger: asText(loggerOf(fields)),
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
