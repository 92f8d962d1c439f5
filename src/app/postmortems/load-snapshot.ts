import type { BlamelessOptions } from '../../analysis/blameless/find-blameless-findings.ts';
import type { ContributingFactor } from '../../domain/contributing-factor.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { PostmortemSnapshot } from '../../domain/postmortem-guards.ts';
import { reportSectionsFor } from '../../domain/report-template.ts';
import { isCountedEvent, type TimelineEvent } from '../../domain/timeline-event.ts';
import type { WhyNode } from '../../domain/why-node.ts';
import { whyNodeTexts } from '../../domain/why-tree.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { openQuestionsRepository } from '../../storage/repositories/open-questions-repository.ts';
import {
  actionItemsRepository,
  factorsRepository,
  participantsRepository,
  timelineRepository,
  waiversRepository,
} from '../../storage/repositories/parts-repositories.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import { whyNodesRepository } from '../../storage/repositories/why-nodes-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { lintTextsByContent, loadBlamelessLinter } from '../blameless/load-blameless-linter.ts';
import { loadReviewRequests } from '../reviews/load-review-requests.ts';

const optional = (field: string, text: string | null | undefined) =>
  text ? [{ field, text }] : [];

/**
 * Every text of a postmortem that people write about what happened, named by field: the
 * blameless check reads them all, and the blame game counts what is left standing in any of them.
 */
export function lintableTexts(
  postmortem: Pick<Postmortem, 'sections'>,
  parts: {
    timeline: Array<{ id: string; text: string }>;
    factors: Array<{ id: string; description: string; acceptedRiskReason: string | null }>;
    actionItems: Array<{
      id: string;
      title: string;
      successCriterion?: string | null;
      wontDoReason?: string | null;
    }>;
    whyNodes?: ReadonlyArray<Pick<WhyNode, 'id' | 'question' | 'answer'>>;
    openQuestions?: ReadonlyArray<{ id: string; text: string; resolution: string | null }>;
  },
) {
  return [
    ...Object.entries(postmortem.sections).map(([key, text]) => ({
      field: `sections.${key}`,
      text,
    })),
    ...parts.timeline.map((e) => ({ field: `timeline_events.${e.id}.text`, text: e.text })),
    ...parts.factors.flatMap((f) => [
      { field: `contributing_factors.${f.id}.description`, text: f.description },
      ...optional(`contributing_factors.${f.id}.accepted_risk_reason`, f.acceptedRiskReason),
    ]),
    ...parts.actionItems.flatMap((a) => [
      { field: `action_items.${a.id}.title`, text: a.title },
      ...optional(`action_items.${a.id}.success_criterion`, a.successCriterion),
      ...optional(`action_items.${a.id}.wont_do_reason`, a.wontDoReason),
    ]),
    ...whyNodeTexts(parts.whyNodes ?? []),
    ...(parts.openQuestions ?? []).flatMap((q) => [
      { field: `open_questions.${q.id}.text`, text: q.text },
      ...optional(`open_questions.${q.id}.resolution`, q.resolution),
    ]),
  ];
}

/**
 * What the linter reads besides the texts: the participants as people, the service catalogue
 * (never people) and the policy's settings. The editor and `debrief lint` use the same three, so
 * that all surfaces agree (docs/linter.md, "One linter everywhere").
 */
export async function loadBlamelessContext(
  deps: AppDeps,
  postmortemId: string,
  loadedParticipants?: ReadonlyArray<{ name: string }>,
): Promise<
  Required<Pick<BlamelessOptions, 'settings'>> & { people: string[]; services: string[] }
> {
  const participants =
    loadedParticipants ?? (await participantsRepository.listForPostmortem(deps.db, postmortemId));
  const services = await servicesRepository.listServices(deps.db);
  return {
    people: participants.map((p) => p.name),
    services: services.map((service) => service.name),
    settings: deps.policy.blameless,
  };
}

/** Parts a caller already read in this transaction, so that they are not read twice. */
interface LoadedParts {
  timeline?: ReadonlyArray<Pick<TimelineEvent, 'id' | 'text' | 'status'>>;
  factors?: ContributingFactor[];
  whyNodes?: WhyNode[];
  participants?: ReadonlyArray<{ name: string }>;
}

