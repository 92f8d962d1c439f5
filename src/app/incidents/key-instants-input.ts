import type { InstantPrecision, KeyInstantName, KeyInstants } from '../../domain/incident.ts';

/** Key instants as a client sends them: ISO text, with `null` clearing one. */
export type KeyInstantsInput = Partial<
  Record<KeyInstantName, { at: string; source: string; precision: InstantPrecision } | null>
>;

/** Lays client-sent instants over the current ones: given ones replace, `null` clears. */
export function mergeKeyInstants(current: KeyInstants, input: KeyInstantsInput): KeyInstants {
  const merged: KeyInstants = { ...current };
  for (const [name, value] of Object.entries(input) as Array<
    [KeyInstantName, KeyInstantsInput[KeyInstantName]]
  >) {
    if (value === null) {
      delete merged[name];
    } else if (value !== undefined) {
      merged[name] = { at: new Date(value.at), source: value.source, precision: value.precision };
    }
  }
  return merged;
}
