import { splitTableRow } from './table-cell.ts';

/** One top-level list item with what is nested below it. */
export interface ListItem {
  text: string;
  /** Nested items and indented lines, in order. */
  details: string[];
  /** `true` for `- [x]`, `false` for `- [ ]`, `null` for a plain item. */
  checked: boolean | null;
  line: number;
}

/** What a section holds: its top-level list items, tables and the remaining prose lines. */
export interface SectionBlocks {
  items: ListItem[];
  tables: Array<{ header: string[]; rows: string[][]; line: number }>;
  prose: Array<{ text: string; line: number }>;
}

const bullet = /^(\s*)([-*+]|\d+[.)])(?:\s+(.*))?$/;
const separator = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Splits a section's lines into list items (top level, with nested lines as details and
 * checkboxes read), tables, and prose. Lines inside code fences are prose.
 */
export function readBlocks(lines: readonly string[], firstLine: number): SectionBlocks {
  const blocks: SectionBlocks = { items: [], tables: [], prose: [] };
  let baseIndent: number | null = null;
  let current: ListItem | null = null;
  let afterBlank = false;
  let fenced = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const lineNumber = firstLine + i;
    if (line.trim().startsWith('```')) {
      fenced = !fenced;
    }
    if (!fenced && line.trim().startsWith('|') && separator.test(lines[i + 1]?.trim() ?? '')) {
      const table = { header: splitTableRow(line), rows: [] as string[][], line: lineNumber };
      i += 2;
      while (i < lines.length && lines[i]?.trim().startsWith('|')) {
        table.rows.push(splitTableRow(lines[i] ?? ''));
        i += 1;
      }
      i -= 1;
      blocks.tables.push(table);
      current = null;
      continue;
    }
    const match = fenced ? null : bullet.exec(line);
    const indent = match?.[1]?.length ?? 0;
    if (match && (baseIndent === null || indent <= baseIndent + 1)) {
      baseIndent ??= indent;
      const raw = (match[3] ?? '').trim();
      const box = /^\[([ xX])\]\s*(.*)$/.exec(raw);
      current = {
        text: box ? (box[2] ?? '') : raw,
        details: [],
        checked: box ? box[1] !== ' ' : null,
        line: lineNumber,
      };
      blocks.items.push(current);
      afterBlank = false;
      continue;
    }
    if (!line.trim()) {
      afterBlank = true;
      continue;
    }
    if (current && (/^\s+/.test(line) || match)) {
      current.details.push(line.trim());
      afterBlank = false;
      continue;
    }
    if (current && !afterBlank) {
      current.text = `${current.text} ${line.trim()}`;
      continue;
    }
    current = null;
    blocks.prose.push({ text: line, line: lineNumber });
  }
  return blocks;
}
