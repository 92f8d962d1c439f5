import type { KeyInstantName } from '../domain/incident.ts';
import { keyInstantNames } from '../domain/incident.ts';
import type { TemplateSection } from '../domain/report-template.ts';
import { outlineOrder } from '../domain/why-tree.ts';
import { type KeyDuration, keyDurations } from './durations.ts';
import {
  type ImpactFigureKey,
  impactFigureKeys,
  impactFigureLabels,
  type ReportData,
} from './report-data.ts';

/** One incident as the report shows it. */
export interface ReportIncident {
  ref: string;
  title: string;
  summary: string;
  kind: string;
  severity: string;
  potentialSeverity: string | null;
  isDrill: boolean;
  status: string;
  services: string[];
  instants: Array<{
    name: KeyInstantName;
    at: string;
    source: string;
    precision: 'exact' | 'estimated';
  }>;
  durations: KeyDuration[];
}

/** One action item as the report shows it; `addresses` are the refs of causes it fixes. */
export interface ReportActionItem {
  ref: string;
  title: string;
  kind: string;
  owner: string | null;
  dueDate: string | null;
  status: string;
  successCriterion: string | null;
  wontDoReason: string | null;
  trackerUrl: string | null;
  verificationEvidence: string | null;
  /** What the verifier checked, in their words. */
  verificationNote: string | null;
  priority: string;
  team: string | null;
  /** Services the fix changes. */
  services: string[];
  isIdea: boolean;
  addresses: string[];
  reliesOnServices: string[];
}

/** One part of the report, in template order. */
export type ReportPart = Pick<TemplateSection, 'key' | 'label' | 'level' | 'block'> &
  (
    | { block: 'heading' }
    | { block: 'text'; markdown: string; help: string; required: boolean; extra: boolean }
    | { block: 'incident_facts' }
    | { block: 'key_instants' }
    | { block: 'timeline' }
    | { block: 'why_tree' }
    | { block: 'contributing_factors' }
    | { block: 'action_items' }
    | { block: 'participants' }
  );

/** A postmortem as a document: one model, rendered to Markdown, HTML and JSON alike. */
export interface Report {
  title: string;
  templateKey: string;
  restricted: boolean;
  scope: string;
  incidents: ReportIncident[];
  impactFigures: Array<{ key: ImpactFigureKey; label: string; value: string }>;
  timeline: Array<{
    at: string;
    kind: string;
    actor: string | null;
    text: string;
    pinned: boolean;
    proposed: boolean;
  }>;
  whyTree: Array<{
    ref: string;
    parentRef: string | null;
    depth: number;
    question: string;
    answer: string;
    mark: string;
    category: string | null;
    categoryLabel: string | null;
    noEvidenceReason: string | null;
    acceptedRiskReason: string | null;
  }>;
  factors: Array<{
    ref: string;
    description: string;
    category: string;
    categoryLabel: string;
    isRootCause: boolean;
    acceptedRiskReason: string | null;
  }>;
  actionItems: ReportActionItem[];
  participants: Array<{ name: string; role: string }>;
  parts: ReportPart[];
}

const isFigure = (key: string): key is ImpactFigureKey =>
  (impactFigureKeys as readonly string[]).includes(key);

/**
 * Builds the report model from the review's data and its template. Records get short local
 * refs (`I1`, `F1`, `W1`, `A1`) in a stable order, so that a document never carries database
 * ids and an imported copy renders the same.
 */
