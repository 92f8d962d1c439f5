/** A table as CSV (RFC 4180): every cell quoted when it holds a comma, quote or line break. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly (string | number | null)[]>,
): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet: keep it text.
    const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}
