/**
 * The messages between the main thread and the thread that owns PGlite. Only data crosses a
 * thread boundary (structured clone), so type parsers travel as the type ids whose text is kept
 * as is, and errors as their fields.
 */

/** A request to the PGlite thread; `txId` runs it inside that open transaction. */
export type PgliteRequest =
  | {
      id: number;
      op: 'query';
      txId?: number;
      text: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      /** Type ids returned as PostgreSQL's text instead of parsed (drizzle's dates). */
      textTypes?: number[];
    }
  | { id: number; op: 'exec'; txId?: number; text: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; txId: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; channel: string }
  | { id: number; op: 'close' };

/**
 * The text columns a statement asks to receive as UTF-8 bytes, named in a comment that opens it:
 * `/* utf8-bytes: timeline *\/ select …`. From the PGlite thread they cross as a transferred
 * buffer instead of a cloned string, so a megabyte of ready JSON is neither copied across nor
 * decoded and encoded again before it is written out. Elsewhere (PostgreSQL, PGlite in process)
 * the comment is only a comment and the columns stay strings, so a reader takes either.
 */
export function utf8ByteColumnsOf(text: string): string[] {
  const named = /^\/\* utf8-bytes: ([\w, ]+) \*\//.exec(text);
  return named?.[1]?.split(',').map((column) => column.trim()) ?? [];
}

/** How a statement's text asks the PGlite thread to keep it prepared (see `isPreparedText`). */
export const preparedMarker = ' /* prepared */';

/**
 * Whether a statement asks to be kept prepared on PGlite's thread: its text ends with
 * `preparedMarker`. Elsewhere the marker is only a comment.
 */
export function isPreparedText(text: string): boolean {
  return text.endsWith(preparedMarker);
}

/** The fields of a failure that survive the crossing: PostgreSQL's (code, constraint …) included. */
export type SerializedError = Record<string, string | number | boolean | undefined> & {
  name: string;
  message: string;
};

/** What the PGlite thread sends back: an answer, a failure, or a notification. */
export type PgliteResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError }
  | { op: 'notification'; channel: string; payload: string };

/** The first message of the thread: open, or why not. */
export type PgliteThreadReady = { op: 'ready' } | { op: 'failed'; error: SerializedError };

/**
 * Copies an error's own data fields (PostgreSQL's `code`, `constraint`, `detail`, `table`,
 * PGlite's `query` …), leaving out what cannot be cloned or must not travel (the parameters).
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error) };
  }
  const out: SerializedError = { name: error.name, message: error.message };
  if (error.stack) {
    out.stack = error.stack;
  }
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'params' && ['string', 'number', 'boolean'].includes(typeof value)) {
      out[key] = value as string | number | boolean;
    }
  }
  return out;
}

/**
 * An Error on this side with the fields of the one thrown on the other; the stack is this
 * side's (where the caller awaited), with the thread's frames below it.
 */
export function deserializeError(serialized: SerializedError): Error {
  const { name, message, stack, ...fields } = serialized;
  const error = new Error(message);
  Object.defineProperty(error, 'name', { value: name, enumerable: false, writable: true });
  Object.assign(error, fields);
  if (typeof stack === 'string') {
    error.stack = `${error.stack}\n  in the PGlite thread:\n${stack.split('\n').slice(1).join('\n')}`;
  }
  return error;
}
