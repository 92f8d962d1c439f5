import type { KeyInstantName } from '../domain/incident.ts';
import type { DocumentDuration } from './document-import.ts';

const durationNames: Array<[RegExp, Exclude<KeyInstantName, 'started_at'>]> = [
  [/^(time to (detect|detection)|ttd|detection time)$/, 'detected_at'],
  [/^(time to (acknowledge|acknowledgement|ack)|tta)$/, 'acknowledged_at'],
  [/^(time to (mitigate|mitigation)|ttm)$/, 'mitigated_at'],
  [
    /^(time to (recover|recovery|resolve|resolution|repair|restore)|ttr|mttr|duration)$/,
    'resolved_at',
  ],
];

const unitMinutes: Record<string, number> = {
  s: 1 / 60,
  sec: 1 / 60,
  second: 1 / 60,
  m: 1,
  min: 1,
  minute: 1,
  h: 60,
  hr: 60,
  hour: 60,
  d: 1440,
  day: 1440,
};

/** Minutes in `54 minutes`, `19 hours 43 minutes.`, `11 Days`, `1h30m`; `null` when none. */
export function parseDuration(text: string): number | null {
  let total = 0;
  let found = false;
  for (const match of text
    .toLowerCase()
    .matchAll(/(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)\b/g)) {
    const unit = (match[2] ?? '').replace(/s$/, '') || 's';
    const factor = unitMinutes[unit] ?? unitMinutes[match[2] ?? ''];
    if (factor === undefined) {
      continue;
    }
    total += Number(match[1]) * factor;
    found = true;
  }
  return found ? Math.round(total) : null;
}

/**
 * A statistics line as a duration from the start: `Time to detection: 54 minutes`,
 * `- Time to recovery: 4 hours 42 minutes`. `null` when the line is something else or gives
 * no usable duration (`?`, `N/A`).
 */
export function readDurationLine(line: string): DocumentDuration | null {
  const match = /^\s*(?:[-*+]\s+)?\**([^:*]+?)\**\s*:\s*(.+)$/.exec(line);
  if (!match) {
    return null;
  }
  const name = (match[1] ?? '').trim().toLowerCase();
  const instant = durationNames.find(([pattern]) => pattern.test(name))?.[1];
  const minutes = instant ? parseDuration(match[2] ?? '') : null;
  return instant && minutes !== null ? { instant, minutes, text: line.trim() } : null;
}
