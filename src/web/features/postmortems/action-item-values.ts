import type { ActionItemKind, ActionItemStatus } from '../../../domain/action-item.ts';
import type { ActionItem } from '../../api/parts-api.ts';

/** The action-item form as typed: empty strings for blank optional fields. */
export interface ActionItemFormValues {
  title: string;
  kind: ActionItemKind;
  ownerName: string;
  dueDate: string;
  successCriterion: string;
  status: ActionItemStatus;
  wontDoReason: string;
  verificationEvidence: string;
  trackerUrl: string;
  linkedFactorIds: string[];
}

/** The form's starting values, from an existing item or blank. */
export function actionItemToValues(item?: ActionItem): ActionItemFormValues {
  return {
    title: item?.title ?? '',
    kind: item?.kind ?? 'prevent',
    ownerName: item?.ownerName ?? '',
    dueDate: item?.dueDate ?? '',
    successCriterion: item?.successCriterion ?? '',
    status: item?.status ?? 'open',
    wontDoReason: item?.wontDoReason ?? '',
    verificationEvidence: item?.verificationEvidence ?? '',
    trackerUrl: item?.trackerUrl ?? '',
    linkedFactorIds: item?.linkedFactorIds ?? [],
  };
}

const orNull = (value: string) => value.trim() || null;

/** The request body for create or update: blanks become `null`, reasons only where they apply. */
export function valuesToActionItemBody(values: ActionItemFormValues) {
  return {
    title: values.title,
    kind: values.kind,
    ownerName: orNull(values.ownerName),
    dueDate: orNull(values.dueDate),
    successCriterion: orNull(values.successCriterion),
    status: values.status,
    wontDoReason: values.status === 'wont_do' ? orNull(values.wontDoReason) : null,
    verificationEvidence: orNull(values.verificationEvidence),
    trackerUrl: orNull(values.trackerUrl),
    linkedFactorIds: values.linkedFactorIds,
  };
}
