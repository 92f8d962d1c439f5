import type { Actor } from '../../domain/user.ts';
import type { ImportOptions } from '../../importers/source-converter.ts';
import { openImportInput } from '../../inputs/open-import-input.ts';
import type { OpenedInput } from '../../inputs/opened-input.ts';
import {
  type ImportJob,
  importJobsRepository,
} from '../../storage/repositories/import-jobs-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { type ChosenSource, chooseSource, describeOptions } from './choose-source.ts';
import { type ImportRun, runImportJob } from './run-import-job.ts';

/** Where the file to import is, once it can be read. */
export interface ImportLocation {
  path: string;
  /** The name the person knows it by (an upload's original name); default the path's base. */
  displayName?: string;
  /** Called once when the import has ended, however it ended (removes an upload's copy). */
  cleanup?: () => Promise<void>;
  /** Choices that arrived with the file (an upload's form fields); they win over the request's. */
  source?: string | undefined;
  options?: ImportOptions;
}

/** One file, folder or zip to import into one postmortem's timeline. */
export interface ImportFileRequest {
  postmortemId: string;
  /**
   * Gives the file once the actor is known to be allowed: an upload is only received after
   * the check, so nobody streams gigabytes into a postmortem they may not edit.
   */
  locate: () => Promise<ImportLocation>;
  /** The source; detected per the registry when absent. */
  source?: string | undefined;
  options?: ImportOptions;
  /** Told the job's running state (bytes read, events proposed). */
  onProgress?: (job: ImportJob) => void;
}

/** A started import: its queued job (answer it at once) and the run that finishes it. */
export interface StartedImport {
  job: ImportJob;
  opened: Pick<OpenedInput, 'fileName' | 'bytesTotal'>;
  chosen: ChosenSource;
  /** Settles when the job has succeeded or failed; never rejects. */
  finished: Promise<ImportRun>;
}

/**
 * The file import use case, shared by `debrief import` and `POST /postmortems/{id}/imports`:
 * authorize → open the input (`inputs/`) → choose the source → create the queued job → run
 * it (`runImportJob`, one transaction). Errors before the job exists (not allowed, unreadable
 * path, unknown source) are thrown; after that they end in the job as `failed`.
 */
export async function importFile(
  deps: AppDeps,
  actor: Actor,
  request: ImportFileRequest,
): Promise<StartedImport> {
  await inTransaction(deps, (tx) =>
    loadPostmortemFor(tx, actor, request.postmortemId, 'postmortem.update'),
  );
  const location = await request.locate();
  const source = location.source ?? request.source;
  const options = location.options ?? request.options ?? {};
  let opened: OpenedInput;
  let chosen: ChosenSource;
  let job: ImportJob;
  try {
    opened = await openImportInput(location.path, location.displayName);
    chosen = chooseSource(opened, source);
    job = await createJob(deps, actor, request.postmortemId, options, opened, chosen);
  } catch (error) {
    await location.cleanup?.();
    throw error;
  }
  const finished = runImportJob(
    deps,
    actor,
    job,
    opened,
    chosen,
    options,
    request.onProgress,
  ).finally(() => location.cleanup?.());
  return { job, opened, chosen, finished };
}

async function createJob(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  options: ImportOptions,
  opened: OpenedInput,
  chosen: ChosenSource,
): Promise<ImportJob> {
  return importJobsRepository.insert(deps.db, {
    id: deps.newId(),
    postmortemId,
    source: chosen.converter.source,
    sourceDetection: chosen.detection,
    fileName: opened.fileName.slice(0, 500),
    status: 'queued',
    bytesTotal: opened.bytesTotal,
    bytesDone: 0,
    eventsProposed: 0,
    duplicatesSkipped: 0,
    linesCollapsed: 0,
    summary: {
      options: describeOptions(options),
      detection: { confidence: chosen.confidence, scores: chosen.scores },
    },
    createdById: actor.id,
    createdAt: deps.clock(),
  });
}
