const patterns: Array<[RegExp, string]> = [
  [/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<ts>'],
  [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '<q>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  // Tokens mixing letters and digits: hex, pod names, request ids (`api-7f9c8d6b5-x2x9z`, `0x1f`).
  [/\b(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+)*\b/gi, '<id>'],
  [/[-+]?\d+(?:[.,]\d+)*/g, '<n>'],
  [/\s+/g, ' '],
];
const maxTemplateLength = 240;

/**
 * The template of a log message: timestamps, quoted values, ids, hex and numbers replaced by
 * placeholders, whitespace collapsed. Lines with the same template are "similar" for bursts.
 */
export function toTemplate(message: string): string {
  let template = message;
  for (const [pattern, placeholder] of patterns) {
    template = template.replace(pattern, placeholder);
  }
  return template.trim().slice(0, maxTemplateLength);
}

const troubleWords =
  /\b(?:fail\w*|error\w*|exception\w*|time[ds]? ?out|timeout\w*|panic\w*|restart\w*|crash\w*|fatal|oom\w*|killed|refused|unavailable|unreachable|denied)\b/i;
const quietLevels = new Set(['trace', 'debug']);
const loudLevels = new Set(['warn', 'error', 'fatal']);

/**
 * Whether a line may become a timeline event: warning level and above, or (unless it is debug or
 * trace) a message that mentions trouble (fail, error, timeout, panic, restart, crash, …).
 */
export function isNotable(level: string, message: string): boolean {
  if (loudLevels.has(level)) {
    return true;
  }
  return !quietLevels.has(level) && troubleWords.test(message);
}
