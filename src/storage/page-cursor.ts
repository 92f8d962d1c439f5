import { DomainError } from '../domain/errors.ts';

/** Position after the last row of a page: its sort instant and id. */
export interface PageCursor {
  at: Date;
  id: string;
}

/** Opaque, URL-safe cursor text. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for what this server writes into cursors: an instant exactly as `toISOString()` prints it,
 * in a year PostgreSQL stores. A forged cursor must be refused here, not by a failing query.
 */
export function isIssuedInstant(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const date = new Date(value);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString() === value &&
    date.getUTCFullYear() >= 1 &&
    date.getUTCFullYear() <= 9999
  );
}

/** True for a record id (UUID) as this server issues them. */
export function isIssuedId(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** Reads a cursor from a client; a tampered or foreign one is a validation error. */
export function decodeCursor(text: string): PageCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (!isIssuedId(id) || !isIssuedInstant(at)) {
      throw new Error('bad cursor');
    }
    return { at: new Date(at), id };
  } catch (cause) {
    throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid.', {
      cause,
      details: {
        errors: [
          { path: 'cursor', code: 'invalid_cursor', message: 'Not a cursor this server issued.' },
        ],
      },
    });
  }
}
