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
import { describeOptions } from './choose-source.ts';
import { type ImportPlan, planImport } from './plan-import.ts';
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
  /** Which converter reads what (a mixed folder has several parts) and what is skipped. */
  plan: ImportPlan;
  /** Settles when the job has succeeded or failed; never rejects. */
  finished: Promise<ImportRun>;
}

/**
 * The file import use case, shared by `debrief import` and `POST /postmortems/{id}/imports`:
 * authorize → open the input (`inputs/`) → plan the sources (a mixed folder file by file) →
 * create the queued job → run
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
  let plan: ImportPlan;
  let job: ImportJob;
  try {
    opened = await openImportInput(location.path, location.displayName);
    plan = await planImport(opened, source);
    job = await createJob(deps, actor, request.postmortemId, options, opened, plan);
  } catch (error) {
    await location.cleanup?.();
    throw error;
  }
  const finished = runImportJob(
    deps,
    actor,
    job,
    opened,
    plan,
    options,
    request.onProgress,
  ).finally(() => location.cleanup?.());
  return { job, opened, plan, finished };
}

async function createJob(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  options: ImportOptions,
  opened: OpenedInput,
  plan: ImportPlan,
): Promise<ImportJob> {
  // A job names one source: a mixed folder's first part; `summary.plan` lists them all.
  const [first] = plan.parts;
  if (!first) {
    throw new Error('an import plan has at least one part');
  }
  return importJobsRepository.insert(deps.db, {
    id: deps.newId(),
    postmortemId,
    source: first.converter.source,
    sourceDetection: first.detection,
    fileName: opened.fileName.slice(0, 500),
    status: 'queued',
    bytesTotal: opened.bytesTotal,
    bytesDone: 0,
    eventsProposed: 0,
    duplicatesSkipped: 0,
    linesCollapsed: 0,
    summary: {
      options: describeOptions(options),
      detection: { confidence: first.confidence, scores: first.scores },
      plan: {
        parts: plan.parts.map((part) => ({
          source: part.converter.source,
          files: part.paths?.length ?? 0,
          paths: (part.paths ?? []).slice(0, 20),
        })),
        skipped: plan.skipped.slice(0, 200),
      },
    },
    createdById: actor.id,
    instanceId: deps.instanceId ?? null,
    createdAt: deps.clock(),
  });
}
