import type { PutServiceBody } from '../../contracts/services.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Service } from '../../domain/service.ts';
import type { Actor } from '../../domain/user.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertCatalogueWriter, assertNoIssues, catalogueIssues } from './check-catalogue.ts';

function staleVersion(currentVersion: number | null, expectedVersion: number): DomainError {
  return new DomainError('VERSION_MISMATCH', 'The service was changed by someone else.', {
    details: { currentVersion, expectedVersion },
  });
}

/**
 * Creates a service or replaces its description and dependencies. Replacing needs the version
 * last read (`If-Match`): PRECONDITION_REQUIRED without it, VERSION_MISMATCH when stale.
 * Audited as `service.created` or `service.updated`.
 */
export async function putService(
  deps: AppDeps,
  actor: Actor,
  name: string,
  input: PutServiceBody,
  expectedVersion: number | undefined,
): Promise<{ service: Service; created: boolean }> {
  assertCatalogueWriter(actor);
  return inTransaction(deps, async (tx) => {
    const existingNames = await servicesRepository.existingNames(tx.db, input.dependsOn);
    assertNoIssues(
      catalogueIssues([{ name, dependsOn: input.dependsOn }], existingNames, () => 'body'),
    );
    const current = await servicesRepository.findService(tx.db, name, { forUpdate: true });
    if (current) {
      if (expectedVersion === undefined) {
        throw new DomainError(
          'PRECONDITION_REQUIRED',
          'The service exists: send If-Match with the ETag you last read.',
        );
      }
      const version = await servicesRepository.updateService(tx.db, name, expectedVersion, {
        description: input.description,
        team: input.team,
        ownerUserId: input.ownerUserId,
      });
      if (version === undefined) {
        throw staleVersion(current.version, expectedVersion);
      }
    } else {
      if (expectedVersion !== undefined) {
        throw staleVersion(null, expectedVersion);
      }
      await servicesRepository.insertService(tx.db, {
        name,
        description: input.description,
        team: input.team,
        ownerUserId: input.ownerUserId,
        createdAt: tx.clock(),
      });
    }
    await servicesRepository.replaceDependencies(tx.db, name, input.dependsOn);
    await recordAudit(tx, {
      actorId: actor.id,
      action: current ? 'service.updated' : 'service.created',
      subjectType: 'service',
      subjectId: name,
      data: {
        dependsOn: input.dependsOn,
        ...(current ? { dependsOnBefore: current.dependsOn } : {}),
      },
    });
    const service = await servicesRepository.findService(tx.db, name);
    if (!service) {
      throw new Error('service vanished inside its own transaction');
    }
    return { service, created: !current };
  });
}
