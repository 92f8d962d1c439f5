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
 * A CSV cell (RFC 4180): quoted when needed, and text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'` so that it stays text.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The board as CSV, one line per item, CRLF line ends as RFC 4180 says. */
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
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
