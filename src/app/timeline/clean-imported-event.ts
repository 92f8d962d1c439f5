import { createHash } from 'node:crypto';
import { limits } from '../../contracts/limits.ts';
import { DomainError } from '../../domain/errors.ts';
import { timelineEventKinds } from '../../domain/timeline-event.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';

/** The earliest and latest instants an import accepts; outside is a misread time, not history. */
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(2200, 0, 1);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Postgres refuses NUL in text and NUL or lone surrogates in jsonb: every string of a value,
 * keys included, is cleaned deeply (NUL dropped, a lone surrogate becomes U+FFFD; a bigint
 * becomes its decimal text). Dates and other values pass unchanged.
 */
export function cleanForStorage<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replaceAll('\u0000', '').replace(loneSurrogate, '\uFFFD') as T;
  }
  if (Array.isArray(value)) {
    return value.map(cleanForStorage) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[cleanForStorage(key)] = cleanForStorage(inner);
    }
    return out as T;
  }
  if (typeof value === 'bigint') {
    return value.toString() as T;
  }
  return value;
}

/** `text` cut to `max` UTF-16 units, the last an ellipsis, never between a surrogate pair. */
function cutWithEllipsis(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

function stableExternalId(id: string): string {
  return id.length <= 500 ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

function where(event: ImportedEvent, inputName: string): string {
  return event.rawRef ?? (event.sourceRef || inputName);
}

function refused(path: string, code: string, message: string, summary: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path}: ${summary}`, {
    details: { errors: [{ path, code, message }] },
  });
}

/**
 * Checks one converted event against what the timeline can hold and cleans its strings. A time
 * that is not a time, or absurdly far off (year 20202, Go zero time), or an unknown kind refuses
 * the whole input (VALIDATION_FAILED naming where). Over-long texts are cut with an ellipsis and
 * over-long external ids replaced by their hash, so re-importing stays idempotent.
 */
export function cleanImportedEvent(event: ImportedEvent, inputName: string): ImportedEvent {
  const at = event.occurredAt;
  const time = at instanceof Date ? at.getTime() : Number.NaN;
  const path = where(event, inputName);
  if (!Number.isFinite(time) || time < earliest || time >= latest) {
    const original = String(event.originalTimestamp);
    throw refused(
      path,
      'implausible_time',
      `"${original}" is not an instant between 1970 and 2200.`,
      `the time "${original}" is not a plausible instant.`,
    );
  }
  if (!(timelineEventKinds as readonly string[]).includes(event.kind)) {
    throw refused(path, 'invalid_kind', String(event.kind), 'unknown event kind.');
  }
  const text = cleanForStorage(String(event.text ?? '')).trim() || '(no text)';
  return {
    ...cleanForStorage(event),
    occurredAt: at,
    externalId: stableExternalId(cleanForStorage(String(event.externalId))),
    text: cutWithEllipsis(text, limits.longTextMax),
    details: cleanForStorage(event.details ?? {}),
    ambiguities: cleanForStorage(event.ambiguities ?? []),
  };
}
