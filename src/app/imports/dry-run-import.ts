import type { ImportOptions } from '../../importers/source-converter.ts';
import { createOutcome, type ImportOutcome, noteChunk } from './import-into-timeline.ts';
import type { OpenedInput } from './opened-input.ts';
import { checkImportedEvent, inWindow, readChunks } from './read-chunks.ts';
import type { ChosenSource } from './start-import.ts';

/** What a dry run found: what WOULD be imported, with a few sample events. */
export interface DryRunOutcome extends ImportOutcome {
  samples: Array<{ occurredAt: string; kind: string; text: string; externalId: string }>;
}

/**
 * Parses an input exactly as an import would, touching no database: events are counted once
 * per external id (duplicates within the input are counted as skipped).
 */
export async function dryRunImport(
  opened: OpenedInput,
  chosen: ChosenSource,
  options: ImportOptions,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<DryRunOutcome> {
  const outcome: DryRunOutcome = { ...createOutcome(), samples: [] };
  try {
    return await collect(opened, chosen, options, onBytes, outcome);
  } finally {
    opened.release?.();
  }
}

async function collect(
  opened: OpenedInput,
  chosen: ChosenSource,
  options: ImportOptions,
  onBytes: (bytes: number) => void,
  outcome: DryRunOutcome,
): Promise<DryRunOutcome> {
  const seen = new Set<string>();
  const input = await opened.inputFor(chosen.converter, onBytes);
  for await (const chunk of readChunks(chosen.converter, input, options)) {
    noteChunk(outcome, chunk);
    for (const raw of chunk.events) {
      const event = checkImportedEvent(raw, input.fileName);
      if (!inWindow(event, options)) {
        outcome.outsideWindow += 1;
      } else if (seen.has(event.externalId)) {
        outcome.duplicatesSkipped += 1;
      } else {
        seen.add(event.externalId);
        outcome.eventsProposed += 1;
        if (outcome.samples.length < 10) {
          outcome.samples.push({
            occurredAt: event.occurredAt.toISOString(),
            kind: event.kind,
            text: event.text.slice(0, 200),
            externalId: event.externalId,
          });
        }
      }
    }
  }
  return outcome;
}
