import { type KeyboardEvent, memo, type WheelEvent } from 'react';
import type { ReviewEvent } from '../../api/timeline-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { laneMarkers } from './lane-markers.ts';
import type { Lane } from './swimlanes.ts';
import { axisTicks, panWindow, type TimeWindow, tickLabel, zoomWindow } from './time-axis.ts';

/** Markers per lane at most: beyond it, events closer than a slot share one marker. */
const markerSlots = 400;

interface SwimlanesProps {
  lanes: Lane<ReviewEvent>[];
  window: TimeWindow;
  onWindowChange: (window: TimeWindow) => void;
  onFit: () => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * One lane per source with events as markers on a shared time axis. Zoom and pan with the
 * buttons, the keyboard in the toolbar (+, −, arrows, 0 to fit) or Ctrl+wheel; the chart is
 * hidden from screen readers because the review table below lists the same events. A busy
 * lane draws one marker per slot of its width, titled with how many events it stands for.
 */
export const Swimlanes = memo(function Swimlanes({
  lanes,
  window,
  onWindowChange,
  onFit,
  selectedId,
  onSelect,
}: SwimlanesProps) {
  const ticks = axisTicks(window);
  const zoom = (factor: number, anchor?: number) =>
    onWindowChange(zoomWindow(window, factor, anchor));
  const pan = (fraction: number) => onWindowChange(panWindow(window, fraction));

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case '+':
      case '=':
        zoom(2);
        break;
      case '-':
        zoom(0.5);
        break;
      case 'ArrowLeft':
        pan(-0.2);
        break;
      case 'ArrowRight':
        pan(0.2);
        break;
      case '0':
        onFit();
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (!event.ctrlKey && !event.altKey) {
      return;
    }
    const box = event.currentTarget.getBoundingClientRect();
    const anchor = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
    zoom(event.deltaY < 0 ? 1.5 : 1 / 1.5, anchor);
  };

  return (
    <section className="swimlanes" aria-labelledby="swimlanes-heading">
      <div
        className="swimlanes-toolbar"
        role="toolbar"
        aria-label="Zoom and move: plus and minus zoom, arrows move, 0 fits"
        onKeyDown={onKeyDown}
      >
        <h3 id="swimlanes-heading">Lanes by source</h3>
        <span className="muted">
          {formatInstant(new Date(window.start).toISOString())} –{' '}
          {formatInstant(new Date(window.end).toISOString())}
        </span>
        <button type="button" onClick={() => pan(-0.5)} aria-label="Earlier">
          ←
        </button>
        <button type="button" onClick={() => zoom(0.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => zoom(2)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => pan(0.5)} aria-label="Later">
          →
        </button>
        <button type="button" onClick={onFit}>
          Fit
        </button>
      </div>
      <div className="swimlanes-chart" aria-hidden="true" onWheel={onWheel}>
        <div className="swimlane axis">
          <span className="swimlane-label">UTC</span>
          <div className="swimlane-track">
            {ticks.map((tick) => (
              <span key={tick.at} className="axis-tick" style={{ left: `${tick.fraction * 100}%` }}>
                {tickLabel(tick.at, window)}
              </span>
            ))}
          </div>
        </div>
        {lanes.map((lane) => (
          <div key={lane.source} className="swimlane">
            <span className="swimlane-label">
              {postmortemLabels.timelineSource[lane.source]} ({lane.events.length})
            </span>
            <div className="swimlane-track">
              {laneMarkers(lane.events, window, markerSlots, selectedId).map(
                ({ event, at, count }) => {
                  const classes = [
                    'marker',
                    `marker-${event.status}`,
                    event.pinned ? 'marker-pinned' : '',
                    event.ambiguities.length > 0 ? 'marker-ambiguous' : '',
                    selectedId === event.id ? 'marker-selected' : '',
                  ];
                  return (
                    <button
                      key={event.id}
                      type="button"
                      tabIndex={-1}
                      className={classes.join(' ')}
                      style={{ left: `${at * 100}%` }}
                      title={`${formatInstant(event.occurredAt)} · ${postmortemLabels.timelineStatus[event.status]} · ${event.text.slice(0, 160)}${count > 1 ? ` (and ${count - 1} more here)` : ''}`}
                      onClick={() => onSelect(event.id)}
                    >
                      <span className="visually-hidden">{event.text.slice(0, 80)}</span>
                    </button>
                  );
                },
              )}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
});
