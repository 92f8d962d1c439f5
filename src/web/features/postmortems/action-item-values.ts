import type {
  ActionItemKind,
  ActionItemPriority,
  ActionItemStatus,
} from '../../../domain/action-item.ts';
import type { Cause } from '../../api/action-items-api.ts';
import type { ActionItem } from '../../api/parts-api.ts';

/** The action-item form as typed: empty strings for blank optional fields. */
export interface ActionItemFormValues {
  title: string;
  kind: ActionItemKind;
  priority: ActionItemPriority;
  ownerName: string;
  team: string;
  /** Blank on a new item: the server applies the policy's default for severity and priority. */
  dueDate: string;
  successCriterion: string;
  status: ActionItemStatus;
  wontDoReason: string;
  verificationEvidence: string;
  trackerUrl: string;
  /** Comma-separated service names. */
  services: string;
  isIdea: boolean;
  /** Why-nodes and factors alike; split by origin when sent. */
  causeIds: string[];
}

/** The form's starting values, from an existing item or blank. */
export function actionItemToValues(item?: ActionItem): ActionItemFormValues {
  return {
    title: item?.title ?? '',
    kind: item?.kind ?? 'prevent',
    priority: item?.priority ?? 'p2',
    ownerName: item?.ownerName ?? '',
    team: item?.team ?? '',
    dueDate: item?.dueDate ?? '',
    successCriterion: item?.successCriterion ?? '',
    status: item?.status ?? 'open',
    wontDoReason: item?.wontDoReason ?? '',
    verificationEvidence: item?.verificationEvidence ?? '',
    trackerUrl: item?.trackerUrl ?? '',
    services: (item?.services ?? []).join(', '),
    isIdea: item?.isIdea ?? false,
    causeIds: [...(item?.linkedWhyNodeIds ?? []), ...(item?.linkedFactorIds ?? [])],
  };
}

const orNull = (value: string) => value.trim() || null;

/** The request body for create or update: blanks become `null`, reasons only where they apply. */
export function valuesToActionItemBody(values: ActionItemFormValues, causes: Cause[]) {
  const originOf = new Map(causes.map((cause) => [cause.id, cause.origin]));
  return {
    title: values.title,
    kind: values.kind,
    priority: values.priority,
    ownerName: orNull(values.ownerName),
    team: orNull(values.team),
    ...(values.dueDate.trim() ? { dueDate: values.dueDate } : {}),
    successCriterion: orNull(values.successCriterion),
    status: values.status,
    wontDoReason: values.status === 'wont_do' ? orNull(values.wontDoReason) : null,
    verificationEvidence: orNull(values.verificationEvidence),
    trackerUrl: orNull(values.trackerUrl),
    services: values.services
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    linkedWhyNodeIds: values.causeIds.filter((id) => originOf.get(id) === 'why_node'),
    linkedFactorIds: values.causeIds.filter((id) => originOf.get(id) === 'contributing_factor'),
  };
}
