import type { IncidentKind, Severity } from './incident.ts';
import type { SensitiveProcess } from './publishing-policy.ts';

/** One report section; required ones must be filled before follow-up. */
export interface ReportSection {
  key: string;
  label: string;
  required: boolean;
}

/**
 * What a template section holds: free text written by people (`text`), a heading that only
 * groups the sections under it (`heading`), or a block rendered from the review's data.
 */
export const templateBlocks = [
  'text',
  'heading',
  'incident_facts',
  'key_instants',
  'timeline',
  'why_tree',
  'contributing_factors',
  'action_items',
  'participants',
] as const;
export type TemplateBlock = (typeof templateBlocks)[number];

/** One section of a report template, in document order. */
export interface TemplateSection {
  /** The key of `postmortem.sections` for text; the block's name for data blocks. */
  key: string;
  label: string;
  /** Heading level in the document, 2 to 4. */
  level: number;
  block: TemplateBlock;
  /** Guidance shown to the writer of an empty section. */
  help?: string;
  /** Required text sections must be filled before follow-up. */
  required: boolean;
}

/** The shape of a report; the policy may choose one per incident kind and severity. */
export interface ReportTemplate {
  key: string;
  label: string;
  /** Incident kinds it applies to; empty: every kind. */
  kinds: IncidentKind[];
  /** Severities it applies to; empty: every severity. */
  severities: Severity[];
  sections: TemplateSection[];
}

const data = (key: TemplateBlock, label: string, level = 3): TemplateSection => ({
  key,
  label,
  level,
  block: key,
  required: false,
});
const heading = (key: string, label: string): TemplateSection => ({
  key,
  label,
  level: 2,
  block: 'heading',
  required: false,
});
const text = (key: string, label: string, level: number, required: boolean, help: string) => ({
  key,
  label,
  level,
  block: 'text' as const,
  required,
  help,
});

/** Where each of the policy's sections goes in the What / How / Why / What's Next shape. */
const defaultPlacement: Record<string, 'what' | 'how' | 'why' | 'next'> = {
  summary: 'what',
  impact: 'what',
  detection: 'how',
  response: 'how',
  what_went_well: 'how',
  what_went_wrong: 'how',
  where_we_got_lucky: 'how',
  trigger: 'why',
  root_causes: 'why',
  lessons_learned: 'next',
};

/**
 * The default template: What happened, How it unfolded, Why it happened, What's next, with
 * the policy's report sections placed in the part they belong to (unknown ones under What's
 * next), so that the required sections are exactly the policy's.
 */
export function defaultTemplate(sections: readonly ReportSection[]): ReportTemplate {
  const part = (name: 'what' | 'how' | 'why' | 'next') =>
    sections
      .filter((s) => (defaultPlacement[s.key] ?? 'next') === name)
      .map((s) => text(s.key, s.label, 3, s.required, helpFor(s.key)));
  return {
    key: 'default',
    label: "What / How / Why / What's next",
    kinds: [],
    severities: [],
    sections: [
      heading('what', 'What happened'),
      data('incident_facts', 'Incident'),
      ...part('what'),
      data('key_instants', 'Key instants and durations'),
      heading('how', 'How it unfolded'),
      data('timeline', 'Timeline'),
      ...part('how'),
      heading('why', 'Why it happened'),
      data('why_tree', 'Why-tree'),
      data('contributing_factors', 'Root causes and contributing factors'),
      ...part('why'),
      heading('next', "What's next"),
      data('action_items', 'Action items'),
      ...part('next'),
      data('participants', 'Participants'),
    ],
  };
}

function helpFor(key: string): string {
  switch (key) {
    case 'summary':
      return 'Two or three sentences: what happened, for how long, and how it ended.';
    case 'impact':
      return 'Who and what was affected, how much, for how long.';
    case 'lessons_learned':
      return 'What the organisation now knows that it did not before.';
    default:
      return '';
  }
}

