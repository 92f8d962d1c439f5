import { parse } from 'yaml';
import type { ZodError } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { KeyInstantName } from '../domain/incident.ts';
import type { ReportTemplate, TemplateSection } from '../domain/report-template.ts';
import type { TimelineEventKind } from '../domain/timeline-event.ts';
import { timelineEventKinds } from '../domain/timeline-event.ts';
import type { DocumentImport } from './document-import.ts';
import { frontMatterSchema } from './front-matter-schema.ts';
import { pinMark, timelineTableHeader } from './render-markdown.ts';
import { impactFigureKeys } from './report-data.ts';
import { splitFrontMatter } from './split-front-matter.ts';
import { fromTableCell, splitTableRow } from './table-cell.ts';

const invalid = (
  fileName: string,
  errors: Array<{ path: string; code: string; message: string }>,
) =>
  new DomainError('VALIDATION_FAILED', `${fileName}: not a valid Debrief document`, {
    details: { errors },
  });

const issuesOf = (fileName: string, error: ZodError) =>
  error.issues.map((issue) => ({
    path: `${fileName}:${['front_matter', ...issue.path.map(String)].join('.')}`,
    code: issue.code,
    message: issue.message,
  }));

/** True when the document opens with front matter that names the Debrief format. */
export function isDebriefDocument(text: string): boolean {
  const { frontMatter } = splitFrontMatter(text);
  return frontMatter !== null && /^debrief:\s*\d+\s*$/m.test(frontMatter);
}

/** Timeline rows of the body's timeline table, exactly as `renderMarkdown` wrote them. */
function readTimeline(lines: string[], fileName: string, firstLine: number) {
  const rows: DocumentImport['timeline'] = [];
  const start = lines.findIndex((line) => line.trim() === timelineTableHeader);
  if (start < 0) {
    return rows;
  }
  for (let i = start + 2; i < lines.length && lines[i]?.trim().startsWith('|'); i += 1) {
    const [time = '', kind = '', who = '', text = ''] = splitTableRow(lines[i] ?? '');
    const pinned = time.endsWith(pinMark);
    const at = new Date(time.replace(pinMark, '').trim());
    if (Number.isNaN(at.getTime()) || !(timelineEventKinds as readonly string[]).includes(kind)) {
      throw invalid(fileName, [
        {
          path: `${fileName}:${firstLine + i}`,
          code: 'timeline_row',
          message: 'a timeline row needs an ISO time and a known kind',
        },
      ]);
    }
    const actor = fromTableCell(who);
    rows.push({
      at,
      kind: kind as TimelineEventKind,
      actor: actor === '' ? null : actor,
      text: fromTableCell(text),
      pinned,
    });
  }
  return rows;
}

/**
 * Reads a postmortems-as-code document (see docs/reports.md): the front matter carries the
 * structured review, the body the prose sections and the timeline. The body's headings are
 * those of the template the front matter names, so a section's text runs exactly from its
 * heading to the next expected one. VALIDATION_FAILED lists every problem of the front matter.
 */
export function readDebriefDocument(
  text: string,
  fileName: string,
  templates: readonly ReportTemplate[],
): DocumentImport {
  const { frontMatter, body, bodyLine } = splitFrontMatter(text);
  let raw: unknown;
  try {
    raw = parse(frontMatter ?? '');
  } catch (error) {
    throw invalid(fileName, [
      { path: `${fileName}:front_matter`, code: 'yaml', message: (error as Error).message },
    ]);
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalid(fileName, issuesOf(fileName, parsed.error));
  }
  const front = parsed.data;
  const template = templates.find((t) => t.key === front.template);
  if (!template) {
    throw invalid(fileName, [
      {
        path: `${fileName}:front_matter.template`,
        code: 'unknown_template',
        message: `no report template "${front.template}" here (${templates.map((t) => t.key).join(', ')})`,
      },
    ]);
  }
  const expected: Array<Pick<TemplateSection, 'key' | 'label' | 'level' | 'block'>> = [
    ...template.sections,
    ...front.extra_sections.map((key) => ({ key, label: key, level: 2, block: 'text' as const })),
  ];
  const lines = body.split('\n');
  const bodies = new Map<number, string[]>();
  let current = -1;
  let next = 0;
  lines.forEach((line, index) => {
    for (let j = next; j < expected.length; j += 1) {
      const part = expected[j];
      if (part && line === `${'#'.repeat(part.level)} ${part.label}`) {
        current = j;
        next = j + 1;
        bodies.set(j, []);
        return;
      }
    }
    if (current >= 0) {
      bodies.get(current)?.push(line);
    } else if (index > 0 && line.trim() && !line.startsWith('# ')) {
      // Only the title may stand before the first section.
      bodies.set(-1, [...(bodies.get(-1) ?? []), line]);
    }
  });
  const sections: Record<string, string> = { ...front.impact };
  let timeline: DocumentImport['timeline'] = [];
  expected.forEach((part, j) => {
    const content = bodies.get(j) ?? [];
    if (part.block === 'text') {
      const value = content.join('\n').trim();
      if (value) {
        sections[part.key] = value;
      }
    } else if (part.block === 'timeline') {
      timeline = readTimeline(content, fileName, bodyLine);
    }
  });
  for (const key of Object.keys(sections)) {
    if ((impactFigureKeys as readonly string[]).includes(key) && !sections[key]?.trim()) {
      delete sections[key];
    }
  }
  return {
    format: 'debrief',
    title: front.title,
    scope: front.scope,
    restricted: front.restricted,
    incidents: front.incidents.map((incident) => ({
      title: incident.title,
      summary: incident.summary,
      kind: incident.kind,
      severity: incident.severity,
      potentialSeverity: incident.potential_severity,
      isDrill: incident.drill,
      services: incident.services,
      instants: Object.fromEntries(
        Object.entries(incident.instants).map(([name, instant]) => [
          name,
          { at: new Date(instant.at), source: instant.source, precision: instant.precision },
        ]),
      ) as DocumentImport['incidents'][number]['instants'] &
        Partial<Record<KeyInstantName, unknown>>,
    })),
    durations: [],
    participants: front.participants,
    factors: front.factors.map((f) => ({
      ref: f.id,
      description: f.description,
      category: f.category,
      isRootCause: f.root_cause,
      acceptedRiskReason: f.accepted_risk,
    })),
    whyTree: front.why_tree.map((node) => ({
      ref: node.id,
      parentRef: node.parent,
      question: node.question,
      answer: node.answer,
      mark: node.mark,
      category: node.category,
      noEvidenceReason: node.no_evidence_reason,
      acceptedRiskReason: node.accepted_risk,
    })),
    actionItems: front.action_items.map((item) => ({
      ref: item.id,
      title: item.title,
      kind: item.kind,
      owner: item.owner,
      dueDate: item.due,
      status: item.status,
      successCriterion: item.success_criterion,
      wontDoReason: item.wont_do_reason,
      trackerUrl: item.tracker,
      verificationEvidence: item.verification,
      verificationNote: item.verification_note,
      priority: item.priority,
      team: item.team,
      services: item.services,
      isIdea: item.idea,
      addresses: item.addresses,
      reliesOnServices: item.relies_on,
    })),
    sections,
    timeline,
    timelineText: null,
    unplaced: (bodies.get(-1) ?? []).length
      ? [
          {
            heading: 'before the first section',
            text: (bodies.get(-1) ?? []).join('\n'),
            line: bodyLine,
          },
        ]
      : [],
    assumed: [],
  };
}
