/** A visible time window in epoch milliseconds, `start < end`. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** One labelled tick of the axis. */
export interface AxisTick {
  at: number;
  /** Position from the left edge, 0–1. */
  fraction: number;
}

const minute = 60_000;
const hour = 60 * minute;
/** Tick spacings the axis chooses from, smallest first. */
const steps = [
  1_000,
  5_000,
  15_000,
  30_000,
  minute,
  5 * minute,
  15 * minute,
  30 * minute,
  hour,
  3 * hour,
  6 * hour,
  12 * hour,
  24 * hour,
  7 * 24 * hour,
  30 * 24 * hour,
  365 * 24 * hour,
];
/** The narrowest window a person can zoom into: one minute. */
export const minWindowMs = minute;

/**
 * The window that shows every instant with a 5 % margin on both sides; at least a minute
 * wide, centred on a single event.
 */
export function fitWindow(instants: readonly number[]): TimeWindow {
  if (instants.length === 0) {
    return { start: 0, end: hour };
  }
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  const span = Math.max(last - first, minWindowMs);
  const centre = (first + last) / 2;
  return { start: centre - span * 0.55, end: centre + span * 0.55 };
}

/**
 * The window the swimlanes open on: the incident's key instants with a tenth of their span (at
 * least half an hour) on each side, so the events around the incident are what one sees first;
 * `null` when the incident has no instant yet.
 */
export function incidentWindow(instants: readonly number[]): TimeWindow | null {
  const known = instants.filter((at) => Number.isFinite(at));
  if (known.length === 0) {
    return null;
  }
  const first = Math.min(...known);
  const last = Math.max(...known);
  const margin = Math.max((last - first) * 0.1, 30 * minute);
  return { start: first - margin, end: last + margin };
}

/** Where an instant falls in the window, 0 (left) to 1 (right); outside values are off-screen. */
export function positionOf(window: TimeWindow, at: number): number {
  return (at - window.start) / (window.end - window.start);
}

/**
 * Zooms by `factor` (> 1 zooms in) around `anchor` (0–1 of the width), which stays put under
 * the pointer or the centre. Never narrower than a minute.
 */
export function zoomWindow(window: TimeWindow, factor: number, anchor = 0.5): TimeWindow {
  const width = window.end - window.start;
  const next = Math.max(width / factor, minWindowMs);
  const pivot = window.start + width * anchor;
  return { start: pivot - next * anchor, end: pivot - next * anchor + next };
}

/** Moves the window by `fraction` of its width (negative: earlier). */
export function panWindow(window: TimeWindow, fraction: number): TimeWindow {
  const shift = (window.end - window.start) * fraction;
  return { start: window.start + shift, end: window.end + shift };
}

/** Ticks at a round spacing that puts at most `maxTicks` on the axis. */
export function axisTicks(window: TimeWindow, maxTicks = 8): AxisTick[] {
  const width = window.end - window.start;
  const step =
    steps.find((s) => width / s <= maxTicks) ?? Math.ceil(width / maxTicks / hour) * hour;
  const ticks: AxisTick[] = [];
  for (let at = Math.ceil(window.start / step) * step; at <= window.end; at += step) {
    ticks.push({ at, fraction: positionOf(window, at) });
  }
  return ticks;
}

/**
 * A tick label in UTC: the date over windows longer than two days, the date and time over
 * windows that cross midnight, otherwise the time (with seconds under ten minutes).
 */
export function tickLabel(at: number, window: TimeWindow): string {
  const iso = new Date(at).toISOString();
  const width = window.end - window.start;
  if (width > 2 * 24 * hour) {
    return iso.slice(0, 10);
  }
  const time = iso.slice(11, width < 10 * minute ? 19 : 16);
  const sameDay =
    new Date(window.start).toISOString().slice(0, 10) ===
    new Date(window.end).toISOString().slice(0, 10);
  return sameDay ? time : `${iso.slice(5, 10)} ${time}`;
}
