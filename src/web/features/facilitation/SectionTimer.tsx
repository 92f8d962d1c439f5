import { useEffect, useRef, useState } from 'react';
import { plural } from '../../lib/plural.ts';
import { formatClock, useCountdown } from './use-countdown.ts';

interface SectionTimerProps {
  /** The section's display name, used in announcements. */
  label: string;
  minutes: number;
  /** Moves to the next section; absent on the last one. */
  onNext?: () => void;
}

/**
 * The countdown of one agenda section: start, pause, restart, next. Announces through a live
 * region when one minute is left and when the time is up (the clock runs only in this browser).
 */
export function SectionTimer({ label, minutes, onNext }: SectionTimerProps) {
  const [announcement, setAnnouncement] = useState('');
  const total = minutes * 60_000;
  const timer = useCountdown(total, () => setAnnouncement(`Time is up for ${label}.`));
  const started = useRef(false);
  const { reset } = timer;
  // The agenda is regenerated as questions are captured; an untouched timer follows the new
  // timebox, a started one keeps counting.
  useEffect(() => {
    if (!started.current) {
      reset(total);
    }
  }, [total, reset]);
  const start = () => {
    started.current = true;
    setAnnouncement('');
    timer.start();
  };
  const oneMinuteLeft = timer.running && timer.remainingMs <= 60_000 && total > 60_000;
  const isUp = timer.remainingMs === 0;
  const status = isUp ? 'Time is up' : timer.running ? 'Running' : 'Paused';

  return (
    <section className="card section-timer" aria-label={`Timer for ${label}`}>
      <p className="timer-readout">
        <span
          className={isUp ? 'timer-clock tag-warn' : 'timer-clock'}
          role="timer"
          aria-label={`${formatClock(timer.remainingMs)} left of ${plural(minutes, 'minute')}`}
        >
          {formatClock(timer.remainingMs)}
        </span>{' '}
        <span className="muted">
          of {minutes} min · {status}
        </span>
      </p>
      <div className="actions">
        {timer.running ? (
          <button type="button" onClick={timer.pause}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={start} disabled={isUp}>
            {timer.remainingMs === total ? 'Start' : 'Resume'}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            started.current = false;
            setAnnouncement('');
            timer.reset(total);
          }}
        >
          Restart
        </button>
        {onNext && (
          <button type="button" className="secondary" onClick={onNext}>
            Next section
          </button>
        )}
      </div>
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {oneMinuteLeft ? `One minute left for ${label}.` : ''}
      </p>
      {isUp && <p className="tag tag-warn">Time is up: wrap up or move on.</p>}
    </section>
  );
}
