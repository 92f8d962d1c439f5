import {
  type ActionItem,
  type ActionItemKind,
  type ActionItemStatus,
  actionItemKinds,
  actionItemStatuses,
} from '../../domain/action-item.ts';
import type { Policy } from '../../domain/policy.ts';
import { availableTemplates } from '../../domain/report-template.ts';
import type { DocumentImport } from '../../reports/document-import.ts';
import { isDebriefDocument, readDebriefDocument } from '../../reports/read-debrief-document.ts';
import { readForeignDocument } from '../../reports/read-foreign-document.ts';

/** What the offline anti-pattern detectors need from a Markdown postmortem's front matter. */
export interface ReviewData {
  /** People named by the document (front matter participants, attendees). */
  participants: string[];
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
    trackerKey: null,
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
  return { participants: [], failedServices, catalogue, actionItems };
}

/** An action item of a document, as the detectors read one. */
function fromDocument(
  item: DocumentImport['actionItems'][number],
  index: number,
  today: Date,
): ActionItem | undefined {
  return toActionItem(
    {
      id: item.ref || undefined,
      title: item.title,
      kind: item.kind,
      owner: item.owner,
      due: item.dueDate,
      status: item.status,
      success_criterion: item.successCriterion,
      wont_do_reason: item.wontDoReason,
      tracker: item.trackerUrl,
      verification: item.verificationEvidence,
      relies_on: item.reliesOnServices,
      services: item.services,
    },
    index,
    today,
  );
}

/**
 * The review data of a Markdown postmortem, read by the same readers as `debrief import`: a
 * postmortems-as-code document exactly (VALIDATION_FAILED when its front matter is invalid),
 * another team's document by its sections (action items from lists and tables under action
 * headings). A front matter that is not Debrief's format still gives its failed services,
 * `services:` dependencies and `action_items:` (see {@link readReviewData}).
 */
export function readReviewDocument(
  source: string,
  fileName: string,
  frontMatter: Fields,
  policy: Policy,
  today: Date,
): ReviewData {
  const document = isDebriefDocument(source)
    ? readDebriefDocument(
        source,
        fileName,
        availableTemplates(policy.reportSections, policy.reportTemplates),
      )
    : readForeignDocument(source, fileName, {
        categories: policy.factorTaxonomy.map((c) => c.key),
      });
  const fromFrontMatter = readReviewData(frontMatter, today);
  const documentItems = document.actionItems.flatMap((item, index) => {
    const parsed = fromDocument(item, index, today);
    return parsed ? [parsed] : [];
  });
  return {
    participants: document.participants.map((p) => p.name),
    failedServices: [
      ...new Set([
        ...document.incidents.flatMap((incident) => incident.services),
        ...fromFrontMatter.failedServices,
      ]),
    ],
    catalogue: fromFrontMatter.catalogue,
    actionItems: documentItems.length > 0 ? documentItems : fromFrontMatter.actionItems,
  };
}
