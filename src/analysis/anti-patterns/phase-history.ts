import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';

/** One entry of a postmortem's phase history: the phase and when it was entered. */
export interface PhaseEntry {
  phase: PostmortemPhase;
  enteredAt: Date;
}

/** A phase with the interval it lasted; the current one lasts until `until`. */
export interface PhaseSpan {
  phase: PostmortemPhase;
  from: Date;
  to: Date;
}

/** Turns a history (any order) into consecutive spans ending at `until`. */
export function toPhaseSpans(history: readonly PhaseEntry[], until: Date): PhaseSpan[] {
  const ordered = [...history].sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
  return ordered.map((entry, index) => ({
    phase: entry.phase,
    from: entry.enteredAt,
    to: ordered[index + 1]?.enteredAt ?? until,
  }));
}

/** When the latest phase change happened, `null` for an empty history. */
export function latestPhaseChange(history: readonly PhaseEntry[]): Date | null {
  let latest: Date | null = null;
  for (const { enteredAt } of history) {
    if (latest === null || enteredAt > latest) {
      latest = enteredAt;
    }
  }
  return latest;
}
