import {
  type ActionItem,
  type ActionItemKind,
  type ActionItemStatus,
  actionItemKinds,
  actionItemStatuses,
} from '../../domain/action-item.ts';

/** What the offline anti-pattern detectors need from a Markdown postmortem's front matter. */
export interface ReviewData {
  /** Services that failed: every incident's `services` (or top-level `affected_services`). */
  failedServices: string[];
  /** Services with their dependencies, from front matter `services:` given as objects. */
  catalogue: Array<{ name: string; dependsOn: string[] }>;
  actionItems: ActionItem[];
}

type Fields = Record<string, unknown>;
const asFields = (value: unknown): Fields =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim()
    ? value.trim()
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : null;
const asNames = (value: unknown): string[] =>
  asList(value).flatMap((item) => {
    const name = typeof item === 'string' ? item : asText(asFields(item).name);
    return name ? [name] : [];
  });
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

function toActionItem(value: unknown, index: number, today: Date): ActionItem | undefined {
  const fields = asFields(value);
  const title = asText(fields.title);
  if (!title) {
    return undefined;
  }
  return {
    id: asText(fields.id) ?? `action-item-${index + 1}`,
    postmortemId: 'document',
    title,
    kind: oneOf<ActionItemKind>(actionItemKinds, fields.kind, 'prevent'),
    ownerName: asText(fields.owner),
    ownerUserId: null,
    dueDate: asText(fields.due),
    successCriterion: asText(fields.success_criterion),
    status: oneOf<ActionItemStatus>(actionItemStatuses, fields.status, 'open'),
    wontDoReason: asText(fields.wont_do_reason),
    trackerUrl: asText(fields.tracker),
    verificationEvidence: asText(fields.verification),
    linkedFactorIds: [],
    linkedWhyNodeIds: [],
    reliesOnServices: asNames(fields.relies_on),
    verificationNote: null,
    verifiedAt: null,
    verifiedById: null,
    priority: 'p2',
    team: null,
    services: asNames(fields.services),
    isIdea: false,
    version: 1,
    createdAt: today,
    updatedAt: today,
  };
}

/**
 * Reads the review data of a postmortem document's front matter, in the shape Debrief's
 * Markdown export writes (`incidents[].services`, `action_items[]` with `title`, `kind`,
 * `owner`, `due`, `status`, `success_criterion`, `relies_on`), plus `services:` entries written
 * as `{ name, depends_on }` for the dependency graph. Anything missing or malformed is left out.
 */
export function readReviewData(frontMatter: Fields, today: Date): ReviewData {
  const incidents = asList(frontMatter.incidents).map(asFields);
  const failedServices = [
    ...incidents.flatMap((incident) => asNames(incident.services)),
    ...asNames(frontMatter.affected_services),
  ];
  const catalogue = asList(frontMatter.services).flatMap((entry) => {
    const fields = asFields(entry);
    const name = asText(fields.name);
    return name ? [{ name, dependsOn: asNames(fields.depends_on ?? fields.dependsOn) }] : [];
  });
  const actionItems = asList(frontMatter.action_items).flatMap((item, index) => {
    const parsed = toActionItem(item, index, today);
    return parsed ? [parsed] : [];
  });
  return { failedServices, catalogue, actionItems };
}