/** Blameless findings of a postmortem, each with its waiver when one was given. */
export async function loadBlamelessFindings(
  deps: AppDeps,
  postmortem: Postmortem,
  loaded: LoadedParts = {},
) {
  const id = postmortem.id;
  const [timeline, factors, actionItems, whyNodes, openQuestions, waivers, context] = [
    loaded.timeline ?? (await timelineRepository.listTextsForPostmortem(deps.db, id)),
    loaded.factors ?? (await factorsRepository.listForPostmortem(deps.db, id)),
    await actionItemsRepository.listForPostmortem(deps.db, id),
    loaded.whyNodes ?? (await whyNodesRepository.listForPostmortem(deps.db, id)),
    await openQuestionsRepository.listForPostmortem(deps.db, id),
    await waiversRepository.listForPostmortem(deps.db, id),
    await loadBlamelessContext(deps, id, loaded.participants),
  ];
  const waiverByKey = new Map(waivers.map((w) => [w.findingKey, w]));
  const counted = timeline.filter((e) => e.status !== 'rejected');
  const { findingKey } = await loadBlamelessLinter();
  return (
    await lintTextsByContent(
      lintableTexts(postmortem, {
        timeline: counted,
        factors,
        actionItems,
        whyNodes,
        openQuestions,
      }),
      context,
    )
  ).map((finding) => {
    const key = findingKey(finding);
    const waiver = waiverByKey.get(key);
    return {
      ...finding,
      key,
      waiver: waiver ? { reason: waiver.reason, createdAt: waiver.createdAt } : null,
    };
  });
}

/**
 * A finding that still stands: an error (not a hint from quoted speech) without a waiver. The
 * phase guard and the blame-game detector count exactly these.
 */
export const isStandingFinding = (finding: { severity: string; waiver: unknown }) =>
  finding.severity === 'error' && !finding.waiver;

/**
 * Reads everything the phase guards need, in the caller's transaction. A caller that already
 * loaded the timeline passes it, so that 2,000 events are not read twice.
 */
export async function loadSnapshot(
  deps: AppDeps,
  postmortem: Postmortem,
  loadedTimeline?: ReadonlyArray<Pick<TimelineEvent, 'id' | 'text' | 'status'>>,
): Promise<PostmortemSnapshot> {
  const [incidents, acceptedTimelineEventCount, factors, actionItems, participants, whyNodes] = [
    await incidentsRepository.findIncidentsByIds(deps.db, postmortem.incidentIds),
    loadedTimeline
      ? loadedTimeline.filter(isCountedEvent).length
      : await timelineRepository.countAccepted(deps.db, postmortem.id),
    await factorsRepository.listForPostmortem(deps.db, postmortem.id),
    await actionItemsRepository.listCommitted(deps.db, postmortem.id),
    await participantsRepository.listForPostmortem(deps.db, postmortem.id),
    await whyNodesRepository.listForPostmortem(deps.db, postmortem.id),
  ];
  const findings = await loadBlamelessFindings(deps, postmortem, {
    ...(loadedTimeline ? { timeline: loadedTimeline } : {}),
    factors,
    whyNodes,
    participants,
  });
  const reviewRequests = await loadReviewRequests(deps, postmortem.id);
  // A filled restricted section counts as filled for the guards, whoever asks; its text stays out.
  const filledRestricted = await restrictedSectionsRepository.listFilledKeys(
    deps.db,
    postmortem.id,
  );
  return {
    postmortem: {
      ...postmortem,
      sections: {
        ...postmortem.sections,
        ...Object.fromEntries(filledRestricted.map((key) => [key, '(restricted)'])),
      },
    },
    incidents,
    acceptedTimelineEventCount,
    factors,
    actionItems,
    whyNodes,
    participants,
    reviewRequests,
    unwaivedBlamelessFindings: findings
      .filter(isStandingFinding)
      .map((f) => ({ rule: f.rule, field: f.target.field, excerpt: f.excerpt })),
    // The template chosen for these incidents says which report sections are required.
    policy: {
      ...deps.policy,
      reportSections: reportSectionsFor(deps.policy, incidents),
    },
  };
}
