import { csvField } from '../../../domain/csv-field.ts';

/** A number as a chart's table holds it: its sign cannot start a formula. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * A chart's table as CSV (RFC 4180), CRLF between lines and none after the last. Every cell is
 * a `csvField` (quoted when needed, never a formula), except a plain number such as `-5`, which
 * keeps its sign so that a spreadsheet reads it as a number: nothing can follow the sign.
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly (string | number | null)[]>,
): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return plainNumber.test(text) ? text : csvField(text);
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}
