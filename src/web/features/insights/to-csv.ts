/** A table as CSV (RFC 4180): every cell quoted when it holds a comma, quote or line break. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly (string | number | null)[]>,
): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    // A leading = + - @, tab or carriage return makes a spreadsheet read the cell as a formula
    // ("-2+3+cmd|…" too): keep it text. Only a plain number may keep its sign.
    const plainNumber = /^-?\d+(\.\d+)?$/.test(text);
    const safe = /^[=+\-@\t\r]/.test(text) && !plainNumber ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}
