/** What of an error may be written to a log: no query parameters, no row values. */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  cause?: LoggableError;
}

const maxDepth = 5;

/**
 * A failed query carries its parameters (a password hash, a token hash) in its message, and a
 * PostgreSQL error its row values in `detail`. This keeps what helps to debug — the SQL text,
 * the SQLSTATE, the constraint, the stack frames — and drops those values, also from the stack,
 * whose first line repeats the message.
 */
export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: 'non-error value thrown' };
  }
  const fields = error as Error & {
    query?: unknown;
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
  };
  const message =
    typeof fields.query === 'string'
      ? `Failed query: ${fields.query}`
      : error.message.replace(/\nparams: [\s\S]*$/, '');
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? [];
  const result: LoggableError = {
    type: error.name,
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
  if (typeof fields.code === 'string') {
    result.code = fields.code;
  }
  if (typeof fields.constraint === 'string') {
    result.constraint = fields.constraint;
  }
  if (typeof fields.table === 'string') {
    result.table = fields.table;
  }
  if (error.cause !== undefined && depth < maxDepth) {
    result.cause = loggableError(error.cause, depth + 1);
  }
  return result;
}
