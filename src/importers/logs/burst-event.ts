import type { ImportedEvent } from '../imported-event.ts';
import type { Burst } from './burst-collapser.ts';
import { fnv1a64 } from './fnv1a64.ts';

function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/**
 * A closed burst as a timeline event: `ERROR db timeout to "payments-db" ×1,243 (14:03:01–14:09:55)`
 * (times in UTC). The external id hashes the template, level, logger and first instant, so the
 * same file imported again yields the same ids.
 */
export function burstToEvent(burst: Burst, sourceRef: string): ImportedEvent {
  const level = burst.level ? `${burst.level.toUpperCase()} ` : '';
  const sample = burst.sample.length > 300 ? `${burst.sample.slice(0, 299)}…` : burst.sample;
  const span =
    burst.count > 1
      ? ` ×${withThousands(burst.count)} (${clock(burst.firstMs)}–${clock(burst.lastMs)} UTC)`
      : '';
  return {
    externalId: `log-${fnv1a64(`${burst.template}\u0000${burst.level}\u0000${burst.logger}\u0000${burst.firstMs}`)}`,
    occurredAt: new Date(burst.firstMs),
    originalTimestamp: burst.first.text,
    originalZone: burst.first.zone,
    text: `${level}${sample}${span}`,
    kind: 'observation',
    actor: burst.logger || null,
    sourceRef,
    rawRef: burst.firstRef,
    details: {
      count: burst.count,
      first: new Date(burst.firstMs).toISOString(),
      last: new Date(burst.lastMs).toISOString(),
      sample: burst.sample,
      template: burst.template,
      level: burst.level || null,
      ...(burst.logger ? { logger: burst.logger } : {}),
      ...(burst.count > 1 ? { lastRawRef: burst.lastRef } : {}),
    },
    ambiguities: burst.first.ambiguities,
  };
}
