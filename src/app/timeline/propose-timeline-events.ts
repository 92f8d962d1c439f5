import { DomainError } from '../../domain/errors.ts';
import { importEventsMax } from '../../domain/import-limits.ts';
import type { TimelineSource } from '../../domain/timeline-event.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import {
  type ImportedTimelineRow,
  timelineQueriesRepository,
} from '../../storage/repositories/timeline-queries-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { yieldToEventLoop } from '../yield-to-event-loop.ts';
import { cleanImportedEvent } from './clean-imported-event.ts';
import { linkNearDuplicates, type ProposedSpan } from './link-near-duplicates.ts';

const batchSize = 100;

/** How a proposal is audited; every field has a default (see `proposeTimelineEvents`). */
export interface TimelineProposalAudit {
  /** Default `timeline.imported`. */
  action?: string;
  /** Default `import_job` with a job, else `postmortem`. */
  subjectType?: string;
  /**
   * Default: the job, else the postmortem; with `subjectType: 'timeline_event'`, the first
   * event this call proposed.
   */
  subjectId?: string;
  /** Merged into the audit data beside the source and the counts. */
  data?: Record<string, unknown>;
  /** Default: true with a job (an import is audited even when it adds nothing), else false. */
  whenNothingProposed?: boolean;
}

/** Something imported, already converted, on its way into one postmortem's timeline. */
export interface ProposeTimelineEventsRequest {
  postmortemId: string;
  /** The source every event of this call comes from (its rows are unique per source). */
  source: TimelineSource;
  /** Converted events, in any number; read once, written in batches. */
  events: Iterable<ImportedEvent> | AsyncIterable<ImportedEvent>;
  /** The import job that proposes them, stamped on each row as `import_id`. */
  importJobId?: string | null;
  /** Who the audit event names; null when no person acted (a webhook, an anonymous account). */
  actorId: string | null;
  /** Named in the error when an event is unusable (a file name, a delivery). */
  inputName?: string;
  /** Events outside it (inclusive bounds) are counted in `outsideWindow`, never proposed. */
  window?: { since?: Date | undefined; until?: Date | undefined };
  /** The audit event; `false` when the caller records its own. */
  audit?: TimelineProposalAudit | false;
  /** More events than this (default `importEventsMax`) fail with PAYLOAD_TOO_LARGE. */
  eventsMax?: number;
  /** Told the running counts after every batch written. */
  onProgress?: (counts: { proposed: number; duplicatesSkipped: number }) => void;
}

/** What one call did. */
export interface ProposedTimelineCounts {
  /** Rows inserted as `proposed`. */
  proposed: number;
  /** Events whose (postmortem, source, external id) was already there: nothing written. */
  duplicatesSkipped: number;
  outsideWindow: number;
  /** Near-duplicate links set across the whole timeline by this call. */
  nearDuplicatesLinked: number;
  /** The id of the first row this call inserted (null when none). */
  firstProposedId: string | null;
}

/** True when `at` lies in the window (inclusive bounds); no window keeps everything. */
export function isInImportWindow(
  at: Date,
  window: ProposeTimelineEventsRequest['window'],
): boolean {
  const ms = at.getTime();
  return (
    (!window?.since || ms >= window.since.getTime()) &&
    (!window?.until || ms <= window.until.getTime())
  );
}

/**
 * The one place where anything imported becomes proposed timeline rows — file imports,
 * webhook deliveries, pinned moments of personal accounts and the signals copied when a
 * postmortem opens all come through here. In the caller's open transaction (`tx` from
 * `inTransaction`, never a second handle), it:
 * 1. cleans each event (`cleanImportedEvent`: NUL bytes, lone surrogates, over-long text and
 *    ids; an implausible time or unknown kind throws VALIDATION_FAILED and the caller's
 *    transaction writes nothing);
 * 2. drops the events outside `window`, counting them;
 * 3. inserts the rest as `proposed`, `on conflict do nothing` on (postmortem, source,
 *    external id), so a re-import or a redelivery adds nothing and is counted as duplicates;
 * 4. links near-duplicates across sources (`duplicate_of_id`; nothing deleted) near the
 *    span of what it proposed (`linkNearDuplicates`);
 * 5. touches the postmortem (its revision keys the read cache) when a row was added;
 * 6. records one audit event (see `TimelineProposalAudit` for the defaults).
 * More than `eventsMax` events throw PAYLOAD_TOO_LARGE. Between batches it yields to the event
 * loop, so the server keeps answering during a large import. The caller checks that the actor
 * may edit the postmortem before calling.
 */
