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

/** Reads a cursor from a client; a tampered or foreign one is a validation error. */
export function decodeCursor(text: string): PageCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) {
      throw new Error('bad cursor');
    }
    return { at: date, id };
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
