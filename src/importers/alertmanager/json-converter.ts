import type { TimelineSource } from '../../domain/timeline-event.ts';
import type { ImportResult } from '../imported-event.ts';
import type { DetectionSample, SourceConverter } from '../source-converter.ts';
import { requireText } from './payload-text.ts';

/**
 * Converts one webhook body (as text) into timeline events; pure, throws DomainError only.
 * `event` is what the delivery's headers name when the body does not (`X-GitHub-Event`).
 */
export type PayloadConversion = (
  text: string,
  fileName: string,
  hints?: { event?: string | undefined },
) => ImportResult;

/**
 * A SourceConverter for sources whose input is one JSON webhook body: the file pipeline and
 * the live webhook share `convertText`.
 */
export function jsonPayloadConverter(
  source: TimelineSource,
  detect: (sample: DetectionSample) => number,
  convertText: PayloadConversion,
): SourceConverter & { convertText: PayloadConversion } {
  return {
    source,
    accepts: ['text'],
    detect,
    convertText,
    async *convert(input) {
      const { text, fileName } = requireText(input);
      const result = convertText(text, fileName);
      yield { events: result.events, instants: result.instants, warnings: result.warnings };
    },
  };
}

/** The earliest (or latest) of some dated items, or null. */
export function extreme<T extends { at: Date }>(items: T[], pick: 'first' | 'last'): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (
      best === null ||
      (pick === 'first'
        ? item.at.getTime() < best.at.getTime()
        : item.at.getTime() > best.at.getTime())
    ) {
      best = item;
    }
  }
  return best;
}
