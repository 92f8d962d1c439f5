import type { ActionItemStatus } from '../domain/action-item.ts';
import type { ParticipantRole } from '../domain/participant.ts';
import { classifyHeading, type HeadingRole, isDateOrTimeHeading } from './classify-heading.ts';
import type { DocumentImport, UnplacedPart } from './document-import.ts';
import { readDurationLine } from './document-statistics.ts';
import { inferActionKind, inferCategory } from './infer-from-text.ts';
import { type ListItem, readBlocks } from './markdown-blocks.ts';
import { splitFrontMatter } from './split-front-matter.ts';

/** Longest action-item title; the rest of a long item is kept as its details. */
const titleMax = 200;

interface Section {
  heading: string;
  level: number;
  role: HeadingRole | null;
  lines: string[];
  line: number;
}

/** Splits the body at headings (outside code fences) into the title and sections. */
function splitSections(body: string, firstLine: number) {
  const lines = body.split('\n');
  let title: string | null = null;
  const preamble: Section = {
    heading: 'preamble',
    level: 0,
    role: null,
    lines: [],
    line: firstLine,
  };
  const sections: Section[] = [];
  let current = preamble;
  let fenced = false;
  lines.forEach((line, index) => {
    if (line.trim().startsWith('```')) {
      fenced = !fenced;
    }
    const heading = fenced ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const text = heading[2] ?? '';
      if (level === 1 && title === null && sections.length === 0) {
        title = text;
        return;
      }
      current = {
        heading: text,
        level,
        role: classifyHeading(text),
        lines: [],
        line: firstLine + index,
      };
      sections.push(current);
      return;
    }
    current.lines.push(line);
  });
  return { title: title as string | null, preamble, sections };
}

/**
 * Groups sections: a recognised heading starts a part; an unrecognised heading deeper than
 * the open part stays inside it (a timeline also keeps the date and time headings that
 * follow it at any level); any other unrecognised heading starts an unplaced part.
 */
