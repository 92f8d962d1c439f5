import { importProgress } from '../../app/imports/import-progress.ts';
import type { ImportJobDto } from '../../contracts/imports.ts';
import { type ErrorCode, errorCodes } from '../../domain/errors.ts';
import type { ImportJob } from '../../storage/repositories/import-jobs-repository.ts';
import { problemType, statusByCode } from '../problem.ts';

function asProblem(error: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!error) {
    return null;
  }
  const code = (errorCodes as readonly string[]).includes(String(error.code))
    ? (error.code as ErrorCode)
    : 'INTERNAL';
  return { type: problemType(code), status: statusByCode[code], ...error, code };
}

/** An import job as the API shows it, with live progress while it runs in this process. */
export function presentImportJob(job: ImportJob): ImportJobDto {
  const live = job.status === 'running' ? importProgress.get(job.id) : undefined;
  return {
    id: job.id,
    postmortemId: job.postmortemId,
    source: job.source,
    sourceDetection: job.sourceDetection,
    fileName: job.fileName,
    status: job.status,
    bytesTotal: job.bytesTotal,
    bytesDone: live?.bytesDone ?? job.bytesDone,
    eventsProposed: live?.eventsProposed ?? job.eventsProposed,
    duplicatesSkipped: live?.duplicatesSkipped ?? job.duplicatesSkipped,
    linesCollapsed: job.linesCollapsed,
    summary: job.summary,
    error: asProblem(job.error),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
