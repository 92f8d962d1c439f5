import type { Report } from './build-report.ts';
import { emitYaml, type YamlValue } from './emit-yaml.ts';

/** Version of the postmortems-as-code format; a reader refuses versions it does not know. */
export const documentFormatVersion = 1;

/** Drops null, false and empty-list fields, so the front matter says only what is set. */
function compact<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) =>
        value !== null &&
        value !== undefined &&
        value !== false &&
        !(Array.isArray(value) && value.length === 0),
    ),
  ) as Partial<T>;
}

/**
 * The structured half of a postmortem document (YAML between `---` lines): everything a
 * reader needs to rebuild the review except the prose and the timeline, which live in the body.
 */
export function frontMatterOf(report: Report): Record<string, unknown> {
  const extraSections = report.parts
    .filter((part) => part.block === 'text' && part.extra)
    .map((part) => part.key);
  return compact({
    debrief: documentFormatVersion,
    template: report.templateKey,
    title: report.title,
    scope: report.scope === 'single' ? null : report.scope,
    restricted: report.restricted,
    incidents: report.incidents.map((incident) =>
      compact({
        title: incident.title,
        summary: incident.summary || null,
        kind: incident.kind,
        severity: incident.severity,
        potential_severity: incident.potentialSeverity,
        drill: incident.isDrill,
        services: incident.services,
        instants:
          incident.instants.length > 0
            ? Object.fromEntries(
                incident.instants.map((i) => [
                  i.name,
                  { at: i.at, source: i.source, precision: i.precision },
                ]),
              )
            : null,
      }),
    ),
    impact:
      report.impactFigures.length > 0
        ? Object.fromEntries(report.impactFigures.map((f) => [f.key, f.value]))
        : null,
    participants: report.participants.map((p) => ({ name: p.name, role: p.role })),
    factors: report.factors.map((f) =>
      compact({
        id: f.ref,
        description: f.description,
        category: f.category,
        root_cause: f.isRootCause,
        accepted_risk: f.acceptedRiskReason,
      }),
    ),
    why_tree: report.whyTree.map((node) =>
      compact({
        id: node.ref,
        parent: node.parentRef,
        question: node.question,
        answer: node.answer || null,
        mark: node.mark === 'none' ? null : node.mark,
        category: node.category,
        no_evidence_reason: node.noEvidenceReason,
        accepted_risk: node.acceptedRiskReason,
      }),
    ),
    action_items: report.actionItems.map((item) =>
      compact({
        id: item.ref,
        title: item.title,
        kind: item.kind,
        owner: item.owner,
        due: item.dueDate,
        status: item.status,
        priority: item.priority,
        team: item.team,
        services: item.services,
        idea: item.isIdea,
        success_criterion: item.successCriterion,
        wont_do_reason: item.wontDoReason,
        tracker: item.trackerUrl,
        verification: item.verificationEvidence,
        verification_note: item.verificationNote,
        addresses: item.addresses,
        relies_on: item.reliesOnServices,
      }),
    ),
    extra_sections: extraSections,
  });
}

/** The front matter as the text between the document's `---` fences. */
export function renderFrontMatter(report: Report): string {
  return `---\n${emitYaml(frontMatterOf(report) as YamlValue)}---\n`;
}
