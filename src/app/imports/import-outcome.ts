import type { ImportWarning, KeyInstantProposal } from '../../importers/imported-event.ts';
import type { ImportChunk } from '../../importers/source-converter.ts';

const warningsKept = 200;
const seriesKept = 50;

/** What one converter's share of an import did. */
export interface PartOutcome {
  source: string;
  detection: 'given' | 'detected';
  confidence: number;
  /** How many files of the folder it read (0: the whole input). */
  files: number;
  /** The first of those files. */
  paths: string[];
  eventsProposed: number;
  duplicatesSkipped: number;
  outsideWindow: number;
}

/** What one import did (or, for a dry run, would do). */
export interface ImportOutcome {
  /** One entry per converter share (a mixed folder has several). */
  parts: PartOutcome[];
  /** Files of a folder no importer recognised, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  eventsProposed: number;
  duplicatesSkipped: number;
  linesCollapsed: number;
  outsideWindow: number;
  /** The window kept (`incident`: the incidents' key instants ± the policy's hours). */
  window: { since: string | null; until: string | null; basis: 'incident' | 'given' | 'none' };
  nearDuplicatesLinked: number;
  warnings: ImportWarning[];
  warningsTotal: number;
  instants: Array<Omit<KeyInstantProposal, 'at'> & { at: string }>;
  series: NonNullable<ImportChunk['series']>;
}

/** An empty outcome, for accumulating a converter's chunks. */
export function createOutcome(): ImportOutcome {
  return {
    parts: [],
    skipped: [],
    eventsProposed: 0,
    duplicatesSkipped: 0,
    linesCollapsed: 0,
    outsideWindow: 0,
    window: { since: null, until: null, basis: 'none' },
    nearDuplicatesLinked: 0,
    warnings: [],
    warningsTotal: 0,
    instants: [],
    series: [],
  };
}

/** Folds a chunk's side facts (not its events) into the outcome, keeping a bounded sample. */
export function noteChunk(outcome: ImportOutcome, chunk: ImportChunk): void {
  outcome.linesCollapsed += chunk.linesCollapsed ?? 0;
  for (const warning of chunk.warnings ?? []) {
    outcome.warningsTotal += 1;
    if (outcome.warnings.length < warningsKept) {
      outcome.warnings.push(warning);
    }
  }
  for (const instant of chunk.instants ?? []) {
    outcome.instants.push({ ...instant, at: instant.at.toISOString() });
  }
  for (const series of chunk.series ?? []) {
    if (outcome.series.length < seriesKept) {
      outcome.series.push(series);
    }
  }
}

/** A part's outcome before it has run. */
export function startPart(part: {
  converter: { source: string };
  detection: 'given' | 'detected';
  confidence: number;
  paths?: string[];
}): PartOutcome {
  return {
    source: part.converter.source,
    detection: part.detection,
    confidence: part.confidence,
    files: part.paths?.length ?? 0,
    paths: (part.paths ?? []).slice(0, 20),
    eventsProposed: 0,
    duplicatesSkipped: 0,
    outsideWindow: 0,
  };
}

/** The outcome as the job's summary keeps it. */
export function summaryOf(outcome: ImportOutcome): Record<string, unknown> {
  return {
    parts: outcome.parts,
    skipped: outcome.skipped.slice(0, warningsKept),
    outsideWindow: outcome.outsideWindow,
    window: outcome.window,
    nearDuplicatesLinked: outcome.nearDuplicatesLinked,
    warnings: outcome.warnings,
    warningsTotal: outcome.warningsTotal,
    keyInstants: outcome.instants,
    series: outcome.series,
  };
}
