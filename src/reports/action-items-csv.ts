import { csvField } from '../domain/csv-field.ts';

/** One row of the action-item CSV export. */
export interface CsvActionItem {
  postmortemNumber: string;
  postmortemTitle: string;
  title: string;
  kind: string;
  priority: string;
  status: string;
  ownerName: string | null;
  team: string | null;
  dueDate: string | null;
  overdue: boolean;
  trackerUrl: string | null;
  verificationEvidence: string | null;
  services: string[];
  id: string;
}

const header = [
  'postmortem',
  'postmortem_title',
  'title',
  'kind',
  'priority',
  'status',
  'owner',
  'team',
  'due_date',
  'overdue',
  'tracker_url',
  'verification_evidence',
  'services',
  'id',
];

/**
 * The board as CSV, one line per item, CRLF line ends as RFC 4180 says; every cell through
 * `csvField`, so none runs as a formula in a spreadsheet, not even a title like `-5`.
 */
export function actionItemsToCsv(items: readonly CsvActionItem[]): string {
  const lines = items.map((item) =>
    [
      String(item.postmortemNumber),
      item.postmortemTitle,
      item.title,
      item.kind,
      item.priority,
      item.status,
      item.ownerName ?? '',
      item.team ?? '',
      item.dueDate ?? '',
      item.overdue ? 'yes' : 'no',
      item.trackerUrl ?? '',
      item.verificationEvidence ?? '',
      item.services.join(' '),
      item.id,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
