import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import {
  type ImportJob,
  importJobsRepository,
} from '../../storage/repositories/import-jobs-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** NOT_FOUND for an import job the actor may not see (through its postmortem). */
export async function getImportJob(deps: AppDeps, actor: Actor, id: string): Promise<ImportJob> {
  return inTransaction(deps, async (tx) => {
    const job = await importJobsRepository.findById(tx.db, id);
    if (!job) {
      throw new DomainError('NOT_FOUND', 'Import not found.');
    }
    await loadPostmortemFor(tx, actor, job.postmortemId, 'postmortem.read').catch(() => {
      throw new DomainError('NOT_FOUND', 'Import not found.');
    });
    return job;
  });
}

/** The imports of a postmortem the actor may see, newest first. */
export async function listImportJobs(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<ImportJob[]> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return importJobsRepository.listForPostmortem(tx.db, postmortemId);
  });
}
