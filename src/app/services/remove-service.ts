import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertCatalogueWriter } from './check-catalogue.ts';

/**
 * Removes a service at the expected version; the edges to and from it go too (other services
 * simply stop depending on it). Audited as `service.removed`.
 */
export async function removeService(
  deps: AppDeps,
  actor: Actor,
  name: string,
  expectedVersion: number,
): Promise<void> {
  assertCatalogueWriter(actor);
  await inTransaction(deps, async (tx) => {
    const current = await servicesRepository.findService(tx.db, name, { forUpdate: true });
    if (!current) {
      throw new DomainError('NOT_FOUND', 'Service not found.');
    }
    if (!(await servicesRepository.removeService(tx.db, name, expectedVersion))) {
      throw new DomainError('VERSION_MISMATCH', 'The service was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service.removed',
      subjectType: 'service',
      subjectId: name,
      data: { dependsOn: current.dependsOn },
    });
  });
}
