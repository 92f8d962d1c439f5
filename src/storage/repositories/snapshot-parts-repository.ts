import { asc, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ActionItem } from '../../domain/action-item.ts';
import type { ContributingFactor } from '../../domain/contributing-factor.ts';
import type { Incident } from '../../domain/incident.ts';
import type { OpenQuestion } from '../../domain/open-question.ts';
import type { Participant } from '../../domain/participant.ts';
import type { ReviewRequest } from '../../domain/review-request.ts';
import type { WhyNode } from '../../domain/why-node.ts';
import type { Database } from '../database.ts';
import { executePrepared, type PreparedStatement, prepareStatement } from '../execute-prepared.ts';
import {
  actionItems,
  contributingFactors,
  findingWaivers,
  incidentMembers,
  incidents,
  openQuestions,
  participants,
  restrictedSections,
  reviewRequests,
  services,
  timelineEvents,
  timelineStamps,
  users,
  whyNodeEvidence,
  whyNodes,
} from '../schema.ts';
import { toIncident } from './incidents-repository.ts';
import { toOpenQuestion } from './open-questions-repository.ts';
import { toActionItem, toParticipant } from './parts-repositories.ts';
import { toReviewRequest } from './review-requests-repository.ts';
import { rowFromJson, storedColumns } from './rows-as-json.ts';
import { toWhyNode } from './why-nodes-repository.ts';

/** Everything the phase guards and the blameless check read of a postmortem besides its row. */
export interface SnapshotParts {
  incidents: Incident[];
  acceptedTimelineEventCount: number;
  /**
   * The timeline's stamp (`timeline_stamps`), new with every statement that writes the timeline;
   * `null` when none has since the stamps began. The linter's findings for the timeline's texts
   * are kept by it, so the texts cross only when their findings are not already known
   * (`readTimelineTexts` reads them with the stamp).
   */
  timelineStamp: string | null;
  factors: ContributingFactor[];
  /** Every action item, ideas included. */
  actionItems: ActionItem[];
  participants: Participant[];
  whyNodes: WhyNode[];
  openQuestions: OpenQuestion[];
  waivers: Array<typeof findingWaivers.$inferSelect>;
  /** Names of the catalogue's services, in name order. */
  serviceNames: string[];
  reviewRequests: ReviewRequest[];
  /** Names of the accounts that review requests name (asked or answering), by id. */
  reviewerNames: Map<string, string>;
  /** Keys of restricted sections that hold text; the text itself is not read. */
  filledRestrictedKeys: string[];
}

/** `json_agg` of a sub-select, an empty array when it has no rows. */
const jsonArray = (rows: SQL, orderBy?: SQL) =>
  sql`(select coalesce(json_agg(r${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json) from (${rows}) r)`;

/** The rows of a part table that belong to the postmortem, in creation order, as stored. */
const partRows = (
  table: PgTable & { postmortemId: PgColumn; createdAt: PgColumn; id: PgColumn },
  postmortemId: string | SQLWrapper,
) =>
  jsonArray(
    sql`select ${storedColumns(table)} from ${table} where ${eq(table.postmortemId, postmortemId)} order by ${asc(table.createdAt)}, ${asc(table.id)}`,
  );

type Json = Record<string, unknown>;

/** The postmortem's timeline stamp as text, `null` when it has none. */
const timelineStampOf = (postmortemId: string | SQLWrapper) =>
  sql`(select ${timelineStamps.stamp}::text from ${timelineStamps} where ${eq(timelineStamps.postmortemId, postmortemId)})`;

/** The timeline's rows in timeline order, as `e`: id, status and what `extra` adds. */
const timelineRows = (postmortemId: string | SQLWrapper, extra: SQL = sql``) => {
  const t = timelineEvents;
  return sql`(select ${t.id} as id, ${t.status} as status${extra}
      from ${t} where ${eq(t.postmortemId, postmortemId)} order by ${t.occurredAt}, ${t.createdAt}, ${t.id}) e`;
};

/**
 * Id and text of every event of the timeline that is not rejected, in timeline order — what
 * the linter reads — with the timeline's stamp as `readSnapshotParts` gives it, read in one
 * statement so that the two agree even when the timeline changed since the snapshot.
 */
