import { actionItemColumns } from './action-item-columns.ts';
import type { Report, ReportPart } from './build-report.ts';
import { formatMinutes } from './durations.ts';
import { renderFrontMatter } from './front-matter.ts';
import { factorGroups, incidentFacts as factsOf, whyMark } from './report-wording.ts';
import { displayCell, toTableCell } from './table-cell.ts';
import { whyTreeMermaid } from './why-tree-mermaid.ts';

/** The header of the timeline table; the document reader looks for exactly this line. */
export const timelineTableHeader = '| Time (UTC) | Kind | Who | Event |';
/** Marks a pinned moment in the time cell of the timeline table. */
export const pinMark = '📌';

const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

// Display-only lines: one line, and no raw tags for a Markdown viewer to interpret.
const oneLine = (text: string) =>
  text.replace(/\s+/g, ' ').trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;');

function incidentFacts(report: Report): string {
  return report.incidents
    .map((incident) => {
      const facts = factsOf(incident);
      const services = incident.services.length
        ? ` Services: ${incident.services.join(', ')}.`
        : '';
      const summary = incident.summary.trim() ? `\n\n${incident.summary.trim()}` : '';
      return `**${oneLine(incident.title)}** (${facts}).${services}${summary}`;
    })
    .join('\n\n');
}

function keyInstants(report: Report): string {
  const blocks = report.incidents.map((incident) => {
    const heading = report.incidents.length > 1 ? `**${oneLine(incident.title)}**\n\n` : '';
    if (incident.instants.length === 0) {
      return `${heading}No key instants recorded.`;
    }
    const instants = table(
      ['Instant', 'Time (UTC)', 'Source', 'Precision'],
      incident.instants.map((i) => [i.name, i.at, displayCell(i.source), i.precision]),
    );
    const durations = incident.durations.map(
      (d) =>
        `- ${d.label}: ${formatMinutes(d.minutes)}${d.estimated ? ' (estimated)' : ''} — ${d.provenance}`,
    );
    return [heading + instants, ...(durations.length ? [durations.join('\n')] : [])].join('\n\n');
  });
  const figures = report.impactFigures.map((f) => `- ${f.label}: ${oneLine(f.value)}`);
  return [...blocks, ...(figures.length ? [figures.join('\n')] : [])].join('\n\n');
}

function timeline(report: Report): string {
  if (report.timeline.length === 0) {
    return 'No timeline events.';
  }
  const lines = [timelineTableHeader, '|---|---|---|---|'];
  for (const event of report.timeline) {
    lines.push(
      `| ${event.pinned ? `${event.at} ${pinMark}` : event.at} | ${event.kind} | ${toTableCell(event.actor ?? '')} | ${toTableCell(event.text)} |`,
    );
  }
  return lines.join('\n');
}

function whyTree(report: Report): string {
  if (report.whyTree.length === 0) {
    return 'No why-tree yet.';
  }
  const diagram = whyTreeMermaid(
    report.whyTree.map((node, position) => ({
      id: node.ref,
      parentId: node.parentRef,
      position,
      question: node.question,
      answer: node.answer,
      mark: node.mark as 'root_cause' | 'contributing_factor' | 'none',
    })),
  );
  const outline = report.whyTree.map((node) => {
    const mark = node.mark === 'none' ? '' : ` _(${whyMark(node)})_`;
    const answer = node.answer.trim() ? ` ${oneLine(node.answer)}` : '';
    return `${'  '.repeat(node.depth - 1)}- **${oneLine(node.question)}**${answer}${mark}`;
  });
  return `\`\`\`mermaid\n${diagram}\`\`\`\n\n${outline.join('\n')}`;
}

function factors(report: Report): string {
  const groups = factorGroups(report).map(
    (group) =>
      `**${group.label}**\n\n${group.factors
        .map(
          (f) =>
            `- ${oneLine(f.description)} — _${f.categoryLabel}_ (${f.ref})${f.acceptedRiskReason ? `. Accepted risk: ${oneLine(f.acceptedRiskReason)}` : ''}`,
        )
        .join('\n')}`,
  );
  return groups.length ? groups.join('\n\n') : 'None named yet.';
}

/** The action-item table; its columns come from `actionItemColumns`. */
export function actionItemsMarkdown(report: Report): string {
  if (report.actionItems.length === 0) {
    return 'No action items.';
  }
  return table(
    actionItemColumns.map((c) => c.label),
    report.actionItems.map((item) => actionItemColumns.map((c) => displayCell(c.value(item)))),
  );
}

function partBody(report: Report, part: ReportPart): string {
  switch (part.block) {
    case 'heading':
      return '';
    case 'text':
      return part.markdown;
    case 'incident_facts':
      return incidentFacts(report);
    case 'key_instants':
      return keyInstants(report);
    case 'timeline':
      return timeline(report);
    case 'why_tree':
      return whyTree(report);
    case 'contributing_factors':
      return factors(report);
    case 'action_items':
      return actionItemsMarkdown(report);
    case 'participants':
      return report.participants.length
        ? report.participants.map((p) => `- ${oneLine(p.name)} (${p.role})`).join('\n')
        : 'No participants listed.';
    default: {
      const never: never = part;
      return never;
    }
  }
}

/** The heading line of a part, as the document reader expects it. */
export const partHeading = (part: Pick<ReportPart, 'level' | 'label'>) =>
  `${'#'.repeat(part.level)} ${part.label}`;

/**
 * The report as a postmortems-as-code document: YAML front matter, the title, then every
 * part of the template as a heading and its content. Reading it back and rendering again
 * gives the same bytes.
 */
export function renderMarkdown(report: Report): string {
  const out = [renderFrontMatter(report), `# ${oneLine(report.title)}\n`];
  for (const part of report.parts) {
    const body = partBody(report, part);
    out.push(body ? `${partHeading(part)}\n\n${body}\n` : `${partHeading(part)}\n`);
  }
  return out.join('\n');
}
