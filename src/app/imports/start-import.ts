import { isDomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { converters as registeredConverters } from '../../importers/converters.ts';
import { converterFor, detectSource } from '../../importers/detect-source.ts';
import type { ImportOptions, SourceConverter } from '../../importers/source-converter.ts';
import {
  type ImportJob,
  importJobsRepository,
} from '../../storage/repositories/import-jobs-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { type ImportOutcome, importIntoTimeline } from './import-into-timeline.ts';
import { importProgress } from './import-progress.ts';
import type { OpenedInput } from './opened-input.ts';

/** The converter for an import: the one named, or the one that recognised the sample. */
export interface ChosenSource {
  converter: SourceConverter;
  detection: 'given' | 'detected';
  /** How sure detection was (1 when given), and every converter's score. */
  confidence: number;
  scores: Array<{ source: string; confidence: number }>;
}

/** Picks the converter for an opened input (VALIDATION_FAILED when none fits). */
export function chooseSource(
  opened: OpenedInput,
  source: string | undefined,
  registry: readonly SourceConverter[] = registeredConverters,
): ChosenSource {
  if (source) {
    return {
      converter: converterFor(registry, source),
      detection: 'given',
      confidence: 1,
      scores: [],
    };
  }
  const detected = detectSource(registry, opened.sample);
  return {
    converter: detected.converter,
    detection: 'detected',
    confidence: detected.confidence,
    scores: detected.scores,
  };
}

/** The converter options from validated import fields (API form or CLI flags). */
export function toImportOptions(fields: {
  channels?: string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  zone?: string | undefined;
}): ImportOptions {
  return {
    ...(fields.channels?.length ? { channels: fields.channels } : {}),
    ...(fields.since ? { since: new Date(fields.since) } : {}),
    ...(fields.until ? { until: new Date(fields.until) } : {}),
    ...(fields.zone ? { zone: fields.zone } : {}),
  };
}

/** The import options as the job's summary records them. */
export function describeOptions(options: ImportOptions): Record<string, unknown> {
  return {
    channels: options.channels ?? [],
    since: options.since?.toISOString() ?? null,
    until: options.until?.toISOString() ?? null,
    zone: options.zone ?? null,
  };
}

/** Checks, before an upload is read, that the actor may import into the postmortem. */
export async function assertCanImport(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<void> {
  await inTransaction(deps, (tx) =>
    loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update'),
  );
}

/** Creates a queued import job once the actor may edit the postmortem. */
export async function createImportJob(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  opened: OpenedInput,
  chosen: ChosenSource,
  options: ImportOptions,
): Promise<ImportJob> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    return importJobsRepository.insert(tx.db, {
      id: tx.newId(),
      postmortemId,
      source: chosen.converter.source,
      sourceDetection: chosen.detection,
      fileName: opened.fileName.slice(0, 500),
      status: 'queued',
      bytesTotal: opened.bytesTotal,
      bytesDone: 0,
      eventsProposed: 0,
      duplicatesSkipped: 0,
      linesCollapsed: 0,
      summary: {
        options: describeOptions(options),
        detection: { confidence: chosen.confidence, scores: chosen.scores },
      },
      createdById: actor.id,
      createdAt: tx.clock(),
    });
  });
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
 * Runs a queued job: running → the import in one transaction → succeeded, or failed with the
 * problem (and nothing written). Returns the final job and the error, if any; never throws, so
 * it can run in the background.
 */
export async function runImportJob(
  deps: AppDeps,
  actor: Actor,
  job: ImportJob,
  opened: OpenedInput,
  chosen: ChosenSource,
  options: ImportOptions,
  onProgress?: (job: ImportJob) => void,
): Promise<{ job: ImportJob; outcome?: ImportOutcome; error?: unknown }> {
  let current: ImportJob = (await importJobsRepository.update(deps.db, job.id, {
    status: 'running',
  })) ?? { ...job, status: 'running' };
  const progress = { bytesDone: 0, eventsProposed: 0, duplicatesSkipped: 0 };
  const report = () => {
    importProgress.set(job.id, { ...progress });
    onProgress?.({ ...current, ...progress });
  };
  try {
    const outcome = await importIntoTimeline(deps, actor, {
      postmortemId: job.postmortemId,
      jobId: job.id,
      converter: chosen.converter,
      input: () =>
        opened.inputFor(chosen.converter, (bytes) => {
          progress.bytesDone = Math.min(progress.bytesDone + bytes, opened.bytesTotal);
          report();
        }),
      options,
      summary: job.summary,
      onProgress: (counts) => {
        Object.assign(progress, counts);
        report();
      },
    });
    current = (await importJobsRepository.update(deps.db, job.id, {
      bytesDone: opened.bytesTotal,
    })) ?? { ...current, status: 'succeeded' };
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
