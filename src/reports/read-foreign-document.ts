import type { ParticipantRole } from '../domain/participant.ts';
import type { DocumentImport, UnplacedPart } from './document-import.ts';
import { readDocumentParts } from './document-parts.ts';
import { readDurationLine } from './document-statistics.ts';
import { clean, isEmptyItem } from './foreign-text.ts';
import { inferCategory } from './infer-from-text.ts';
import { readBlocks } from './markdown-blocks.ts';
import { readActionItems } from './read-foreign-action-items.ts';
import { splitFrontMatter } from './split-front-matter.ts';

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
  const { title, preamble, parts } = readDocumentParts(body, bodyLine);
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
  for (const part of parts) {
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
