import { useCallback, useMemo, useState } from 'react';
import { incidentsApi } from '../../api/incidents-api.ts';
import { timelineApi } from '../../api/parts-api.ts';
import { noFilters, type ReviewEvent, timelineReviewApi } from '../../api/timeline-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ImportDialog } from '../imports/ImportDialog.tsx';
import { TimelineEventForm } from '../postmortems/TimelineEventForm.tsx';
import { ClockSkewPanel } from './ClockSkewPanel.tsx';
import { KeyInstantProposals } from './KeyInstantProposals.tsx';
import type { RowAction } from './ReviewRow.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { Swimlanes } from './Swimlanes.tsx';
import { groupIntoLanes } from './swimlanes.ts';
import { TimelineFiltersBar } from './TimelineFiltersBar.tsx';
import { fitWindow, incidentWindow, type TimeWindow } from './time-axis.ts';
import './timeline.css';

interface TimelineViewProps {
  postmortemId: string;
  /** The reviewed incidents: the swimlanes open zoomed to their key instants. */
  incidentIds?: string[];
  canAdd: boolean;
  onChanged: () => void;
}

/**
 * The timeline tab: swimlanes per source on a zoomable axis, filters, the review checkpoint
 * (accept, edit, reject, pin, in bulk), clock skews, key-instant proposals, imports and
 * manual entry.
 */
export function TimelineView({
  postmortemId,
  incidentIds = [],
  canAdd,
  onChanged,
}: TimelineViewProps) {
  const [filters, setFilters] = useState(noFilters);
  const [zoomed, setZoomed] = useState<TimeWindow | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [importing, setImporting] = useState(false);
  const load = useCallback(() => {
    void revision;
    return timelineReviewApi.list(postmortemId, filters);
  }, [postmortemId, filters, revision]);
  const timeline = useResource(load);
  const incidentKey = incidentIds.join(',');
  const loadIncidentInstants = useCallback(
    () =>
      Promise.all(
        incidentKey
          .split(',')
          .filter(Boolean)
          .map((id) =>
            incidentsApi
              .get(id)
              .then((answer) =>
                Object.values(answer.data.instants).map((instant) => Date.parse(instant.at)),
              )
              .catch(() => []),
          ),
      ).then((lists) => lists.flat()),
    [incidentKey],
  );
  const incidentInstants = useResource(loadIncidentInstants);
  const action = useSubmit();
  const rows = timeline.data?.data ?? [];
  const events = useMemo(() => rows.map((row) => row.data), [rows]);
  const fitted = useMemo(() => fitWindow(events.map((e) => Date.parse(e.occurredAt))), [events]);
  const opening = useMemo(
    () => incidentWindow(incidentInstants.data ?? []) ?? fitted,
    [incidentInstants.data, fitted],
  );
  const byId = useMemo(() => new Map(events.map((event) => [event.id, event])), [events]);

  if (!timeline.data) {
    return <LoadState problem={timeline.problem} onRetry={timeline.reload} />;
  }
  const changed = () => {
    setRevision((r) => r + 1);
    onChanged();
  };
  const act = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)) !== undefined) {
      changed();
    }
  };
  const onRowAction = (event: ReviewEvent, rowAction: Exclude<RowAction, 'edit'>) => {
    const body = {
      accept: { status: 'accepted' as const },
      reject: { status: 'rejected' as const },
      pin: { pinned: true },
      unpin: { pinned: false },
    }[rowAction];
    void act(() => timelineApi.update(event.id, event.version, body));
  };

  return (
    <>
      <div className="section-heading">
        <h2>Timeline</h2>
        {canAdd && (
          <button type="button" onClick={() => setImporting(true)}>
            Import…
          </button>
        )}
      </div>
      <p className="muted">
        Imported events stay <strong>proposed</strong> until a person accepts, edits or rejects
        them; only accepted events count.
      </p>
      <TimelineFiltersBar filters={filters} onChange={setFilters} />
      <ClockSkewPanel
        postmortemId={postmortemId}
        sources={groupIntoLanes(events).map((lane) => lane.source)}
        skews={timeline.data.skews}
        canEdit={canAdd}
        onSaved={changed}
      />
      <KeyInstantProposals
        postmortemId={postmortemId}
        lookup={(id) => byId.get(id)}
        revision={revision}
        onConfirmed={changed}
      />
      {events.length > 0 && (
        <Swimlanes
          events={events}
          window={zoomed ?? opening}
          onWindowChange={setZoomed}
          onFit={() => setZoomed(fitted)}
          selectedId={currentId}
          onSelect={(id) => {
            setCurrentId(id);
            document.getElementById(`event-${id}`)?.scrollIntoView({ block: 'center' });
          }}
        />
      )}
      <ProblemAlert problem={action.problem} onReload={timeline.reload} />
      <ReviewTable
        rows={rows}
        currentId={currentId}
        onAction={onRowAction}
        onEdit={async (event, values) => {
          await timelineApi.update(event.id, event.version, {
            occurredAt: values.occurredAt,
            text: values.text,
            kind: values.kind,
            status: 'accepted',
          });
          changed();
        }}
        onBulk={(chosen, bulkAction) =>
          act(() => timelineReviewApi.reviewMany(postmortemId, chosen, bulkAction))
        }
      />
      {canAdd && (
        <section className="card" aria-labelledby="add-event-heading">
          <h3 id="add-event-heading">Add an event</h3>
          <TimelineEventForm
            submitLabel="Add event"
            onSubmit={async (values) => {
              await timelineApi.create(postmortemId, values);
              changed();
            }}
          />
        </section>
      )}
      {importing && (
        <ImportDialog
          postmortemId={postmortemId}
          onClose={() => setImporting(false)}
          onImported={changed}
        />
      )}
    </>
  );
}
