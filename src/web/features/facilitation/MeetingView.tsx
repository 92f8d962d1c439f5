import { type FormEvent, useCallback, useState } from 'react';
import { facilitationLimits } from '../../../contracts/facilitation.ts';
import { facilitationApi } from '../../api/facilitation-api.ts';
import type { Postmortem } from '../../api/postmortems-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { useResource } from '../../lib/use-resource.ts';
import { AnalysisMeetingForm } from '../postmortems/AnalysisMeetingForm.tsx';
import { AgendaOutline } from './AgendaOutline.tsx';
import { CurrentSection } from './CurrentSection.tsx';
import { OpenQuestionsPanel } from './OpenQuestionsPanel.tsx';
import { ParticipationPanel } from './ParticipationPanel.tsx';
import './facilitation.css';

interface MeetingViewProps {
  postmortem: Postmortem;
  canEdit: boolean;
  onSaved: (result: { data: Postmortem; abilities: Abilities }) => void;
  onReload: () => void;
}

/**
 * Runs the analysis meeting: the generated agenda with a timer per section and prompts per
 * item, open questions captured as they come up, participation by role, and the meeting record.
 */
export function MeetingView({ postmortem, canEdit, onSaved, onReload }: MeetingViewProps) {
  const [minutes, setMinutes] = useState<number>(facilitationLimits.meetingMinutesDefault);
  const [draftMinutes, setDraftMinutes] = useState(String(minutes));
  const [current, setCurrent] = useState(0);
  const { id } = postmortem;
  const load = useCallback(() => facilitationApi.agenda(id, minutes), [id, minutes]);
  const agenda = useResource(load);
  const reloadAgenda = agenda.reload;
  const onQuestionsChanged = useCallback(() => {
    void reloadAgenda();
    onReload();
  }, [reloadAgenda, onReload]);
  // A saved meeting record changes who attended, which the agenda shows.
  const onMeetingSaved = useCallback(
    (result: { data: Postmortem; abilities: Abilities }) => {
      onSaved(result);
      void reloadAgenda();
    },
    [onSaved, reloadAgenda],
  );

  if (!agenda.data) {
    return <LoadState problem={agenda.problem} onRetry={agenda.reload} />;
  }
  const { sections, participation } = agenda.data.data;
  const index = Math.min(current, sections.length - 1);
  const section = sections[index];
  const applyMinutes = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(draftMinutes);
    if (
      Number.isInteger(value) &&
      value >= facilitationLimits.meetingMinutesMin &&
      value <= facilitationLimits.meetingMinutesMax
    ) {
      setMinutes(value);
    }
  };

  return (
    <>
      <h2>Analysis meeting</h2>
      <p className="muted">
        Walk the timeline together, ask what people knew and expected at each point, build the
        why-tree and capture what stays open. The timers run in this browser only.
      </p>
      <div className="meeting-layout">
        <div>
          <form
            className="form inline-form meeting-length"
            onSubmit={applyMinutes}
            aria-label="Meeting length"
          >
            <label className="grow">
              <span className="field-label">Meeting length (min)&nbsp;</span>
              <input
                type="number"
                min={facilitationLimits.meetingMinutesMin}
                max={facilitationLimits.meetingMinutesMax}
                value={draftMinutes}
                onChange={(e) => setDraftMinutes(e.target.value)}
              />
            </label>
            <button type="submit" className="secondary">
              Apply
            </button>
          </form>
          <AgendaOutline sections={sections} current={index} onSelect={setCurrent} />
        </div>
        {section && (
          <CurrentSection
            key={section.key}
            section={section}
            onNext={index < sections.length - 1 ? () => setCurrent(index + 1) : undefined}
          />
        )}
      </div>
      <OpenQuestionsPanel
        postmortemId={postmortem.id}
        canAdd={canEdit}
        onChanged={onQuestionsChanged}
      />
      <ParticipationPanel participation={participation} />
      <AnalysisMeetingForm
        postmortem={postmortem}
        participation={participation}
        canEdit={canEdit}
        onSaved={onMeetingSaved}
        onReload={onReload}
      />
    </>
  );
}
