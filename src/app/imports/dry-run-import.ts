import type { ImportOptions } from '../../importers/source-converter.ts';
import { openImportInput } from '../../inputs/open-import-input.ts';
import { cleanImportedEvent } from '../timeline/clean-imported-event.ts';
import { isInImportWindow } from '../timeline/propose-timeline-events.ts';
import { createOutcome, type ImportOutcome, noteChunk, startPart } from './import-outcome.ts';
import { type ImportPlan, planImport } from './plan-import.ts';
import { readChunks } from './read-chunks.ts';
import { inputOf } from './run-import-job.ts';

/** What a dry run found: what WOULD be imported, with a few sample events. */
export interface DryRunOutcome extends ImportOutcome {
  samples: Array<{ occurredAt: string; kind: string; text: string; externalId: string }>;
}

/** A dry run's answer: what was read, as which source, and what would be proposed. */
export interface DryRun {
  fileName: string;
  bytesTotal: number;
  plan: ImportPlan;
  outcome: DryRunOutcome;
}

/**
 * Opens and parses an input exactly as an import would (same opening, plan of sources, cleaning
 * and window), touching no database: events are counted once per external id (duplicates
 * within one part are counted as skipped). `onOpened` is told the size before reading starts.
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
    const plan = await planImport(opened, source);
    onOpened(opened);
    const outcome: DryRunOutcome = { ...createOutcome(), skipped: plan.skipped, samples: [] };
    outcome.window = {
      since: options.since?.toISOString() ?? null,
      until: options.until?.toISOString() ?? null,
      basis: options.since || options.until ? 'given' : 'none',
    };
    for (const part of plan.parts) {
      const seen = new Set<string>();
      const partOutcome = startPart(part);
      outcome.parts.push(partOutcome);
      const input = await inputOf(opened, part, onBytes);
      for await (const chunk of readChunks(part.converter, input, options)) {
        noteChunk(outcome, chunk);
        for (const raw of chunk.events) {
          const event = cleanImportedEvent(raw, input.fileName);
          if (!isInImportWindow(event.occurredAt, options)) {
            partOutcome.outsideWindow += 1;
          } else if (seen.has(event.externalId)) {
            partOutcome.duplicatesSkipped += 1;
          } else {
            seen.add(event.externalId);
            partOutcome.eventsProposed += 1;
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
      outcome.eventsProposed += partOutcome.eventsProposed;
      outcome.duplicatesSkipped += partOutcome.duplicatesSkipped;
      outcome.outsideWindow += partOutcome.outsideWindow;
    }
    return { fileName: opened.fileName, bytesTotal: opened.bytesTotal, plan, outcome };
  } finally {
    opened.release?.();
  }
}
