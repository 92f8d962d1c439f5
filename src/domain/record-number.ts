/**
 * Incidents and postmortems are numbered in two series. Records visible to everyone take the
 * next public number (`12`); records hidden from someone when created take the next number of
 * the restricted series (`S-3`), stored negated. So the public series has no gap where a hidden
 * record is, and nobody counts what they may not see from it (see docs/api.md, "Numbers").
 */
export function formatRecordNumber(stored: number): string {
  return stored < 0 ? `S-${-stored}` : String(stored);
}

/** The stored number a person typed (`12`, `#12`, `S-3`, `PM-S-3`); undefined for anything else. */
export function parseRecordNumber(text: string): number | undefined {
  const match = /^(?:#|PM-)?(S-)?(\d{1,9})$/i.exec(text.trim());
  if (!match?.[2]) {
    return undefined;
  }
  const value = Number(match[2]);
  return match[1] ? -value : value;
}
