import { useState } from 'react';
import { type TimelineEvent, timelineApi } from '../../api/parts-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from './labels.ts';
import { TimelineEventForm } from './TimelineEventForm.tsx';
import { usePartList } from './use-part-list.ts';

interface SectionProps {
  postmortemId: string;
  canAdd: boolean;
  onChanged: () => void;
}

/** The timeline as a table sorted by time, with manual entry and review of imported events. */
export function TimelineSection({ postmortemId, canAdd, onChanged }: SectionProps) {
  const { resource, rows, rowAction, refresh } = usePartList(timelineApi, postmortemId, onChanged);
  const [editing, setEditing] = useState<string | null>(null);

  if (!resource.data) {
    return <LoadState problem={resource.problem} onRetry={resource.reload} />;
  }
  const act = async (action: () => Promise<unknown>) => {
    if (await rowAction.run(action)) {
      await refresh();
    }
  };
  const setStatus = (event: TimelineEvent, status: 'accepted' | 'rejected') =>
    act(() => timelineApi.update(event.id, event.version, { status }));
  const remove = (event: TimelineEvent) => {
    if (window.confirm('Delete this timeline event?')) {
      void act(() => timelineApi.remove(event.id, event.version));
    }
  };

  return (
    <>
      <h2>Timeline</h2>
      {rows.length === 0 ? (
        <p className="empty">No events yet. Add what happened, when, as objectively as you can.</p>
      ) : (
        <table className="data-table timeline">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">What happened</th>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ data: event, abilities }) =>
              editing === event.id ? (
                <tr key={event.id}>
                  <td colSpan={6}>
                    <TimelineEventForm
                      initial={event}
                      submitLabel="Save event"
                      onCancel={() => setEditing(null)}
                      onSubmit={async (values) => {
                        await timelineApi.update(event.id, event.version, {
                          occurredAt: values.occurredAt,
                          text: values.text,
                          kind: values.kind,
                        });
                        setEditing(null);
                        await refresh();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={event.id} className={event.status === 'rejected' ? 'rejected' : undefined}>
                  <td>
                    <time
                      dateTime={event.occurredAt}
                      title={event.originalTimestamp ?? event.occurredAt}
                    >
                      {formatInstant(event.occurredAt)}
                    </time>
                  </td>
                  <td>{postmortemLabels.timelineKind[event.kind]}</td>
                  <td className="prewrap">
                    {event.pinned && <span className="tag">Pinned</span>}
                    {event.actor && <strong>{event.actor}: </strong>}
                    {event.text}
                  </td>
                  <td>{postmortemLabels.timelineSource[event.source]}</td>
                  <td>{postmortemLabels.timelineStatus[event.status]}</td>
                  <td className="row-actions">
                    {can(abilities, 'update') && event.status === 'proposed' && (
                      <>
                        <button
                          type="button"
                          className="link"
                          onClick={() => setStatus(event, 'accepted')}
                        >
                          Accept
                        </button>
                        <button
                          type="button"
                          className="link"
                          onClick={() => setStatus(event, 'rejected')}
                        >
                          Reject
                        </button>
                      </>
                    )}
                    {can(abilities, 'update') && (
                      <button type="button" className="link" onClick={() => setEditing(event.id)}>
                        Edit
                        <span className="visually-hidden"> {formatInstant(event.occurredAt)}</span>
                      </button>
                    )}
                    {can(abilities, 'remove') && (
                      <button type="button" className="link danger" onClick={() => remove(event)}>
                        Delete
                        <span className="visually-hidden"> {formatInstant(event.occurredAt)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <ProblemAlert problem={rowAction.problem} onReload={resource.reload} />
      {canAdd && (
        <section className="card" aria-labelledby="add-event-heading">
          <h3 id="add-event-heading">Add an event</h3>
          <TimelineEventForm
            submitLabel="Add event"
            onSubmit={async (values) => {
              await timelineApi.create(postmortemId, values);
              await refresh();
            }}
          />
        </section>
      )}
    </>
  );
}
