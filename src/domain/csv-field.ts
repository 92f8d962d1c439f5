/** A leading character that makes a spreadsheet read a cell as a formula ("-2+3+cmd|…" too). */
const formulaStart = /^[=+\-@\t\r]/;
/** What makes RFC 4180 quote a field. */
const needsQuotes = /[",\r\n]/;

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: text a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so
 * it stays text; then a field holding a comma, a quote or a line break is quoted, its quotes
 * doubled. Both CSV writers build their fields here: the action-item export (`reports`) and the
 * web's chart tables, which let a plain number keep its sign. It lives in `domain` because that
 * is the one layer both may import.
 */
export function csvField(text: string): string {
  const inert = formulaStart.test(text) ? `'${text}` : text;
  return needsQuotes.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}