export function buildReport(data: ReportData): Report {
  const { postmortem, template } = data;
  const factorRef = new Map(data.factors.map((f, i) => [f.id, `F${i + 1}`]));
  const outline = outlineOrder(data.whyNodes);
  const whyRef = new Map(outline.map(({ node }, i) => [node.id, `W${i + 1}`]));
  const label = (category: string | null) =>
    category === null ? null : (data.categoryLabels[category] ?? category);
  const participantByUser = new Map(
    data.participants.flatMap((p) => (p.userId ? [[p.userId, p.name] as const] : [])),
  );
  const textKeys = new Set(template.sections.filter((s) => s.block === 'text').map((s) => s.key));
  const extraKeys = Object.keys(postmortem.sections)
    .filter((key) => !textKeys.has(key) && !isFigure(key) && postmortem.sections[key]?.trim())
    .sort();
  const parts: ReportPart[] = [
    ...template.sections.map((s): ReportPart => {
      if (s.block === 'text') {
        return {
          key: s.key,
          label: s.label,
          level: s.level,
          block: 'text',
          markdown: (postmortem.sections[s.key] ?? '').trim(),
          help: s.help ?? '',
          required: s.required,
          extra: false,
        };
      }
      return { key: s.key, label: s.label, level: s.level, block: s.block } as ReportPart;
    }),
    ...extraKeys.map(
      (key): ReportPart => ({
        key,
        label: key,
        level: 2,
        block: 'text',
        markdown: (postmortem.sections[key] ?? '').trim(),
        help: '',
        required: false,
        extra: true,
      }),
    ),
  ];
  return {
    title: postmortem.title,
    templateKey: template.key,
    restricted: postmortem.restricted,
    scope: postmortem.scope,
    incidents: data.incidents.map((incident, i) => ({
      ref: `I${i + 1}`,
      title: incident.title,
      summary: incident.summary,
      kind: incident.kind,
      severity: incident.severity,
      potentialSeverity: incident.potentialSeverity,
      isDrill: incident.isDrill,
      status: incident.status,
      services: [...incident.services],
      instants: keyInstantNames.flatMap((name) => {
        const instant = incident.instants[name];
        return instant
          ? [
              {
                name,
                at: instant.at.toISOString(),
                source: instant.source,
                precision: instant.precision,
              },
            ]
          : [];
      }),
      durations: keyDurations(incident.instants),
    })),
    impactFigures: impactFigureKeys.flatMap((key) => {
      const value = (postmortem.sections[key] ?? '').trim();
      return value ? [{ key, label: impactFigureLabels[key], value }] : [];
    }),
    timeline: data.timeline.map((event) => ({
      at: event.occurredAt.toISOString(),
      kind: event.kind,
      actor: event.actor,
      text: event.text,
      pinned: event.pinned,
      proposed: event.status === 'proposed',
    })),
    whyTree: outline.map(({ node, depth }) => ({
      ref: whyRef.get(node.id) ?? '',
      parentRef: node.parentId === null ? null : (whyRef.get(node.parentId) ?? null),
      depth,
      question: node.question,
      answer: node.answer,
      mark: node.mark,
      category: node.category,
      categoryLabel: label(node.category),
      noEvidenceReason: node.noEvidenceReason,
      acceptedRiskReason: node.acceptedRiskReason,
    })),
    factors: data.factors.map((factor) => ({
      ref: factorRef.get(factor.id) ?? '',
      description: factor.description,
      category: factor.category,
      categoryLabel: label(factor.category) ?? factor.category,
      isRootCause: factor.isRootCause,
      acceptedRiskReason: factor.acceptedRiskReason,
    })),
    actionItems: data.actionItems.map((item, i) => ({
      ref: `A${i + 1}`,
      title: item.title,
      kind: item.kind,
      owner:
        item.ownerName ??
        (item.ownerUserId ? (participantByUser.get(item.ownerUserId) ?? null) : null),
      dueDate: item.dueDate,
      status: item.status,
      successCriterion: item.successCriterion,
      wontDoReason: item.wontDoReason,
      trackerUrl: item.trackerUrl,
      verificationEvidence: item.verificationEvidence,
      verificationNote: item.verificationNote,
      priority: item.priority,
      team: item.team,
      services: [...item.services],
      isIdea: item.isIdea,
      addresses: [
        ...item.linkedFactorIds.flatMap((id) => factorRef.get(id) ?? []),
        ...item.linkedWhyNodeIds.flatMap((id) => whyRef.get(id) ?? []),
      ],
      reliesOnServices: [...item.reliesOnServices],
    })),
    participants: data.participants.map((p) => ({ name: p.name, role: p.role })),
    parts,
  };
}
