import { describe, expect, it } from 'vitest';
import { importSummaryLists, isFinished, jobErrorText, jobFraction } from './import-progress.ts';

describe('import progress', () => {
  it('reports the fraction of bytes done, clamped, and 1 when done', () => {
    expect(jobFraction({ status: 'running', bytesDone: 50, bytesTotal: 200 })).toBe(0.25);
    expect(jobFraction({ status: 'running', bytesDone: 300, bytesTotal: 200 })).toBe(1);
    expect(jobFraction({ status: 'queued', bytesDone: 0, bytesTotal: 0 })).toBeNull();
    expect(jobFraction({ status: 'succeeded', bytesDone: 0, bytesTotal: 0 })).toBe(1);
  });

  it('stops polling on success or failure only', () => {
    expect(
      ['queued', 'running', 'succeeded', 'failed'].map((status) =>
        isFinished({ status: status as 'queued' }),
      ),
    ).toEqual([false, false, true, true]);
  });

  it('names the place of a failure when the server gives it', () => {
    expect(jobErrorText({ message: 'Bad JSON', file: 'a.jsonl', line: 3 })).toBe(
      'Bad JSON (a.jsonl:3)',
    );
    expect(jobErrorText('boom')).toBe('boom');
    expect(jobErrorText(null)).toBe('The import failed.');
  });
});

describe('importSummaryLists', () => {
  it('reads the parts, skipped files and warnings a job summary carries', () => {
    const lists = importSummaryLists({
      parts: [{ source: 'log', files: 1, paths: ['logs/app.jsonl'], eventsProposed: 3 }],
      skipped: [{ path: 'README.txt', reason: 'no importer recognised its content' }],
      warnings: [{ code: 'LOG_LINES_BELOW_LEVEL', message: '4 lines skipped' }],
      warningsTotal: 1,
    });
    expect(lists.parts.map((part) => part.source)).toEqual(['log']);
    expect(lists.skipped).toHaveLength(1);
    expect(lists.warnings[0]?.code).toBe('LOG_LINES_BELOW_LEVEL');
  });

  it('reads a job written before the lists existed as empty lists', () => {
    expect(importSummaryLists({ warnings: 'odd' })).toEqual({
      parts: [],
      skipped: [],
      warnings: [],
      warningsTotal: 0,
      outsideWindow: 0,
      window: { since: null, until: null, basis: 'none' },
    });
  });
});
