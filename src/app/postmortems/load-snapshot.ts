import type { BlamelessOptions } from '../../analysis/blameless/find-blameless-findings.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { PostmortemSnapshot } from '../../domain/postmortem-guards.ts';
import { reportSectionsFor } from '../../domain/report-template.ts';
import type { WhyNode } from '../../domain/why-node.ts';
import { whyNodeTexts } from '../../domain/why-tree.ts';
import { participantsRepository } from '../../storage/repositories/parts-repositories.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import {
  readSnapshotParts,
  readTimelineTexts,
  type SnapshotParts,
} from '../../storage/repositories/snapshot-parts-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import {
  lintTextsByContent,
  lintTextsByStamp,
  loadBlamelessLinter,
} from '../blameless/load-blameless-linter.ts';
import { labelReviewRequests } from '../reviews/load-review-requests.ts';

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

/** Blameless findings of a postmortem, each with its waiver when one was given. */
export async function loadBlamelessFindings(deps: AppDeps, postmortem: Postmortem) {
  const { parts } = await readSnapshotParts(deps.db, postmortem);
  return blamelessFindingsOf(deps, postmortem, parts);
}

/** The findings of the texts read in `parts`, with the context the same parts give. */
async function blamelessFindingsOf(deps: AppDeps, postmortem: Postmortem, parts: SnapshotParts) {
  const waiverByKey = new Map(parts.waivers.map((w) => [w.findingKey, w]));
  const context = {
    people: parts.participants.map((p) => p.name),
    services: parts.serviceNames,
    settings: deps.policy.blameless,
  };
  const { findingKey } = await loadBlamelessLinter();
  // The texts in `lintableTexts`' order: the sections, the timeline, then the rest. The
  // timeline's come by its stamp, read only when this process has not linted them.
  const texts = lintableTexts(postmortem, {
    timeline: [],
    factors: parts.factors,
    actionItems: parts.actionItems,
    whyNodes: parts.whyNodes,
    openQuestions: parts.openQuestions,
  });
  const sectionCount = Object.keys(postmortem.sections).length;
  const timelineFindings = await lintTextsByStamp(parts.timelineStamp, context, async () => {
    const read = await readTimelineTexts(deps.db, postmortem.id);
    const timeline = { timeline: read.texts, factors: [], actionItems: [] };
    return { stamp: read.stamp, texts: lintableTexts({ sections: {} }, timeline) };
  });
  return [
    ...(await lintTextsByContent(texts.slice(0, sectionCount), context)),
    ...timelineFindings,
    ...(await lintTextsByContent(texts.slice(sectionCount), context)),
  ].map((finding) => {
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

/** Reads everything the phase guards need, in the caller's transaction. */
export async function loadSnapshot(
  deps: AppDeps,
  postmortem: Postmortem,
): Promise<PostmortemSnapshot> {
  return (await loadSnapshotWith(deps, postmortem)).snapshot;
}

/**
 * `loadSnapshot`, reading in the same statement (one round trip), when asked, the timeline as
 * the JSON text the API presents.
 */
export async function loadSnapshotWith(
  deps: AppDeps,
  postmortem: Postmortem,
  options: { timelineJson?: boolean } = {},
): Promise<{ snapshot: PostmortemSnapshot; timelineJson: string | Uint8Array | null }> {
  const read = await readSnapshotParts(deps.db, postmortem, options);
  const { parts } = read;
  const findings = await blamelessFindingsOf(deps, postmortem, parts);
  const { incidents } = parts;
  const snapshot: PostmortemSnapshot = {
    postmortem: {
      ...postmortem,
      // A filled restricted section counts as filled for the guards, whoever asks; its text
      // stays out.
      sections: {
        ...postmortem.sections,
        ...Object.fromEntries(parts.filledRestrictedKeys.map((key) => [key, '(restricted)'])),
      },
    },
    incidents,
    acceptedTimelineEventCount: parts.acceptedTimelineEventCount,
    factors: parts.factors,
    actionItems: parts.actionItems.filter((i) => !i.isIdea),
    whyNodes: parts.whyNodes,
    participants: parts.participants,
    reviewRequests: labelReviewRequests(parts.reviewRequests, parts.reviewerNames),
    unwaivedBlamelessFindings: findings
      .filter(isStandingFinding)
      .map((f) => ({ rule: f.rule, field: f.target.field, excerpt: f.excerpt })),
    // The template chosen for these incidents says which report sections are required.
    policy: {
      ...deps.policy,
      reportSections: reportSectionsFor(deps.policy, incidents),
    },
  };
  return { snapshot, timelineJson: read.timelineJson };
}
