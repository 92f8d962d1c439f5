import { createHash } from 'node:crypto';
import { limits } from '../../contracts/limits.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { timelineEventKinds } from '../../domain/timeline-event.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import type {
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../../importers/source-converter.ts';

/** The earliest and latest instants an import accepts; outside is a misread time, not history. */
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(2200, 0, 1);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Postgres refuses NUL in text and lone surrogates in jsonb: clean every string deeply. */
function clean<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replaceAll('\u0000', '').replace(loneSurrogate, '\uFFFD') as T;
  }
  if (Array.isArray(value)) {
    return value.map(clean) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[clean(key)] = clean(inner);
    }
    return out as T;
  }
  if (typeof value === 'bigint') {
    return value.toString() as T;
  }
  return value;
}

function stableExternalId(id: string): string {
  return id.length <= 500 ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

function where(event: ImportedEvent, fileName: string): string {
  return event.rawRef ?? (event.sourceRef || fileName);
}

/**
 * Checks one converted event against what the timeline can hold and cleans its strings. A time
 * that is not a time, or absurdly far off (year 20202, Go zero time), refuses the import.
 */
export function checkImportedEvent(event: ImportedEvent, fileName: string): ImportedEvent {
  const at = event.occurredAt;
  const time = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(time) || time < earliest || time >= latest) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${where(event, fileName)}: the time "${String(event.originalTimestamp)}" is not a plausible instant.`,
      {
        details: {
          errors: [
            {
              path: where(event, fileName),
              code: 'implausible_time',
              message: `"${String(event.originalTimestamp)}" is not an instant between 1970 and 2200.`,
            },
          ],
        },
      },
    );
  }
  if (!(timelineEventKinds as readonly string[]).includes(event.kind)) {
    throw new DomainError('VALIDATION_FAILED', `${where(event, fileName)}: unknown event kind.`, {
      details: {
        errors: [
          { path: where(event, fileName), code: 'invalid_kind', message: String(event.kind) },
        ],
      },
    });
  }
  const text = clean(String(event.text ?? '')).trim() || '(no text)';
  return {
    ...clean(event),
    occurredAt: at,
    externalId: stableExternalId(clean(String(event.externalId))),
    text: text.length > limits.longTextMax ? `${text.slice(0, limits.longTextMax - 1)}…` : text,
    details: clean(event.details ?? {}),
    ambiguities: clean(event.ambiguities ?? []),
  };
}

/**
 * Reads a converter's chunks. Anything it throws that is not a DomainError is a file it could
 * not read: it becomes VALIDATION_FAILED naming the file, so bad input never looks like a crash.
 */
export async function* readChunks(
  converter: SourceConverter,
  input: ImportInput,
  options: ImportOptions,
): AsyncIterable<ImportChunk> {
  const iterator = converter.convert(input, options)[Symbol.asyncIterator]();
  while (true) {
    let step: IteratorResult<ImportChunk>;
    try {
      step = await iterator.next();
    } catch (error) {
      if (isDomainError(error)) {
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new DomainError(
        'VALIDATION_FAILED',
        `${input.fileName} could not be read as ${converter.source}: ${message}`,
        {
          cause: error,
          details: {
            errors: [{ path: input.fileName, code: 'unreadable_input', message }],
          },
        },
      );
    }
    if (step.done) {
      return;
    }
    yield step.value;
  }
}

/** True when the event lies in the import's window (inclusive); no window keeps everything. */
export function inWindow(event: ImportedEvent, options: ImportOptions): boolean {
  const at = event.occurredAt.getTime();
  return (
    (!options.since || at >= options.since.getTime()) &&
    (!options.until || at <= options.until.getTime())
  );
}
