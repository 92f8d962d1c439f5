/** One signal of an incident as the resolution rule reads it. */
export interface AlertSignal {
  /** The alert it belongs to (Alertmanager's fingerprint, PagerDuty's incident key, …). */
  alertKey: string;
  kind: string;
  occurredAt: Date;
  externalId: string;
}

/**
 * When an incident fed by several alerts is resolved: only once EVERY alert attached to it has
 * resolved, i.e. each alert's latest signal is a resolution (an alert that fired again after
 * resolving is open). Then the instant is the latest of those resolutions, with its signal as
 * evidence; `null` while any alert still fires.
 */
export function lastAlertResolution(
  signals: readonly AlertSignal[],
): { at: Date; externalId: string; alerts: number } | null {
  const latest = new Map<string, AlertSignal>();
  for (const signal of signals) {
    const held = latest.get(signal.alertKey);
    // Equal instants: a resolution after its firing in the same delivery wins.
    if (
      !held ||
      signal.occurredAt.getTime() > held.occurredAt.getTime() ||
      (signal.occurredAt.getTime() === held.occurredAt.getTime() && signal.kind === 'resolution')
    ) {
      latest.set(signal.alertKey, signal);
    }
  }
  if (latest.size === 0) {
    return null;
  }
  let last: AlertSignal | undefined;
  for (const signal of latest.values()) {
    if (signal.kind !== 'resolution') {
      return null;
    }
    if (!last || signal.occurredAt.getTime() > last.occurredAt.getTime()) {
      last = signal;
    }
  }
  return last ? { at: last.occurredAt, externalId: last.externalId, alerts: latest.size } : null;
}
