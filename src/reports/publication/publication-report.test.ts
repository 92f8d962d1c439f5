import { describe, expect, it } from 'vitest';
import { sampleReportData } from '../../../test/reports/sample-report.ts';
import { buildReport, type ReportPart } from '../build-report.ts';
import { feedSummary } from './publication-report.ts';

const sample = buildReport(sampleReportData());

const textPart = (key: string, markdown: string): ReportPart => ({
  key,
  label: key,
  level: 2,
  block: 'text',
  markdown,
  help: '',
  required: false,
  extra: false,
});

/** The feed summary of a report whose first text section with words is `markdown`. */
const summaryOf = (markdown: string, maxLength?: number) =>
  feedSummary(
    { ...sample, parts: [textPart('empty', ' '), textPart('summary', markdown)] },
    maxLength,
  );

describe('feedSummary', () => {
  it('keeps the hyphens, underscores and punctuation of the prose', () => {
    expect(
      summaryOf(
        'The read-only replica of db-7 paged on-call at 14:02 on 2026-11-16 (UTC); pool_size was 5! See #42 > p99 ~50 ms.',
      ),
    ).toBe(
      'The read-only replica of db-7 paged on-call at 14:02 on 2026-11-16 (UTC); pool_size was 5! See #42 > p99 ~50 ms.',
    );
  });

  it('keeps a redaction placeholder in its brackets', () => {
    expect(summaryOf('The token [secret] was rotated; mail [e-mail address].')).toBe(
      'The token [secret] was rotated; mail [e-mail address].',
    );
  });

  it('drops the Markdown syntax: emphasis, code, links, images, headings, quotes, lists, tables', () => {
    const markdown = [
      '# What **happened**',
      '',
      '> A _cache_ flush ~~never~~ emptied `search-cache`.',
      '',
      '- [runbook](https://runbooks.example/cache "the runbook") and ![graph](g.png)',
      '* [x] done, see [the ticket][t] and <https://example.org/x>',
      '2. second step',
      '',
      '---',
      '| service | minutes |',
      '|:--------|--------:|',
      '| search-api | 32 |',
      '```',
      'SELECT 1;',
      '```',
      'A literal \\*star\\* and a\\|pipe.',
    ].join('\n');
    expect(summaryOf(markdown)).toBe(
      'What happened A cache flush never emptied search-cache. runbook and graph done, see the ticket and https://example.org/x second step service minutes search-api 32 SELECT 1; A literal *star* and a|pipe.',
    );
  });

  it('takes the first text section with words and cuts it at the length, with an ellipsis', () => {
    expect(summaryOf('one-two three-four five', 9)).toBe('one-two…');
    expect(summaryOf('short')).toBe('short');
  });

  it('cuts after a whole word, not inside one', () => {
    expect(summaryOf('one-two three-four five', 12)).toBe('one-two…');
  });

  it('cuts a section longer than the default length after its last whole word', () => {
    const sentence = 'The connection pool on db-7 ran dry while the deploy pipeline retried. ';
    const summary = summaryOf(sentence.repeat(10));
    expect(summary.length).toBeLessThanOrEqual(400);
    expect(summary).toMatch(/ [a-z0-9.-]+…$/);
    expect(sentence.repeat(10)).toContain(`${summary.slice(0, -1)} `);
  });
});

describe('feedSummary on a section of the largest size', () => {
  it('reads runs of brackets, stars and link starts in linear time', () => {
    const size = 100_000;
    const started = performance.now();
    for (const run of ['[', '](', '<http:', '*', `a${'*'.repeat(size)}b`, ' '.repeat(size)]) {
      summaryOf(run.length >= size ? run : run.repeat(size / run.length));
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
