import { describe, expect, it } from 'vitest';
import { actionItemsToCsv, type CsvActionItem } from './action-items-csv.ts';

const item = (overrides: Partial<CsvActionItem> = {}): CsvActionItem => ({
  postmortemNumber: '12',
  postmortemTitle: 'Checkout pool exhausted',
  title: 'Raise the pool limit',
  kind: 'mitigate',
  priority: 'high',
  status: 'open',
  ownerName: 'Sam Responder',
  team: 'payments',
  dueDate: '2026-12-01',
  overdue: false,
  trackerUrl: 'https://tracker.example/PAY-1',
  verificationEvidence: null,
  services: ['checkout-api', 'payments-db'],
  id: 'a1',
  ...overrides,
});

const header =
  'postmortem,postmortem_title,title,kind,priority,status,owner,team,due_date,overdue,tracker_url,verification_evidence,services,id';

describe('actionItemsToCsv', () => {
  it('writes the header and one CRLF-ended line per item, empty cells for what is unset', () => {
    expect(actionItemsToCsv([])).toBe(`${header}\r\n`);
    expect(
      actionItemsToCsv([
        item(),
        item({
          postmortemNumber: 'S-3',
          ownerName: null,
          team: null,
          dueDate: null,
          overdue: true,
          trackerUrl: null,
          services: [],
          id: 'a2',
        }),
      ]),
    ).toBe(
      `${header}\r\n` +
        '12,Checkout pool exhausted,Raise the pool limit,mitigate,high,open,Sam Responder,payments,2026-12-01,no,https://tracker.example/PAY-1,,checkout-api payments-db,a1\r\n' +
        'S-3,Checkout pool exhausted,Raise the pool limit,mitigate,high,open,,,,yes,,,,a2\r\n',
    );
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling its quotes', () => {
    const csv = actionItemsToCsv([
      item({
        postmortemTitle: 'Pool, then DNS',
        title: 'Say "drain" first',
        verificationEvidence: 'Ran the drill\r\nand the runbook\nworked',
      }),
    ]);
    expect(csv).toBe(
      `${header}\r\n` +
        '12,"Pool, then DNS","Say ""drain"" first",mitigate,high,open,Sam Responder,payments,2026-12-01,no,https://tracker.example/PAY-1,"Ran the drill\r\nand the runbook\nworked",checkout-api payments-db,a1\r\n',
    );
  });

  // Every case of the rule is in domain/csv-field.test.ts; these show the export applies it.
  it('keeps every cell a spreadsheet would run as a formula text, a plain number too', () => {
    const titleCell = (title: string) =>
      actionItemsToCsv([item({ title })])
        .slice(`${header}\r\n12,Checkout pool exhausted,`.length)
        .replace(/,mitigate,.*$/s, '');
    expect(titleCell('=1+1')).toBe("'=1+1");
    expect(titleCell('-5')).toBe("'-5");
    expect(titleCell('\r=1+1')).toBe('"\'\r=1+1"');
    expect(titleCell('a=1, b=2')).toBe('"a=1, b=2"');
  });
});
