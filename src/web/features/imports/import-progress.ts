import { type ImportSummaryLists, importSummaryListsSchema } from '../../../contracts/imports.ts';
import type { ImportJob } from '../../api/imports-api.ts';

/** The import job's progress as a fraction (0–1), or null when the server cannot tell. */
export function jobFraction(
  job: Pick<ImportJob, 'status' | 'bytesDone' | 'bytesTotal'>,
): number | null {
  if (job.status === 'succeeded') {
    return 1;
  }
  if (!job.bytesTotal || job.bytesDone === null || job.bytesDone === undefined) {
    return null;
  }
  return Math.min(Math.max(job.bytesDone / job.bytesTotal, 0), 1);
}

/** True when polling can stop. */
export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** A job's error as one line of text, whatever shape the server gave it. */
export function jobErrorText(error: unknown): string {
  if (typeof error === 'string') {
    return error;
  }
  if (error && typeof error === 'object') {
    const record = error as Record<string, unknown>;
    const message = record.message ?? record.detail ?? record.title;
    const where = [record.file, record.line, record.field].filter((part) => part !== undefined);
    if (typeof message === 'string') {
      return where.length > 0 ? `${message} (${where.join(':')})` : message;
    }
    return JSON.stringify(error);
  }
  return 'The import failed.';
}

/** The parts, skipped files and warnings of a finished job's summary (empty when absent). */
export function importSummaryLists(summary: Record<string, unknown>): ImportSummaryLists {
  return importSummaryListsSchema.parse(summary);
}
