import type { ReportActionItem } from './build-report.ts';

/** One column of the action-item table, shared by every renderer. */
export interface ActionItemColumn {
  label: string;
  value: (item: ReportActionItem) => string;
}

const statusLabel = (item: ReportActionItem) => {
  const status =
    item.status === 'wont_do' && item.wontDoReason
      ? `won't do: ${item.wontDoReason}`
      : item.status.replace('_', ' ');
  return item.isIdea ? `idea (${status})` : status;
};

/**
 * The action-item columns of the report, in order. Every renderer draws its table from this
 * list, so a new field of action items is shown everywhere by adding one entry here.
 */
export const actionItemColumns: ActionItemColumn[] = [
  { label: 'Ref', value: (item) => item.ref },
  { label: 'Action item', value: (item) => item.title },
  { label: 'Kind', value: (item) => item.kind },
  { label: 'Priority', value: (item) => item.priority },
  {
    label: 'Owner',
    value: (item) => [item.owner ?? 'unassigned', ...(item.team ? [item.team] : [])].join(', '),
  },
  { label: 'Due', value: (item) => item.dueDate ?? '—' },
  { label: 'Status', value: statusLabel },
  { label: 'Success criterion', value: (item) => item.successCriterion ?? '—' },
  { label: 'Addresses', value: (item) => item.addresses.join(', ') || '—' },
  {
    label: 'Verification',
    value: (item) =>
      [item.verificationEvidence, item.verificationNote, item.trackerUrl]
        .filter(Boolean)
        .join(' — ') || '—',
  },
];
