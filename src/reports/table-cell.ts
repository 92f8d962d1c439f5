const needsEscape = /[&<>|\r\t\n]|^\s|\s$/;

/**
 * Writes text into one Markdown table cell so that it can be read back exactly: pipes, angle
 * brackets, ampersands, line breaks and edge whitespace of any kind (readers trim cells) become
 * character references, which a Markdown viewer shows as the original characters.
 */
export function toTableCell(text: string): string {
  if (!needsEscape.test(text)) {
    return text;
  }
  const escaped = text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('|', '&#124;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '<br>');
  return escaped.replace(/^\s+|\s+$/g, (spaces) =>
    Array.from(spaces, (space) => `&#${space.codePointAt(0)};`).join(''),
  );
}

/** Reads a cell written by `toTableCell` (or by hand) back into its text. */
export function fromTableCell(cell: string): string {
  return cell
    .trim()
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Splits a Markdown table row into its cells (outer pipes optional, `\|` kept in the cell). */
export function splitTableRow(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i];
    if (char === '\\' && inner[i + 1] === '|') {
      current += '|';
      i += 1;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  return cells.map((cell) => cell.trim());
}

/** A display-only cell: one line, pipes escaped (for tables nobody reads back). */
export function displayCell(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
}
