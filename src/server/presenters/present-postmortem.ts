import type { PostmortemView } from '../../app/postmortems/read-postmortems.ts';
import type { PostmortemDto } from '../../contracts/postmortem.ts';
import { can } from '../../domain/authorization.ts';
import type { Severity } from '../../domain/incident.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { Actor } from '../../domain/user.ts';

/** What the viewer may do with a postmortem; a closed one only changes phase (re-open). */
export function postmortemAbilities(postmortem: Postmortem, viewer: Actor) {
  const open = postmortem.phase !== 'closed';
  return {
    update: open && can(viewer, 'postmortem.update', postmortem),
    changePhase: can(viewer, 'postmortem.change_phase', postmortem),
    manageMembers: open && can(viewer, 'postmortem.manage_members', postmortem),
  };
}

/** A postmortem as a list item. */
export function presentPostmortemSummary(
  item: { postmortem: Postmortem; severity: Severity },
  viewer: Actor,
) {
  const { postmortem } = item;
  return {
    data: {
      id: postmortem.id,
      number: formatRecordNumber(postmortem.number),
      title: postmortem.title,
      scope: postmortem.scope,
      phase: postmortem.phase,
      restricted: postmortem.restricted,
      incidentIds: postmortem.incidentIds,
      severity: item.severity,
      version: postmortem.version,
      createdAt: postmortem.createdAt.toISOString(),
      updatedAt: postmortem.updatedAt.toISOString(),
    },
    abilities: postmortemAbilities(postmortem, viewer),
  };
}

/** A postmortem with its next-phase conditions and deadlines. */
export function presentPostmortem(view: PostmortemView, viewer: Actor) {
  return {
    data: presentPostmortemData(view),
    abilities: postmortemAbilities(view.postmortem, viewer),
  };
}

/** The viewer-independent part of a presented postmortem (what the read cache holds). */
export function presentPostmortemData(view: PostmortemView): PostmortemDto {
  const { postmortem } = view;
  const data: PostmortemDto = {
    id: postmortem.id,
    number: formatRecordNumber(postmortem.number),
    title: postmortem.title,
    scope: postmortem.scope,
    phase: postmortem.phase,
    restricted: postmortem.restricted,
    incidentIds: postmortem.incidentIds,
    memberIds: postmortem.memberIds,
    severity: view.severity,
    sections: postmortem.sections,
    analysisMeetingAt: postmortem.analysisMeetingAt?.toISOString() ?? null,
    analysisMeetingNotes: postmortem.analysisMeetingNotes,
    analysisMeetingAttendeeIds: postmortem.analysisMeetingAttendeeIds,
    nextPhase: view.nextPhase,
    unmetForNextPhase: view.unmetForNextPhase,
    reportSections: view.reportSections,
    deadlines: view.deadlines,
    counts: view.counts,
    version: postmortem.version,
    createdAt: postmortem.createdAt.toISOString(),
    updatedAt: postmortem.updatedAt.toISOString(),
    closedAt: postmortem.closedAt?.toISOString() ?? null,
  };
  return data;
}

const closingBrace = Buffer.from('}');

/**
 * The postmortem's data as UTF-8 JSON, with the timeline (when asked for) spliced in as the
 * database built it, never parsed and serialised again: bytes as they came from PGlite's thread,
 * or text encoded once here. The route writes the bytes out as they are.
 */
export function renderPostmortemData(view: PostmortemView): Buffer {
  const json = JSON.stringify(presentPostmortemData(view));
  const timeline = view.timelineJson;
  if (timeline === undefined) {
    return Buffer.from(json);
  }
  return Buffer.concat([
    Buffer.from(`${json.slice(0, -1)},"timeline":`),
    typeof timeline === 'string'
      ? Buffer.from(timeline)
      : Buffer.from(timeline.buffer, timeline.byteOffset, timeline.byteLength),
    closingBrace,
  ]);
}
