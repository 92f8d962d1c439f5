import type { KeyInstantName, KeyInstants } from '../domain/incident.ts';

/** A duration between two key instants, with whether either end is an estimate. */
export interface KeyDuration {
  name: 'time_to_detect' | 'time_to_acknowledge' | 'time_to_mitigate' | 'time_to_resolve';
  label: string;
  from: KeyInstantName;
  to: KeyInstantName;
  minutes: number;
  estimated: boolean;
  /** Where the two ends came from, e.g. `metric → alertmanager`. */
  provenance: string;
}

const spans: ReadonlyArray<Omit<KeyDuration, 'minutes' | 'estimated' | 'provenance'>> = [
  { name: 'time_to_detect', label: 'Time to detect', from: 'started_at', to: 'detected_at' },
  {
    name: 'time_to_acknowledge',
    label: 'Time to acknowledge',
    from: 'detected_at',
    to: 'acknowledged_at',
  },
  { name: 'time_to_mitigate', label: 'Time to mitigate', from: 'started_at', to: 'mitigated_at' },
  { name: 'time_to_resolve', label: 'Time to resolve', from: 'started_at', to: 'resolved_at' },
];

/** The durations the key instants allow (both ends known, in order). */
export function keyDurations(instants: KeyInstants): KeyDuration[] {
  return spans.flatMap((span) => {
    const from = instants[span.from];
    const to = instants[span.to];
    if (!from || !to || to.at.getTime() < from.at.getTime()) {
      return [];
    }
    return [
      {
        ...span,
        minutes: Math.round((to.at.getTime() - from.at.getTime()) / 60_000),
        estimated: from.precision === 'estimated' || to.precision === 'estimated',
        provenance: `${from.source} → ${to.source}`,
      },
    ];
  });
}

/** `47 minutes`, `2 h 5 min`, `3 d 4 h` — short, for tables and sentences alike. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) {
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
  }
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  return `${Math.floor(minutes / (24 * 60))} d${hours ? ` ${hours} h` : ''}`;
}
