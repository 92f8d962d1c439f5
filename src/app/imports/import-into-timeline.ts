import { findNearDuplicateLinks } from '../../domain/timeline-rules.ts';
import type { Actor } from '../../domain/user.ts';
import type { ImportWarning, KeyInstantProposal } from '../../importers/imported-event.ts';
import type {
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../../importers/source-converter.ts';
import { importJobsRepository } from '../../storage/repositories/import-jobs-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import {
  type ImportedTimelineRow,
  timelineQueriesRepository,
} from '../../storage/repositories/timeline-queries-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import type { ImportProgress } from './import-progress.ts';
import { checkImportedEvent, inWindow, readChunks } from './read-chunks.ts';

const batchSize = 500;
const warningsKept = 200;
const seriesKept = 50;

/** What one import did. */
export interface ImportOutcome {
  eventsProposed: number;
  duplicatesSkipped: number;
  linesCollapsed: number;
  outsideWindow: number;
  nearDuplicatesLinked: number;
  warnings: ImportWarning[];
  warningsTotal: number;
  instants: Array<Omit<KeyInstantProposal, 'at'> & { at: string }>;
  series: NonNullable<ImportChunk['series']>;
}

/** One import as the pipeline runs it. */
export interface ImportRequest {
  postmortemId: string;
  jobId: string;
  converter: SourceConverter;
  /** Builds the converter's input; called inside the transaction. */
  input: () => Promise<ImportInput>;
  options: ImportOptions;
  /** Extra facts for the job's summary (detection, options). */
  summary: Record<string, unknown>;
  onProgress?: (progress: Omit<ImportProgress, 'bytesDone'>) => void;
}

/** Accumulates a converter's chunks: counts, warnings, instants and series. */
export function createOutcome(): ImportOutcome {
  return {
    eventsProposed: 0,
    duplicatesSkipped: 0,
    linesCollapsed: 0,
    outsideWindow: 0,
    nearDuplicatesLinked: 0,
    warnings: [],
    warningsTotal: 0,
    instants: [],
    series: [],
  };
}

/** Folds a chunk's side facts (not its events) into the outcome. */
export function noteChunk(outcome: ImportOutcome, chunk: ImportChunk): void {
  outcome.linesCollapsed += chunk.linesCollapsed ?? 0;
  for (const warning of chunk.warnings ?? []) {
    outcome.warningsTotal += 1;
    if (outcome.warnings.length < warningsKept) {
      outcome.warnings.push(warning);
    }
  }
  for (const instant of chunk.instants ?? []) {
    outcome.instants.push({ ...instant, at: instant.at.toISOString() });
  }
  for (const series of chunk.series ?? []) {
    if (outcome.series.length < seriesKept) {
      outcome.series.push(series);
    }
  }
}

/**
 * Imports a converter's events into a postmortem's timeline as ONE transaction: it lands whole
 * or not at all. Events are `proposed` (the review checkpoint), tagged with the import, and
 * idempotent on (postmortem, source, external id): a re-import adds nothing and counts the
 * duplicates. Near-duplicates across sources are linked, never deleted. The job is marked
 * succeeded in the same transaction, and the import audited once.
 */
export async function importIntoTimeline(
  deps: AppDeps,
  actor: Actor,
  request: ImportRequest,
): Promise<ImportOutcome> {
  const { converter, options } = request;
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, request.postmortemId, 'postmortem.update');
    const outcome = createOutcome();
    const input = await request.input();
    let batch: ImportedTimelineRow[] = [];
    const flush = async () => {
      const inserted = await timelineQueriesRepository.insertImported(tx.db, batch);
      outcome.eventsProposed += inserted.length;
      outcome.duplicatesSkipped += batch.length - inserted.length;
      batch = [];
      request.onProgress?.({
        eventsProposed: outcome.eventsProposed,
        duplicatesSkipped: outcome.duplicatesSkipped,
      });
    };
    for await (const chunk of readChunks(converter, input, options)) {
      noteChunk(outcome, chunk);
      const createdAt = tx.clock();
      for (const raw of chunk.events) {
        const event = checkImportedEvent(raw, input.fileName);
        if (!inWindow(event, options)) {
          outcome.outsideWindow += 1;
          continue;
        }
        batch.push({
          id: tx.newId(),
          postmortemId: request.postmortemId,
          occurredAt: event.occurredAt,
          text: event.text,
          kind: event.kind,
          source: converter.source,
          sourceRef: event.sourceRef,
          externalId: event.externalId,
          originalTimestamp: event.originalTimestamp,
          originalZone: event.originalZone,
          actor: event.actor,
          status: 'proposed',
          pinned: false,
          details: event.details,
          rawRef: event.rawRef,
          ambiguities: event.ambiguities,
          importId: request.jobId,
          createdAt,
        });
        if (batch.length >= batchSize) {
          await flush();
        }
      }
    }
    await flush();
    if (outcome.eventsProposed > 0) {
      // Near-duplicates are cross-source: a timeline of one source has none to link.
      if ((await timelineQueriesRepository.countSources(tx.db, request.postmortemId)) > 1) {
        const links = findNearDuplicateLinks(
          await timelineQueriesRepository.listLinkable(tx.db, request.postmortemId),
        );
        await timelineQueriesRepository.setDuplicateLinks(tx.db, links);
        outcome.nearDuplicatesLinked = links.length;
      }
      await postmortemsRepository.touch(tx.db, request.postmortemId, tx.clock());
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'timeline.imported',
      subjectType: 'import_job',
      subjectId: request.jobId,
      postmortemId: request.postmortemId,
      data: {
        source: converter.source,
        eventsProposed: outcome.eventsProposed,
        duplicatesSkipped: outcome.duplicatesSkipped,
      },
    });
    await importJobsRepository.update(tx.db, request.jobId, {
      status: 'succeeded',
      eventsProposed: outcome.eventsProposed,
      duplicatesSkipped: outcome.duplicatesSkipped,
      linesCollapsed: outcome.linesCollapsed,
      summary: { ...request.summary, ...summaryOf(outcome) },
      finishedAt: tx.clock(),
    });
    return outcome;
  });
}

/** The outcome as the job's summary keeps it. */
export function summaryOf(outcome: ImportOutcome): Record<string, unknown> {
  return {
    outsideWindow: outcome.outsideWindow,
    nearDuplicatesLinked: outcome.nearDuplicatesLinked,
    warnings: outcome.warnings,
    warningsTotal: outcome.warningsTotal,
    keyInstants: outcome.instants,
    series: outcome.series,
  };
}
