import type { ImportOptions } from '../../importers/source-converter.ts';
import { openImportInput } from '../../inputs/open-import-input.ts';
import { cleanImportedEvent } from '../timeline/clean-imported-event.ts';
import { isInImportWindow } from '../timeline/propose-timeline-events.ts';
import { type ChosenSource, chooseSource } from './choose-source.ts';
import { createOutcome, type ImportOutcome, noteChunk } from './import-outcome.ts';
import { readChunks } from './read-chunks.ts';

/** What a dry run found: what WOULD be imported, with a few sample events. */
export interface DryRunOutcome extends ImportOutcome {
  samples: Array<{ occurredAt: string; kind: string; text: string; externalId: string }>;
}

/** A dry run's answer: what was read, as which source, and what would be proposed. */
export interface DryRun {
  fileName: string;
  bytesTotal: number;
  chosen: ChosenSource;
  outcome: DryRunOutcome;
}

/**
 * Opens and parses an input exactly as an import would (same opening, source choice, cleaning
 * and window), touching no database: events are counted once per external id (duplicates
 * within the input are counted as skipped). `onOpened` is told the size before reading starts.
 */
export async function dryRunImport(
  path: string,
  source: string | undefined,
  options: ImportOptions,
  onBytes: (bytes: number) => void = () => undefined,
  onOpened: (opened: { fileName: string; bytesTotal: number }) => void = () => undefined,
): Promise<DryRun> {
  const opened = await openImportInput(path);
  try {
    const chosen = chooseSource(opened, source);
    onOpened(opened);
    const outcome: DryRunOutcome = { ...createOutcome(), samples: [] };
    const seen = new Set<string>();
    const input = await opened.inputFor(chosen.converter, onBytes);
    for await (const chunk of readChunks(chosen.converter, input, options)) {
      noteChunk(outcome, chunk);
      for (const raw of chunk.events) {
        const event = cleanImportedEvent(raw, input.fileName);
        if (!isInImportWindow(event.occurredAt, options)) {
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
    return { fileName: opened.fileName, bytesTotal: opened.bytesTotal, chosen, outcome };
  } finally {
    opened.release?.();
  }
}
