import type { Agenda } from '../../analysis/facilitation/build-agenda.ts';
import type { AgendaDto, OpenQuestionDto } from '../../contracts/facilitation.ts';
import type { OpenQuestion } from '../../domain/open-question.ts';
import type { Postmortem } from '../../domain/postmortem.ts';

/** An open question or disagreement with the viewer's abilities (those of its postmortem). */
export function presentOpenQuestion(question: OpenQuestion, update: boolean) {
  const data: OpenQuestionDto = {
    id: question.id,
    postmortemId: question.postmortemId,
    text: question.text,
    kind: question.kind,
    status: question.status,
    resolution: question.resolution,
    version: question.version,
    createdAt: question.createdAt.toISOString(),
  };
  return { data, abilities: { update, remove: update } };
}

/** The generated agenda with the meeting record it prepares. */
export function presentAgenda(postmortem: Postmortem, agenda: Agenda): AgendaDto {
  return {
    postmortemId: postmortem.id,
    totalMinutes: agenda.totalMinutes,
    sections: agenda.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => ({
        ...item,
        occurredAt: item.occurredAt?.toISOString() ?? null,
      })),
    })),
    participation: agenda.participation,
    meeting: {
      heldAt: postmortem.analysisMeetingAt?.toISOString() ?? null,
      notes: postmortem.analysisMeetingNotes,
      attendeeIds: postmortem.analysisMeetingAttendeeIds,
    },
  };
}