export async function proposeTimelineEvents(
  tx: AppDeps,
  request: ProposeTimelineEventsRequest,
): Promise<ProposedTimelineCounts> {
  const counts: ProposedTimelineCounts = {
    proposed: 0,
    duplicatesSkipped: 0,
    outsideWindow: 0,
    nearDuplicatesLinked: 0,
    firstProposedId: null,
  };
  const inputName = request.inputName ?? request.source;
  const eventsMax = request.eventsMax ?? importEventsMax;
  let seen = 0;
  let span: ProposedSpan | null = null;
  let batch: ImportedTimelineRow[] = [];
  const flush = async () => {
    if (batch.length === 0) {
      return;
    }
    const inserted = await timelineQueriesRepository.insertImported(tx.db, batch);
    counts.firstProposedId ??= inserted[0] ?? null;
    counts.proposed += inserted.length;
    counts.duplicatesSkipped += batch.length - inserted.length;
    batch = [];
    request.onProgress?.({
      proposed: counts.proposed,
      duplicatesSkipped: counts.duplicatesSkipped,
    });
    await yieldToEventLoop();
  };
  for await (const raw of request.events) {
    const event = cleanImportedEvent(raw, inputName);
    if (!isInImportWindow(event.occurredAt, request.window)) {
      counts.outsideWindow += 1;
      continue;
    }
    seen += 1;
    if (seen > eventsMax) {
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `An import may hold at most ${eventsMax} events; split the input (by channel or time).`,
        { details: { eventsMax } },
      );
    }
    span = widen(span, event.occurredAt);
    batch.push(toRow(tx, request, event));
    if (batch.length >= batchSize) {
      await flush();
    }
  }
  await flush();
  if (counts.proposed > 0 && span) {
    counts.nearDuplicatesLinked = await linkNearDuplicates(tx, request.postmortemId, span);
    await postmortemsRepository.touch(tx.db, request.postmortemId, tx.clock());
  }
  await auditProposal(tx, request, counts);
  return counts;
}

function toRow(
  tx: AppDeps,
  request: ProposeTimelineEventsRequest,
  event: ImportedEvent,
): ImportedTimelineRow {
  return {
    id: tx.newId(),
    postmortemId: request.postmortemId,
    occurredAt: event.occurredAt,
    text: event.text,
    kind: event.kind,
    source: request.source,
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
    importId: request.importJobId ?? null,
    createdAt: tx.clock(),
  };
}

function widen(span: ProposedSpan | null, at: Date): ProposedSpan {
  if (!span) {
    return { from: at, to: at };
  }
  return { from: at < span.from ? at : span.from, to: at > span.to ? at : span.to };
}

async function auditProposal(
  tx: AppDeps,
  request: ProposeTimelineEventsRequest,
  counts: ProposedTimelineCounts,
): Promise<void> {
  if (request.audit === false) {
    return;
  }
  const audit = request.audit ?? {};
  const jobId = request.importJobId ?? null;
  if (counts.proposed === 0 && !(audit.whenNothingProposed ?? jobId !== null)) {
    return;
  }
  const subjectType = audit.subjectType ?? (jobId ? 'import_job' : 'postmortem');
  const defaultSubject =
    subjectType === 'timeline_event' ? counts.firstProposedId : (jobId ?? request.postmortemId);
  await recordAudit(tx, {
    actorId: request.actorId,
    action: audit.action ?? 'timeline.imported',
    subjectType,
    subjectId: audit.subjectId ?? defaultSubject ?? request.postmortemId,
    postmortemId: request.postmortemId,
    data: {
      source: request.source,
      eventsProposed: counts.proposed,
      duplicatesSkipped: counts.duplicatesSkipped,
      ...audit.data,
    },
  });
}
