import { DomainError } from '../../domain/errors.ts';
import type { KeyInstantName } from '../../domain/incident.ts';
import type { Actor } from '../../domain/user.ts';
import type { UnplacedPart } from '../../reports/document-import.ts';
import { documentTimelineRepository } from '../../storage/repositories/document-timeline-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { createIncident } from '../incidents/create-incident.ts';
import { createActionItem, updateActionItem } from '../parts/action-items.ts';
import { addContributingFactor } from '../parts/contributing-factors.ts';
import { addParticipant } from '../parts/participants.ts';
import { openPostmortem } from '../postmortems/open-postmortem.ts';
import { updatePostmortem } from '../postmortems/update-postmortem.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';
import { addWhyNode } from '../why-tree/why-nodes.ts';
import type { PreparedDocument } from './prepare-document-import.ts';

/** What importing one document created. */
export interface DocumentImported {
  postmortemId: string;
  incidentIds: string[];
  timelineEventsProposed: number;
}

/** The unplaced parts as one Markdown section, so that nothing of the document is lost. */
export function unplacedSection(parts: readonly UnplacedPart[]): string {
  return parts
    .map((p) => `**${p.heading}**${p.line ? ` (line ${p.line})` : ''}\n\n${p.text}`)
    .join('\n\n');
}

const isHttpUrl = (value: string | null) => value !== null && /^https?:\/\/\S+$/.test(value);

/**
 * Creates a whole review from one prepared document, in ONE transaction: its incident(s) with
 * key instants and their provenance, the postmortem, the timeline (through the import
 * pipeline, as proposed events; pinned rows pinned), participants, contributing factors,
 * the why-tree, action items linked to the causes they address, and the prose sections (the
 * unplaced parts in a section of their own). Every record is written by its own use case, so
 * each is checked and audited as if entered by hand; one more audit event names the file.
 */
export async function createPostmortemFromDocument(
  deps: AppDeps,
  actor: Actor,
  prepared: PreparedDocument,
): Promise<DocumentImported> {
  if (prepared.skipped) {
    throw new DomainError('VALIDATION_FAILED', `${prepared.fileName}: ${prepared.skipped}`, {
      details: {
        errors: [{ path: prepared.fileName, code: 'not_a_postmortem', message: prepared.skipped }],
      },
    });
  }
  const doc = prepared.document;
  let last = 0;
  // Parts are listed by creation time: a strictly rising clock keeps the document's order.
  const clock = () => {
    last = Math.max(deps.clock().getTime(), last + 1);
    return new Date(last);
  };
  return inTransaction({ ...deps, clock }, async (tx) => {
    const incidentIds: string[] = [];
    for (const incident of doc.incidents) {
      const created = await createIncident(tx, actor, {
        title: incident.title.slice(0, 200),
        summary: incident.summary,
        kind: incident.kind,
        severity: incident.severity,
        potentialSeverity: incident.potentialSeverity,
        isDrill: incident.isDrill,
        services: incident.services,
        restricted: doc.restricted,
        memberIds: [],
        instants: Object.fromEntries(
          Object.entries(incident.instants).map(([name, instant]) => [
            name,
            { at: instant.at.toISOString(), source: instant.source, precision: instant.precision },
          ]),
        ) as Partial<
          Record<KeyInstantName, { at: string; source: string; precision: 'exact' | 'estimated' }>
        >,
      });
      incidentIds.push(created.id);
    }
    const postmortem = await openPostmortem(tx, actor, {
      incidentIds,
      memberIds: [],
      title: doc.title.slice(0, 200),
      scope: doc.scope,
    });
    const proposed = await proposeTimelineEvents(tx, {
      postmortemId: postmortem.id,
      source: 'document',
      events: prepared.events,
      actorId: actor.id,
      inputName: prepared.fileName,
      audit: { data: { fileName: prepared.fileName } },
    });
    await documentTimelineRepository.pinByExternalIds(
      tx.db,
      postmortem.id,
      'document',
      doc.timeline.flatMap((row, i) => (row.pinned ? [prepared.events[i]?.externalId ?? ''] : [])),
    );
    for (const participant of doc.participants) {
      await addParticipant(tx, actor, postmortem.id, { ...participant, userId: null });
    }
    const ids = new Map<string, string>();
    for (const factor of doc.factors) {
      const { ref, ...fields } = factor;
      ids.set(ref, (await addContributingFactor(tx, actor, postmortem.id, fields)).id);
    }
    for (const node of doc.whyTree) {
      const created = await addWhyNode(tx, actor, postmortem.id, {
        parentId: node.parentRef ? (ids.get(node.parentRef) ?? null) : null,
        question: node.question,
        answer: node.answer,
        category: node.category,
        mark: node.mark,
        evidenceEventIds: [],
        noEvidenceReason: node.noEvidenceReason,
        acceptedRiskReason: node.acceptedRiskReason,
      });
      ids.set(node.ref, created.id);
    }
    const unplaced = [...doc.unplaced];
    for (const item of doc.actionItems) {
      if (item.trackerUrl && !isHttpUrl(item.trackerUrl)) {
        unplaced.push({ heading: `${item.ref} tracker`, text: item.trackerUrl, line: 0 });
      }
      // An item is never created verified: it is created done, then verified by the importer
      // under the policy's verification rules, as a person would.
      const verified = item.status === 'verified';
      const created = await createActionItem(tx, actor, postmortem.id, {
        title: item.title,
        kind: item.kind,
        ownerName: item.owner,
        ownerUserId: null,
        dueDate: item.dueDate,
        successCriterion: item.successCriterion,
        status: verified ? 'done' : item.status,
        wontDoReason: item.wontDoReason,
        trackerUrl: isHttpUrl(item.trackerUrl) ? item.trackerUrl : null,
        verificationEvidence: item.verificationEvidence,
        verificationNote: item.verificationNote,
        priority: item.priority ?? 'p2',
        team: item.team,
        services: item.services,
        isIdea: item.isIdea,
        linkedFactorIds: item.addresses
          .filter((r) => r.startsWith('F'))
          .flatMap((r) => ids.get(r) ?? []),
        linkedWhyNodeIds: item.addresses
          .filter((r) => r.startsWith('W'))
          .flatMap((r) => ids.get(r) ?? []),
        reliesOnServices: item.reliesOnServices,
      });
      if (verified) {
        await updateActionItem(tx, actor, created.id, created.version, { status: 'verified' });
      }
    }
    const sections = { ...doc.sections };
    if (unplaced.length > 0) {
      sections.unplaced = [sections.unplaced, unplacedSection(unplaced)]
        .filter(Boolean)
        .join('\n\n');
    }
    if (Object.keys(sections).length > 0) {
      await updatePostmortem(tx, actor, postmortem.id, postmortem.version, { sections });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.imported_from_document',
      subjectType: 'postmortem',
      subjectId: postmortem.id,
      postmortemId: postmortem.id,
      incidentId: incidentIds[0] ?? null,
      data: {
        fileName: prepared.fileName,
        format: doc.format,
        timelineEvents: proposed.proposed,
        factors: doc.factors.length,
        actionItems: doc.actionItems.length,
        unplaced: unplaced.length,
      },
    });
    return { postmortemId: postmortem.id, incidentIds, timelineEventsProposed: proposed.proposed };
  });
}
