import { DomainError } from '../../domain/errors.ts';
import type { TimelineEvent } from '../../domain/timeline-event.ts';
import { isIssuedId, isIssuedInstant } from '../page-cursor.ts';

/** Keyset position: the sort key of the last row of a page. */
export interface TimelineCursor {
  occurredAt: string;
  createdAt: string;
  id: string;
}

/** The cursor after `event`. */
export function encodeTimelineCursor(
  event: Pick<TimelineEvent, 'occurredAt' | 'createdAt' | 'id'>,
): string {
  const key = [event.occurredAt.toISOString(), event.createdAt.toISOString(), event.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor a client sent back; VALIDATION_FAILED when it is not one of ours. */
export function decodeTimelineCursor(text: string): TimelineCursor {
  try {
    const [occurredAt, createdAt, id] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as unknown[];
    if (!isIssuedId(id) || !isIssuedInstant(occurredAt) || !isIssuedInstant(createdAt)) {
      throw new Error('bad cursor');
    }
    return { occurredAt, createdAt, id };
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
