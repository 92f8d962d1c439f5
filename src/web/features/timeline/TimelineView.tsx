import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Incident } from '../../api/incidents-api.ts';
import { timelineApi } from '../../api/parts-api.ts';
import { noFilters, type ReviewEvent, timelineReviewApi } from '../../api/timeline-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ImportDialog } from '../imports/ImportDialog.tsx';
import { useReloadOnLiveChange } from '../live/live-tick.ts';
import type { TimelineEventValues } from '../postmortems/TimelineEventForm.tsx';
import { TimelineEventForm } from '../postmortems/TimelineEventForm.tsx';
import { ClockSkewPanel } from './ClockSkewPanel.tsx';
import { findInRows } from './find-in-rows.ts';
import { KeyInstantProposals } from './KeyInstantProposals.tsx';
import type { RowAction } from './ReviewRow.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { Swimlanes } from './Swimlanes.tsx';
import { groupIntoLanes } from './swimlanes.ts';
import { TimelineFiltersBar } from './TimelineFiltersBar.tsx';
import { fitWindow, incidentWindow, type TimeWindow } from './time-axis.ts';
import { useThrottledValue } from './use-throttled-value.ts';
import { useTimelineRows } from './use-timeline-rows.ts';
import './timeline.css';

interface TimelineViewProps {
  postmortemId: string;
  /** The reviewed incidents, once read: the swimlanes open zoomed to their key instants. */
  incidents?: Incident[] | undefined;
  canAdd: boolean;
  onChanged: () => void;
}

/** How often the lanes follow the rows while the timeline is still loading. */
const laneRedrawMs = 1_000;

const rowActionBodies = {
  accept: { status: 'accepted' as const },
  reject: { status: 'rejected' as const },
  pin: { pinned: true },
  unpin: { pinned: false },
};

/**
 * The timeline tab: swimlanes per source on a zoomable axis, filters and find, the review
 * checkpoint (accept, edit, reject, pin, in bulk), clock skews, key-instant proposals, imports
 * and manual entry. A saved event replaces its own row only; anything else (and someone
 * else's change) reads the timeline again, keeping the rows that did not change.
 */
export function TimelineView({ postmortemId, incidents, canAdd, onChanged }: TimelineViewProps) {
  const [filters, setFilters] = useState(noFilters);
  const [find, setFind] = useState('');
  const [zoomed, setZoomed] = useState<TimeWindow | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [importing, setImporting] = useState(false);
  const timeline = useTimelineRows(postmortemId, filters);
  const { reload, applySaved } = timeline;
  useReloadOnLiveChange(reload);
  const incidentInstants = useMemo(
    () =>
      (incidents ?? []).flatMap((incident) =>
        Object.values(incident.instants).map((instant) => Date.parse(instant.at)),
      ),
    [incidents],
  );
  const action = useSubmit();
  const rows = timeline.rows;
  const events = useMemo(() => (rows ?? []).map((row) => row.data), [rows]);
  // While later pages come in, the lanes (hundreds of markers, all moving as the axis grows)
  // are redrawn once a second rather than for every page, which kept the page busy.
  const throttled = useThrottledValue(events, timeline.complete ? 0 : laneRedrawMs);
  const laneEvents = throttled.length === 0 ? events : throttled;
  const lanes = useMemo(() => groupIntoLanes(laneEvents), [laneEvents]);
  const sources = useMemo(() => lanes.map((lane) => lane.source), [lanes]);
  const fitted = useMemo(
    () => fitWindow(laneEvents.map((e) => Date.parse(e.occurredAt))),
    [laneEvents],
  );
  const opening = useMemo(
    () => incidentWindow(incidentInstants) ?? fitted,
    [incidentInstants, fitted],
  );
  const byId = useMemo(() => new Map(events.map((event) => [event.id, event])), [events]);
  const lookup = useCallback((id: string) => byId.get(id), [byId]);
  const deferredFind = useDeferredValue(find);
  const found = useMemo(() => findInRows(rows ?? [], deferredFind), [rows, deferredFind]);
  const onFit = useCallback(() => setZoomed(fitted), [fitted]);

  const changed = useCallback(() => {
    setRevision((r) => r + 1);
    void reload();
    onChanged();
  }, [reload, onChanged]);
  const saved = useCallback(
    (answer: { data: Parameters<typeof applySaved>[0] }) => {
      applySaved(answer.data);
      setRevision((r) => r + 1);
      onChanged();
    },
    [applySaved, onChanged],
  );
  const { run } = action;
  const onRowAction = useCallback(
    async (event: ReviewEvent, rowAction: Exclude<RowAction, 'edit'>) => {
      const answer = await run(() =>
        timelineApi.update(event.id, event.version, rowActionBodies[rowAction]),
      );
      if (answer !== undefined) {
        saved(answer);
      }
    },
    [run, saved],
  );
  const onEdit = useCallback(
    async (event: ReviewEvent, values: TimelineEventValues) => {
      saved(
        await timelineApi.update(event.id, event.version, {
          occurredAt: values.occurredAt,
          text: values.text,
          kind: values.kind,
          status: 'accepted',
        }),
      );
    },
    [saved],
  );

  if (!rows) {
    return <LoadState problem={timeline.problem} onRetry={reload} />;
  }
  const act = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)) !== undefined) {
      changed();
    }
  };
  const finding = deferredFind.trim() !== '';

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
      <label className="field timeline-find">
        <span className="field-label">Find in timeline</span>
        <input
          type="search"
          value={find}
          onChange={(change) => setFind(change.target.value)}
          aria-describedby="timeline-find-hint"
        />
        <span id="timeline-find-hint" className="hint">
          Text or actor, over every loaded event (the browser's find sees only the rows on screen).
        </span>
      </label>
      <ClockSkewPanel
        postmortemId={postmortemId}
        sources={sources}
        skews={timeline.skews}
        canEdit={canAdd}
        onSaved={changed}
      />
      <KeyInstantProposals
        postmortemId={postmortemId}
        lookup={lookup}
        revision={revision}
        onConfirmed={changed}
      />
      {events.length > 0 && (
        <Swimlanes
          lanes={lanes}
          window={zoomed ?? opening}
          onWindowChange={setZoomed}
          onFit={onFit}
          selectedId={currentId}
          onSelect={setCurrentId}
        />
      )}
      <ProblemAlert problem={action.problem ?? timeline.problem} onReload={reload} />
      <ReviewTable
        rows={found}
        total={finding ? found.length : timeline.total}
        currentId={currentId}
        onAction={onRowAction}
        onEdit={onEdit}
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
