import type { IntegrationKind } from '../../contracts/integrations.ts';
import { DomainError } from '../../domain/errors.ts';
import { converters } from '../../importers/converters.ts';
import type { ImportResult } from '../../importers/imported-event.ts';
import { quoteBigIntegers } from '../../importers/opsgenie/quote-big-integers.ts';
import { cleanForStorage } from '../timeline/clean-imported-event.ts';

/**
 * Converts one live delivery with the converter the file import uses, from the one registry
 * (`importers/converters.ts`); `event` is the delivery's event header (`X-GitHub-Event`). The
 * payload is returned parsed and cleaned for storage (no NUL, no lone surrogate), for keeping
 * it with the signal.
 */
export function convertDelivery(
  kind: IntegrationKind,
  body: string,
  deliveryRef: string,
  event?: string,
): { result: ImportResult; payload: unknown } {
  const converter = converters.find((candidate) => candidate.source === kind);
  if (!converter?.convertText) {
    throw new DomainError('NOT_FOUND', `No live converter for ${kind}.`);
  }
  const result = converter.convertText(body, deliveryRef, { event });
  return {
    result,
    payload: cleanForStorage(safeJson(kind === 'opsgenie' ? quoteBigIntegers(body) : body)),
  };
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