export async function readTimelineTexts(
  db: Database,
  postmortemId: string,
): Promise<{ stamp: string | null; texts: Array<{ id: string; text: string }> }> {
  const result = (await db.execute(
    sql`select ${timelineStampOf(postmortemId)} as stamp,
      coalesce(json_agg(json_build_array(e.id, e.text)) filter (where e.status <> 'rejected'), '[]'::json)::text as texts
      from ${timelineRows(postmortemId, sql`, ${timelineEvents.text} as text`)}`,
  )) as { rows: Array<{ stamp: string | null; texts: string }> };
  const row = result.rows[0];
  if (!row) {
    throw new Error('the timeline texts statement returned no row');
  }
  const pairs = JSON.parse(row.texts) as Array<[string, string]>;
  return { stamp: row.stamp, texts: pairs.map(([id, text]) => ({ id, text })) };
}

/** The statement's two values: the postmortem's id and its incidents' ids. */
const postmortemIdValue = sql.placeholder('postmortemId');
const incidentIdsValue = sql.placeholder('incidentIds');

/**
 * The snapshot statement, with the presented timeline or without it. Its text depends on
 * nothing but that choice: the postmortem's id and an array of its incidents' ids are its only
 * values, so it is built once (drizzle spent ≈ 1 ms building its 8,000 characters on every read)
 * and runs as a prepared statement. The timeline comes as its events' JSON joined by commas;
 * the array's brackets are added here, not by two more copies of the megabyte in the database.
 */
function snapshotStatement(withTimeline: boolean): PreparedStatement {
  const id = postmortemIdValue;
  const incidentFilter = sql`${incidents.id} = any(${incidentIdsValue}::uuid[])`;
  const memberFilter = sql`${incidentMembers.incidentId} = any(${incidentIdsValue}::uuid[])`;
  const parts = sql`json_build_object(
    'incidents', ${jsonArray(sql`select ${storedColumns(incidents)} from ${incidents} where ${incidentFilter}`)},
    'incidentMembers', ${jsonArray(sql`select ${incidentMembers.incidentId} as "incidentId", ${incidentMembers.userId} as "userId" from ${incidentMembers} where ${memberFilter}`)},
    'timeline', json_build_object('acceptedCount', tl.accepted, 'stamp', ${timelineStampOf(id)}),
    'factors', ${partRows(contributingFactors, id)},
    'actionItems', ${partRows(actionItems, id)},
    'participants', ${partRows(participants, id)},
    'whyNodes', ${partRows(whyNodes, id)},
    'evidence', (select coalesce(json_agg(json_build_array(${whyNodeEvidence.whyNodeId}, ${whyNodeEvidence.timelineEventId}) order by ${timelineEvents.occurredAt}, ${timelineEvents.id}), '[]'::json) from ${whyNodeEvidence} join ${timelineEvents} on ${eq(timelineEvents.id, whyNodeEvidence.timelineEventId)} join ${whyNodes} on ${eq(whyNodes.id, whyNodeEvidence.whyNodeId)} where ${eq(whyNodes.postmortemId, id)}),
    'openQuestions', ${partRows(openQuestions, id)},
    'waivers', ${jsonArray(sql`select ${storedColumns(findingWaivers)} from ${findingWaivers} where ${eq(findingWaivers.postmortemId, id)}`)},
    'serviceNames', (select coalesce(json_agg(${services.name} order by ${services.name}), '[]'::json) from ${services}),
    'reviewRequests', ${partRows(reviewRequests, id)},
    'reviewerNames', (select coalesce(json_agg(json_build_array(${users.id}, ${users.name})), '[]'::json) from ${users} where ${users.id} in (select ${reviewRequests.reviewerUserId} from ${reviewRequests} where ${eq(reviewRequests.postmortemId, id)} union select ${reviewRequests.decidedById} from ${reviewRequests} where ${eq(reviewRequests.postmortemId, id)})),
    'filledRestrictedKeys', (select coalesce(json_agg(${restrictedSections.sectionKey}), '[]'::json) from ${restrictedSections} where ${eq(restrictedSections.postmortemId, id)} and btrim(${restrictedSections.body}) <> '')
  )::text`;
  // One scan of the timeline, in timeline order, gives the count the guards read and, when
  // asked, the presented timeline's elements (each event's stored JSON).
  const timelineScan = sql`(select
      count(*) filter (where e.status = 'accepted') as accepted,
      ${withTimeline ? sql`string_agg(e.presented_json, ',')` : sql`null::text`} as elements
    from ${timelineRows(id, withTimeline ? sql`, presented_json` : sql``)}) tl`;
  return prepareStatement(
    sql`${withTimeline ? sql.raw('/* utf8-bytes: timeline */ ') : sql``}select ${parts} as parts, tl.elements as timeline from ${timelineScan}`,
    { onPgliteThread: true },
  );
}

