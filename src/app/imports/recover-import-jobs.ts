import { importJobsRepository } from '../../storage/repositories/import-jobs-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';

/** The error a job keeps when the server running it stopped before it ended. */
export const interruptedImport = {
  code: 'IMPORT_INTERRUPTED',
  detail:
    'The server stopped while this import ran, so nothing of it was stored. Import the file again.',
} as const;

/**
 * Ends the imports that a stopped server left `queued` or `running` (after `kill -9` or a crash
 * nothing else would): each becomes `failed` with IMPORT_INTERRUPTED. An import is one
 * transaction, so a cut-off one wrote nothing and failing it loses nothing; re-importing the
 * file is the resumption. Only jobs created before `startedAt` (this server's start) whose owner
 * is gone are touched: a job's run lock is held by the transaction that runs it, but a job just
 * created has no run lock yet, so the process that created it is asked too — through its
 * instance lease (`storage/instance-lease.ts`), which another live instance on the same
 * PostgreSQL holds for its whole life. Resolves with the ids of the jobs it failed.
 */
export async function recoverImportJobs(deps: AppDeps, startedAt: Date): Promise<string[]> {
  return inTransaction(deps, async (tx) => {
    const recovered: string[] = [];
    for (const job of await importJobsRepository.listUnfinished(tx.db, startedAt)) {
      const ownerGone =
        job.instanceId === null ||
        (await importJobsRepository.isInstanceGone(tx.db, job.instanceId));
      if (ownerGone && (await importJobsRepository.tryRunLock(tx.db, job.id))) {
        await importJobsRepository.update(tx.db, job.id, {
          status: 'failed',
          error: { ...interruptedImport },
          finishedAt: tx.clock(),
        });
        recovered.push(job.id);
      }
    }
    return recovered;
  });
}
