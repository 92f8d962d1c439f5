import { DomainError } from '../../domain/errors.ts';
import {
  availableTemplates,
  chooseTemplate,
  type ReportTemplate,
} from '../../domain/report-template.ts';
import type { Actor } from '../../domain/user.ts';
import type { ReportData } from '../../reports/report-data.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import {
  actionItemsRepository,
  factorsRepository,
  participantsRepository,
  timelineRepository,
} from '../../storage/repositories/parts-repositories.ts';
import { whyNodesRepository } from '../../storage/repositories/why-nodes-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { sectionsReadableBy } from '../restricted-sections/list-restricted-sections.ts';

/** The template named `key` among those the policy offers; VALIDATION_FAILED if none. */
export function findTemplate(deps: AppDeps, key: string): ReportTemplate {
  const templates = availableTemplates(deps.policy.reportSections, deps.policy.reportTemplates);
  const template = templates.find((t) => t.key === key);
  if (!template) {
    throw new DomainError('VALIDATION_FAILED', `No report template "${key}".`, {
      details: {
        errors: [
          {
            path: 'template',
            code: 'unknown_template',
            message: `known templates: ${templates.map((t) => t.key).join(', ')}`,
          },
        ],
      },
    });
  }
  return template;
}

/**
 * Loads what a report of the postmortem is rendered from, in the caller's transaction, for an
 * actor who may read it (NOT_FOUND otherwise: a restricted review does not exist for others).
 * Rejected timeline events are left out; ties in time are ordered by content so that a copy of
 * the review renders in the same order.
 */
export async function loadReportData(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  options: { templateKey?: string } = {},
): Promise<ReportData> {
  const postmortem = await loadPostmortemFor(deps, actor, postmortemId, 'postmortem.read');
  const incidents = await incidentsRepository.findIncidentsByIds(deps.db, postmortem.incidentIds);
  const order = new Map(postmortem.incidentIds.map((id, index) => [id, index]));
  incidents.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const timeline = (await timelineRepository.listForPostmortem(deps.db, postmortem.id))
    .filter((event) => event.status !== 'rejected')
    .sort(
      (a, b) =>
        a.occurredAt.getTime() - b.occurredAt.getTime() ||
        compareText(a.text, b.text) ||
        compareText(a.kind, b.kind) ||
        compareText(a.actor ?? '', b.actor ?? ''),
    );
  return {
    // Restricted sections the actor may not read are left out of every export.
    postmortem: { ...postmortem, sections: await sectionsReadableBy(deps, actor, postmortem) },
    incidents,
    timeline,
    factors: await factorsRepository.listForPostmortem(deps.db, postmortem.id),
    whyNodes: await whyNodesRepository.listForPostmortem(deps.db, postmortem.id),
    actionItems: await actionItemsRepository.listForPostmortem(deps.db, postmortem.id),
    participants: await participantsRepository.listForPostmortem(deps.db, postmortem.id),
    template: options.templateKey
      ? findTemplate(deps, options.templateKey)
      : chooseTemplate(deps.policy, incidents),
    categoryLabels: Object.fromEntries(deps.policy.factorTaxonomy.map((c) => [c.key, c.label])),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