const snapshotStatements = {
  withTimeline: snapshotStatement(true),
  withoutTimeline: snapshotStatement(false),
};

const openingBracket = new Uint8Array([0x5b]);
const closingBracket = new Uint8Array([0x5d]);

/** The JSON array of the timeline's elements, `[]` when it has none, as text or as UTF-8 bytes. */
function timelineArray(elements: string | Uint8Array | null): string | Uint8Array {
  if (elements === null) {
    return '[]';
  }
  if (typeof elements === 'string') {
    return `[${elements}]`;
  }
  const array = new Uint8Array(elements.byteLength + 2);
  array.set(openingBracket, 0);
  array.set(elements, 1);
  array.set(closingBracket, elements.byteLength + 1);
  return array;
}

/**
 * The parts of a postmortem's snapshot in ONE statement: each part a JSON array built by the
 * database, the same rows and order its own repository reads. A cold read of a review paid a
 * dozen round trips for these (each a WebAssembly call on PGlite, a network exchange on
 * PostgreSQL); the statement is one, and its JSON is small because the timeline contributes
 * only its count and stamp. With `timelineJson`, the same scan of the timeline also reads it as
 * the API presents it (`timelineRepository.listJsonForPostmortem`), as text never parsed here:
 * from PGlite's thread its UTF-8 bytes as they crossed (`utf8ByteColumnsOf`), elsewhere a string.
 */
export async function readSnapshotParts(
  db: Database,
  postmortem: { id: string; incidentIds: readonly string[] },
  options: { timelineJson?: boolean } = {},
): Promise<{ parts: SnapshotParts; timelineJson: string | Uint8Array | null }> {
  const statement = options.timelineJson
    ? snapshotStatements.withTimeline
    : snapshotStatements.withoutTimeline;
  const [row] = await executePrepared<{ parts: string; timeline: string | Uint8Array | null }>(
    db,
    statement,
    { postmortemId: postmortem.id, incidentIds: [...postmortem.incidentIds] },
  );
  if (!row) {
    throw new Error('the snapshot statement returned no row');
  }
  return {
    parts: toSnapshotParts(JSON.parse(row.parts) as Record<string, unknown>),
    timelineJson: options.timelineJson ? timelineArray(row.timeline) : null,
  };
}

function toSnapshotParts(json: Record<string, unknown>): SnapshotParts {
  const list = (key: string) => json[key] as Json[];
  const pairs = (key: string) => json[key] as Array<[string, string]>;
  const membersByIncident = groupPairs(
    list('incidentMembers').map((m) => [String(m.incidentId), String(m.userId)]),
  );
  const evidenceByNode = groupPairs(pairs('evidence'));
  const timeline = json.timeline as { acceptedCount: number; stamp: string | null };
  return {
    incidents: list('incidents').map((row) =>
      toIncident(rowFromJson(incidents, row), membersByIncident.get(String(row.id)) ?? []),
    ),
    acceptedTimelineEventCount: Number(timeline.acceptedCount),
    timelineStamp: timeline.stamp,
    factors: list('factors').map((row) => rowFromJson(contributingFactors, row)),
    actionItems: list('actionItems').map((row) => toActionItem(rowFromJson(actionItems, row))),
    participants: list('participants').map((row) => toParticipant(rowFromJson(participants, row))),
    whyNodes: list('whyNodes').map((row) =>
      toWhyNode(rowFromJson(whyNodes, row), evidenceByNode.get(String(row.id)) ?? []),
    ),
    openQuestions: list('openQuestions').map((row) =>
      toOpenQuestion(rowFromJson(openQuestions, row)),
    ),
    waivers: list('waivers').map((row) => rowFromJson(findingWaivers, row)),
    serviceNames: json.serviceNames as string[],
    reviewRequests: list('reviewRequests').map((row) =>
      toReviewRequest(rowFromJson(reviewRequests, row)),
    ),
    reviewerNames: new Map(pairs('reviewerNames')),
    filledRestrictedKeys: json.filledRestrictedKeys as string[],
  };
}

function groupPairs(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const values = byKey.get(key);
    if (values) {
      values.push(value);
    } else {
      byKey.set(key, [value]);
    }
  }
  return byKey;
}
