import { type FormEvent, useState } from 'react';
import type { TimelineSource } from '../../../domain/timeline-event.ts';
import { type ClockSkew, timelineReviewApi } from '../../api/timeline-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from '../postmortems/labels.ts';

interface ClockSkewPanelProps {
  postmortemId: string;
  sources: TimelineSource[];
  skews: ClockSkew[];
  canEdit: boolean;
  onSaved: () => void;
}

/** The clock-skew offset of each source, shown beside the times and never applied silently. */
export function ClockSkewPanel({
  postmortemId,
  sources,
  skews,
  canEdit,
  onSaved,
}: ClockSkewPanelProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [seconds, setSeconds] = useState('0');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const skewOf = (source: string) => skews.find((skew) => skew.source === source);
  const start = (source: string) => {
    const skew = skewOf(source);
    setEditing(source);
    setSeconds(String((skew?.offsetMs ?? 0) / 1000));
    setReason(skew?.reason ?? '');
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) {
      return;
    }
    const offsetMs = Math.round(Number(seconds) * 1000);
    if (
      await submit.run(() => timelineReviewApi.setSkew(postmortemId, editing, offsetMs, reason))
    ) {
      setEditing(null);
      onSaved();
    }
  };

  if (sources.length === 0) {
    return null;
  }
  return (
    <details className="card skews">
      <summary>Clock skew per source</summary>
      <ul className="link-list">
        {sources.map((source) => {
          const skew = skewOf(source);
          return (
            <li key={source}>
              <strong>{postmortemLabels.timelineSource[source]}</strong>:{' '}
              {skew && skew.offsetMs !== 0
                ? `${skew.offsetMs / 1000} s (${skew.reason})`
                : 'no offset'}{' '}
              {canEdit && (
                <button type="button" className="link" onClick={() => start(source)}>
                  Set offset<span className="visually-hidden"> for {source}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {editing && (
        <form className="inline-form" onSubmit={save}>
          <label>
            Offset of {postmortemLabels.timelineSource[editing as TimelineSource] ?? editing} in
            seconds (its clock runs ahead by)
            <input
              type="number"
              step="0.001"
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
            />
          </label>
          <label>
            Reason
            <input value={reason} required onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={submit.pending}>
            Save offset
          </button>
          <button type="button" className="link" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      <ProblemAlert problem={submit.problem} />
    </details>
  );
}