function groupSections(sections: Section[]): Section[] {
  const parts: Section[] = [];
  let open: Section | null = null;
  for (const section of sections) {
    const continues =
      open !== null &&
      section.role === null &&
      (section.level > open.level ||
        (open.role?.kind === 'timeline' && isDateOrTimeHeading(section.heading)));
    if (open && continues) {
      open.lines.push(`${'#'.repeat(section.level)} ${section.heading}`, ...section.lines);
      continue;
    }
    open = { ...section, lines: [...section.lines] };
    parts.push(open);
  }
  return parts;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const isEmptyItem = (item: ListItem) => !item.text.replace(/[-–—.\s]/g, '');

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

/**
 * Reads a postmortem written elsewhere (no front matter): recognised sections become report
 * sections; lists under cause headings become contributing factors (root causes under "Root
 * cause"); lists, checklists and tables under action headings become action items, with owner,
 * due date and status where a table gives them; attendees become participants; statistics
 * lines become durations. The timeline part is handed back as text for the Markdown timeline
 * reader. Everything else lands in `unplaced`, so nothing is dropped without a word.
 */
export function readForeignDocument(
  text: string,
  fileName: string,
  options: { categories: readonly string[] },
): DocumentImport {
  const { body, bodyLine } = splitFrontMatter(text);
  const { title, preamble, sections } = splitSections(body, bodyLine);
  const result: DocumentImport = {
    format: 'document',
    title: clean(title ?? fileName.replace(/^.*\//, '').replace(/\.(md|markdown)$/i, '')),
    scope: 'single',
    restricted: false,
    incidents: [],
    durations: [],
    participants: [],
    factors: [],
    whyTree: [],
    actionItems: [],
    sections: {},
    timeline: [],
    timelineText: null,
    unplaced: [],
    assumed: [],
  };
  const unplaced = (part: UnplacedPart) => {
    if (part.text.trim()) {
      result.unplaced.push({ ...part, text: part.text.trim() });
    }
  };
  const addSection = (key: string, value: string) => {
    const trimmed = value.trim();
    // A template's placeholder bullet ("-") is no content.
    if (/[\p{L}\p{N}]/u.test(trimmed)) {
      result.sections[key] = result.sections[key]
        ? `${result.sections[key]}\n\n${trimmed}`
        : trimmed;
    }
  };
  unplaced({
    heading: 'before the first section',
    text: preamble.lines.join('\n'),
    line: preamble.line,
  });
  const timelineParts: string[] = [];
  for (const part of groupSections(sections)) {
    const content = part.lines.join('\n');
    const role = part.role;
    if (!role) {
      unplaced({ heading: part.heading, text: content, line: part.line });
      continue;
    }
    switch (role.kind) {
      case 'section':
        addSection(role.key, content);
        break;
      case 'timeline':
        timelineParts.push(`${'#'.repeat(Math.max(part.level, 2))} ${part.heading}\n${content}`);
        break;
      case 'factors': {
        const blocks = readBlocks(part.lines, part.line + 1);
        for (const item of blocks.items.filter((i) => !isEmptyItem(i))) {
          const description = [
            clean(item.text),
            ...item.details.map((d) => clean(d.replace(/^[-*+]\s+/, ''))),
          ].join('; ');
          result.factors.push({
            ref: `F${result.factors.length + 1}`,
            description,
            category: inferCategory(description, options.categories),
            isRootCause: role.rootCause,
            acceptedRiskReason: null,
          });
        }
        const prose = blocks.prose.map((p) => p.text).join('\n');
        if (role.rootCause) {
          addSection(role.sectionKey, prose);
        } else {
          unplaced({ heading: part.heading, text: prose, line: part.line });
        }
        for (const table of blocks.tables) {
          unplaced({
            heading: part.heading,
            text: [table.header, ...table.rows].map((r) => `| ${r.join(' | ')} |`).join('\n'),
            line: table.line,
          });
        }
        break;
      }
      case 'action_items':
        readActionItems(part, result, unplaced);
        break;
      case 'participants': {
        const blocks = readBlocks(part.lines, part.line + 1);
        const names = [
          ...blocks.items.flatMap((item) => item.text.split(',')),
          ...blocks.tables.flatMap((t) => t.rows.map((r) => r[0] ?? '')),
        ]
          .map(clean)
          .filter((name) => name && name.length <= 120);
        for (const name of names) {
          if (!result.participants.some((p) => p.name === name)) {
            result.participants.push({ name, role: 'engineering' as ParticipantRole });
          }
        }
        unplaced({
          heading: part.heading,
          text: blocks.prose.map((p) => p.text).join('\n'),
          line: part.line,
        });
        break;
      }
      case 'statistics': {
        const rest: string[] = [];
        for (const line of part.lines) {
          const duration = readDurationLine(line);
          if (duration) {
            result.durations.push(duration);
          } else {
            rest.push(line);
          }
        }
        unplaced({ heading: part.heading, text: rest.join('\n'), line: part.line });
        break;
      }
      default: {
        const never: never = role;
        return never;
      }
    }
  }
  result.timelineText = timelineParts.length
    ? `# ${result.title}\n\n${timelineParts.join('\n\n')}\n`
    : null;
  const matchOwner = (owner: string | null) =>
    owner
      ? (result.participants.find((p) => p.name.toLowerCase() === owner.toLowerCase())?.name ??
        owner)
      : null;
  for (const item of result.actionItems) {
    item.owner = matchOwner(item.owner);
  }
  result.incidents.push({
    title: result.title,
    summary: '',
    kind: 'outage',
    severity: 'sev3',
    potentialSeverity: null,
    isDrill: false,
    services: [],
    instants: {},
  });
  result.assumed.push('incident kind outage and severity sev3 (the document states neither)');
  if (result.factors.length > 0) {
    result.assumed.push('factor categories from the words of each factor');
  }
  return result;
}

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

function readActionItems(
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
