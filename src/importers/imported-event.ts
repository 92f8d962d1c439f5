import type { KeyInstantName } from '../domain/incident.ts';
import type { TimelineEventKind, TimelineSource } from '../domain/timeline-event.ts';

/**
 * One event a converter read from a source, before it is stored as a proposed timeline event.
 * Converters never invent or shift a time: `occurredAt` is the instant the source states, and
 * what cannot be known is reported in `ambiguities`, not guessed.
 */
export interface ImportedEvent {
  /** Unique per source within one postmortem: re-importing the same input changes nothing. */
  externalId: string;
  occurredAt: Date;
  /** The timestamp exactly as the source wrote it. */
  originalTimestamp: string;
  /** The zone the timestamp was read in (`UTC`, `+01:00`, `America/Los_Angeles`), if known. */
  originalZone: string | null;
  text: string;
  kind: TimelineEventKind;
  /** Who the source says acted, as the source named them. */
  actor: string | null;
  /** File, channel, alert or delivery the event came from. */
  sourceRef: string;
  /** Where in the raw input: `file:line`, a JSON pointer, … */
  rawRef: string | null;
  details: Record<string, unknown>;
  ambiguities: Array<{ code: string; message: string }>;
}

/** A key instant a source suggests (first alert = detected, …), with the event that says so. */
export interface KeyInstantProposal {
  name: KeyInstantName;
  at: Date;
  source: TimelineSource;
  /** The `externalId` of the event that is the evidence. */
  evidenceExternalId: string;
}

/** A problem in the input that did not stop the import (an unknown channel, a skipped line). */
export interface ImportWarning {
  code: string;
  message: string;
  /** File, line or field. */
  where?: string;
}

/** What a converter returns. */
export interface ImportResult {
  source: TimelineSource;
  events: ImportedEvent[];
  instants: KeyInstantProposal[];
  warnings: ImportWarning[];
  /** Lines folded into burst events (logs). */
  linesCollapsed?: number;
  /** Metric series kept for the report's charts. */
  series?: Array<{ name: string; labels: Record<string, string>; points: Array<[number, number]> }>;
}
