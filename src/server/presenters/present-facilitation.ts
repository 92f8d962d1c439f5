import type { Agenda } from '../../analysis/facilitation/build-agenda.ts';
import type { AgendaDto } from '../../contracts/facilitation.ts';
import type { Postmortem } from '../../domain/postmortem.ts';

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
