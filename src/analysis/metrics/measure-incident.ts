import type { KeyInstant, KeyInstants } from '../../domain/incident.ts';
import {
  type IncidentMeasureName,
  incidentMeasureNames,
  incidentMeasures,
  type MeasureQuality,
  manualInstantSource,
} from '../../domain/incident-measures.ts';

/** One measured duration of one incident, and how far it can be trusted. */
export interface IncidentMeasure {
  seconds: number | null;
  quality: MeasureQuality;
}

function instantQuality(instant: KeyInstant): MeasureQuality {
  if (instant.precision === 'estimated') {
    return 'estimated';
  }
  return instant.source === manualInstantSource ? 'edited' : 'exact';
}

/** Worse of two qualities (the order of `measureQualities`, worst first). */
function worse(a: MeasureQuality, b: MeasureQuality): MeasureQuality {
  const rank: Record<MeasureQuality, number> = { missing: 0, estimated: 1, edited: 2, exact: 3 };
  return rank[a] <= rank[b] ? a : b;
}

/**
 * The duration between two key instants in whole seconds, with its data-quality flag: `missing`
 * when either instant is absent or the later one comes first.
 */
export function measureBetween(instants: KeyInstants, name: IncidentMeasureName): IncidentMeasure {
  const { from, to } = incidentMeasures[name];
  const start = instants[from];
  const end = instants[to];
  if (!start || !end) {
    return { seconds: null, quality: 'missing' };
  }
  const seconds = Math.floor((end.at.getTime() - start.at.getTime()) / 1000);
  if (seconds < 0) {
    return { seconds: null, quality: 'missing' };
  }
  return { seconds, quality: worse(instantQuality(start), instantQuality(end)) };
}

/** Every measure of one incident (whether it belongs to the measure's population or not). */
export function measureIncident(
  instants: KeyInstants,
): Record<IncidentMeasureName, IncidentMeasure> {
  return Object.fromEntries(
    incidentMeasureNames.map((name) => [name, measureBetween(instants, name)]),
  ) as Record<IncidentMeasureName, IncidentMeasure>;
}
