import { isDomainError } from '../../domain/errors.ts';
import { importWindow } from '../../domain/import-window.ts';
import type { Actor } from '../../domain/user.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import type { ImportInput, ImportOptions } from '../../importers/source-converter.ts';
import type { OpenedInput } from '../../inputs/opened-input.ts';
import {
  type ImportJob,
  importJobsRepository,
} from '../../storage/repositories/import-jobs-repository.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';
import {
  createOutcome,
  type ImportOutcome,
  noteChunk,
  startPart,
  summaryOf,
} from './import-outcome.ts';
import { importProgress } from './import-progress.ts';
import type { ImportPlan, PlannedPart } from './plan-import.ts';
import { readChunks } from './read-chunks.ts';

/** The converter's input for one part of a plan: the whole input, or some files of a folder. */
export function inputOf(
  opened: OpenedInput,
  part: PlannedPart,
  onBytes: (bytes: number) => void,
): Promise<ImportInput> {
  return part.paths && opened.folder
    ? opened.folder.inputFor(part.converter, part.paths, onBytes)
    : opened.inputFor(part.converter, onBytes);
}

/** How a job ended: the final job, and the outcome or the error. */
export interface ImportRun {
  job: ImportJob;
  outcome?: ImportOutcome;
  error?: unknown;
}

/** An error as the job stores it: problem details without the HTTP status (the server adds it). */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (isDomainError(error)) {
    const { errors, ...details } = error.details ?? {};
    return {
      code: error.code,
      detail: error.message,
      ...(Array.isArray(errors) ? { errors } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    };
  }
  return { code: 'INTERNAL', detail: 'The import failed unexpectedly.' };
}

/**
 * Runs a queued job: running → the whole import in ONE transaction (the postmortem locked,
 * each part's events through `proposeTimelineEvents`, the job marked succeeded with its
 * summary) → or failed with the problem and nothing written. This is the only place that
 * writes a job's status. Never throws, so it can run in the background.
 */
export async function runImportJob(
  deps: AppDeps,
  actor: Actor,
  job: ImportJob,
  opened: OpenedInput,
  plan: ImportPlan,
  options: ImportOptions,
  onProgress?: (job: ImportJob) => void,
): Promise<ImportRun> {
  let current: ImportJob = (await importJobsRepository.update(deps.db, job.id, {
    status: 'running',
  })) ?? { ...job, status: 'running' };
  const progress = { bytesDone: 0, eventsProposed: 0, duplicatesSkipped: 0 };
  const report = () => {
    importProgress.set(job.id, { ...progress });
    onProgress?.({ ...current, ...progress });
  };
  try {
    const outcome = await inTransaction(deps, async (tx) => {
      // Held until the transaction ends, or the process dies: how a restart tells a job that
      // nobody runs any more from one another instance is running.
      await importJobsRepository.holdRunLock(tx.db, job.id);
      const postmortem = await loadPostmortemFor(tx, actor, job.postmortemId, 'postmortem.update');
      const window = importWindow(
        await incidentsRepository.findIncidentsByIds(tx.db, postmortem.incidentIds),
        options,
        options.window === 'all' ? 0 : tx.policy.intake.importWindowHours,
      );
      // The converters keep only the bounds the person gave; the incident window is applied by
      // the pipeline, which counts what it leaves out. Dateless rows (a Markdown timeline of
      // bare times) are read on the incident's first day.
      const converterOptions: ImportOptions = {
        ...options,
        anchor: options.anchor ?? window.anchor,
      };
      const outcome = createOutcome();
      outcome.skipped = plan.skipped;
      outcome.window = {
        since: window.since?.toISOString() ?? null,
        until: window.until?.toISOString() ?? null,
        basis: window.basis,
      };
      const onBytes = (bytes: number) => {
        progress.bytesDone = Math.min(progress.bytesDone + bytes, opened.bytesTotal);
        report();
      };
      const before = { proposed: 0, duplicatesSkipped: 0 };
      for (const part of plan.parts) {
        const input = await inputOf(opened, part, onBytes);
        const partOutcome = startPart(part);
        outcome.parts.push(partOutcome);
        async function* events(): AsyncIterable<ImportedEvent> {
          for await (const chunk of readChunks(part.converter, input, converterOptions)) {
            noteChunk(outcome, chunk);
            yield* chunk.events;
          }
        }
        const counts = await proposeTimelineEvents(tx, {
          postmortemId: job.postmortemId,
          source: part.converter.source,
          events: events(),
          importJobId: job.id,
          actorId: actor.id,
          inputName: input.fileName,
          window: { since: window.since, until: window.until },
          audit: { data: { files: partOutcome.files } },
          onProgress: (running) => {
            progress.eventsProposed = before.proposed + running.proposed;
            progress.duplicatesSkipped = before.duplicatesSkipped + running.duplicatesSkipped;
            report();
          },
        });
        before.proposed += counts.proposed;
        before.duplicatesSkipped += counts.duplicatesSkipped;
        partOutcome.eventsProposed = counts.proposed;
        partOutcome.duplicatesSkipped = counts.duplicatesSkipped;
        partOutcome.outsideWindow = counts.outsideWindow;
        outcome.eventsProposed += counts.proposed;
        outcome.duplicatesSkipped += counts.duplicatesSkipped;
        outcome.outsideWindow += counts.outsideWindow;
        outcome.nearDuplicatesLinked += counts.nearDuplicatesLinked;
      }
      current = (await importJobsRepository.update(tx.db, job.id, {
        status: 'succeeded',
        bytesDone: opened.bytesTotal,
        eventsProposed: outcome.eventsProposed,
        duplicatesSkipped: outcome.duplicatesSkipped,
        linesCollapsed: outcome.linesCollapsed,
        summary: { ...job.summary, ...summaryOf(outcome) },
        finishedAt: tx.clock(),
      })) ?? { ...current, status: 'succeeded' };
      return outcome;
    });
    return { job: current, outcome };
  } catch (error) {
    const failed = await importJobsRepository
      .update(deps.db, job.id, {
        status: 'failed',
        error: errorDetails(error),
        bytesDone: progress.bytesDone,
        finishedAt: deps.clock(),
      })
      .catch(() => undefined);
    return { job: failed ?? { ...current, status: 'failed' }, error };
  } finally {
    opened.release?.();
    importProgress.clear(job.id);
  }
}