/** The postmortem shape of Google's SRE book (chapter 15's example). */
export const googleSreTemplate: ReportTemplate = {
  key: 'google_sre',
  label: 'Google SRE book',
  kinds: [],
  severities: [],
  sections: [
    data('incident_facts', 'Status'),
    text('summary', 'Summary', 3, true, 'What happened, in a few sentences.'),
    text('impact', 'Impact', 3, true, 'Who was affected and how much.'),
    data('contributing_factors', 'Root Causes'),
    text('trigger', 'Trigger', 3, false, 'What set the latent causes off.'),
    text('resolution', 'Resolution', 3, false, 'How service was restored.'),
    text('detection', 'Detection', 3, false, 'How the team learned of the problem.'),
    data('action_items', 'Action Items', 2),
    heading('lessons', 'Lessons Learned'),
    text('what_went_well', 'What went well', 3, false, ''),
    text('what_went_wrong', 'What went wrong', 3, false, ''),
    text('where_we_got_lucky', 'Where we got lucky', 3, false, ''),
    text('lessons_learned', 'Lessons learned', 3, true, ''),
    data('timeline', 'Timeline', 2),
    data('key_instants', 'Key instants', 3),
    data('why_tree', 'Why-tree', 3),
    text('supporting_information', 'Supporting information', 2, false, ''),
  ],
};

/**
 * The template of the modified process for security incidents: a learning summary written to be
 * shared with everyone, and the security details kept for the people who handle them (the
 * process restricts that section from the start).
 */
export const securityIncidentTemplate: ReportTemplate = {
  key: 'security',
  label: 'Security incident',
  kinds: ['security'],
  severities: [],
  sections: [
    data('incident_facts', 'Incident'),
    text(
      'learning_summary',
      'Learning summary',
      2,
      true,
      'What the organisation learns, written to be shared with everyone: no attack details, no names, no systems that could be targeted.',
    ),
    text('impact', 'Impact', 2, true, 'Who and what was affected, as far as may be said.'),
    text(
      'security_details',
      'Security details',
      2,
      false,
      'Attack vector, indicators of compromise, data involved. Restricted to its members.',
    ),
    data('key_instants', 'Key instants and durations', 2),
    data('timeline', 'Timeline', 2),
    data('why_tree', 'Why-tree', 2),
    data('contributing_factors', 'Root causes and contributing factors', 2),
    data('action_items', 'Action items', 2),
    data('participants', 'Participants', 2),
  ],
};

/** Every template a postmortem may use: the policy's own first, then the built-in ones. */
export function availableTemplates(
  reportSections: readonly ReportSection[],
  custom: readonly ReportTemplate[] = [],
): ReportTemplate[] {
  return [...custom, defaultTemplate(reportSections), googleSreTemplate];
}

/**
 * The template for a review of these incidents: the first of the policy's templates whose
 * kinds and severities both match every incident, else the default.
 */
export function chooseTemplate(
  policy: {
    reportSections: readonly ReportSection[];
    reportTemplates?: ReportTemplate[];
    sensitiveProcesses?: readonly SensitiveProcess[];
  },
  incidents: ReadonlyArray<{ kind: IncidentKind; severity: Severity }>,
): ReportTemplate {
  const fits = (t: ReportTemplate) =>
    incidents.length > 0 &&
    incidents.every(
      (i) =>
        (t.kinds.length === 0 || t.kinds.includes(i.kind)) &&
        (t.severities.length === 0 || t.severities.includes(i.severity)),
    );
  return (
    policy.reportTemplates?.find(fits) ??
    processTemplate(policy, incidents) ??
    defaultTemplate(policy.reportSections)
  );
}

/** The template a modified process names for these incidents (policy templates, then built-in). */
function processTemplate(
  policy: { reportTemplates?: ReportTemplate[]; sensitiveProcesses?: readonly SensitiveProcess[] },
  incidents: ReadonlyArray<{ kind: IncidentKind }>,
): ReportTemplate | undefined {
  const key = policy.sensitiveProcesses?.find((p) =>
    incidents.some((i) => p.kinds.includes(i.kind)),
  )?.template;
  if (!key || incidents.length === 0) {
    return undefined;
  }
  return (
    policy.reportTemplates?.find((t) => t.key === key) ??
    (key === securityIncidentTemplate.key ? securityIncidentTemplate : undefined)
  );
}

/** The template's text sections as the lifecycle guard reads them (required or not). */
export function templateReportSections(template: ReportTemplate): ReportSection[] {
  return template.sections
    .filter((s) => s.block === 'text')
    .map((s) => ({ key: s.key, label: s.label, required: s.required }));
}

/**
 * The report sections the lifecycle guard checks for a review of these incidents: the chosen
 * policy template's text sections, or the policy's `reportSections` when none matches.
 */
export function reportSectionsFor(
  policy: { reportSections: ReportSection[]; reportTemplates?: ReportTemplate[] },
  incidents: ReadonlyArray<{ kind: IncidentKind; severity: Severity }>,
): ReportSection[] {
  const template = chooseTemplate(policy, incidents);
  return template.key === 'default' && !policy.reportTemplates?.includes(template)
    ? policy.reportSections
    : templateReportSections(template);
}
