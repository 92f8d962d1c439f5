import type { ActionItemStatus } from '../domain/action-item.ts';
import type { DocumentImport, UnplacedPart } from './document-import.ts';
import type { Section } from './document-parts.ts';
import { clean, isEmptyItem } from './foreign-text.ts';
import { inferActionKind } from './infer-from-text.ts';
import { readBlocks } from './markdown-blocks.ts';

/** Longest action-item title; the rest of a long item is kept as its details. */
const titleMax = 200;

/** An action item's title: the bold lead (`**Do X**: because …`), else the text up to 200 characters. */
function splitTitle(text: string): { title: string; rest: string } {
  const lead = /^\*\*(.+?)\*\*\s*:?\s*(.*)$/.exec(text);
  if (lead?.[1] && lead[1].length <= titleMax) {
    return { title: lead[1].trim(), rest: (lead[2] ?? '').trim() };
  }
  if (text.length <= titleMax) {
    return { title: text, rest: '' };
  }
  const cut = text.lastIndexOf(' ', titleMax - 1);
  return { title: `${text.slice(0, cut > 80 ? cut : titleMax - 1)}…`, rest: text };
}

const columnIndex = (header: string[], pattern: RegExp) =>
  header.findIndex((cell) => pattern.test(cell.trim().toLowerCase()));

const statusFrom = (text: string): ActionItemStatus | null => {
  const t = text.trim().toLowerCase();
  if (/^(done|complete|completed|closed|fixed|resolved)$/.test(t)) {
    return 'done';
  }
  if (/^(in progress|in_progress|started|doing|wip)$/.test(t)) {
    return 'in_progress';
  }
  if (/^(open|todo|to do|new|not started|planned)$/.test(t)) {
    return 'open';
  }
  return null;
};

/**
 * Reads the action items of an action part: list items and checklists (checked is done), and
 * table rows with owner, due date, status and tracker link where the columns give them. What
 * is not an item goes to `unplaced`.
 */
export function readActionItems(
  part: Section,
  result: DocumentImport,
  unplaced: (part: UnplacedPart) => void,
): void {
  const blocks = readBlocks(part.lines, part.line + 1);
  const add = (
    text: string,
    details: string[],
    fields: {
      owner?: string | null;
      dueDate?: string | null;
      status?: ActionItemStatus | null;
      trackerUrl?: string | null;
    },
    line: number,
  ) => {
    const { title, rest } = splitTitle(clean(text));
    if (!title) {
      return;
    }
    const ref = `A${result.actionItems.length + 1}`;
    const owner = fields.owner ?? /\((?:owner:\s*)?@?([\w .-]+)\)\s*$/i.exec(title)?.[1] ?? null;
    result.actionItems.push({
      ref,
      title,
      kind: inferActionKind(`${title} ${rest}`),
      owner: owner ? clean(owner) : null,
      dueDate: fields.dueDate ?? null,
      status: fields.status ?? 'open',
      successCriterion: null,
      wontDoReason: null,
      trackerUrl: fields.trackerUrl ?? /https?:\/\/\S+?(?=[>)\s]|$)/.exec(text)?.[0] ?? null,
      verificationEvidence: null,
      verificationNote: null,
      priority: null,
      team: null,
      services: [],
      isIdea: false,
      addresses: [],
      reliesOnServices: [],
    });
    unplaced({
      heading: `${part.heading}: ${ref} details`,
      text: [rest, ...details].filter(Boolean).join('\n'),
      line,
    });
  };
  for (const item of blocks.items.filter((i) => !isEmptyItem(i))) {
    add(item.text, item.details, { status: item.checked === true ? 'done' : null }, item.line);
  }
  for (const table of blocks.tables) {
    const titleAt = Math.max(
      columnIndex(table.header, /^(action( item)?s?|item|task|description|what|title)/),
      0,
    );
    const ownerAt = columnIndex(table.header, /^(owner|who|assignee|responsible)/);
    const dueAt = columnIndex(table.header, /^(due|due date|deadline|when)/);
    const statusAt = columnIndex(table.header, /^status/);
    const linkAt = columnIndex(table.header, /^(bug|ticket|issue|link|tracker|jira)/);
    for (const row of table.rows) {
      const due = dueAt >= 0 ? /\d{4}-\d{2}-\d{2}/.exec(row[dueAt] ?? '')?.[0] : undefined;
      add(
        row[titleAt] ?? '',
        [],
        {
          owner: ownerAt >= 0 ? clean(row[ownerAt] ?? '') || null : null,
          dueDate: due ?? null,
          status: statusAt >= 0 ? statusFrom(row[statusAt] ?? '') : null,
          trackerUrl: linkAt >= 0 ? (/https?:\/\/\S+/.exec(row[linkAt] ?? '')?.[0] ?? null) : null,
        },
        table.line,
      );
    }
  }
  unplaced({
    heading: part.heading,
    text: blocks.prose.map((p) => p.text).join('\n'),
    line: part.line,
  });
}
