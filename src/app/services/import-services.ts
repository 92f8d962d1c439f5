import type { ImportServicesBody, ImportServicesResult } from '../../contracts/services.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertCatalogueWriter, assertNoIssues, catalogueIssues } from './check-catalogue.ts';

/**
 * Imports a catalogue: each listed service is created or replaced (description and
 * dependencies); services not listed stay as they are. All or nothing: every problem is
 * reported at once (paths under `pathPrefix`, none when empty) and nothing is written unless all are fine.
 * Audited once as `services.imported`.
 */
export async function importServices(
  deps: AppDeps,
  actor: Actor,
  input: ImportServicesBody,
  pathPrefix = 'body',
): Promise<ImportServicesResult> {
  assertCatalogueWriter(actor);
  return inTransaction(deps, async (tx) => {
    const catalogue = new Map(
      (await servicesRepository.listServices(tx.db)).map((s) => [s.name, s]),
    );
    assertNoIssues(
      catalogueIssues(input.services, new Set(catalogue.keys()), (index) =>
        pathPrefix ? `${pathPrefix}.services.${index}` : `services.${index}`,
      ),
    );
    const result: ImportServicesResult = { created: [], updated: [] };
    for (const entry of input.services) {
      const current = catalogue.get(entry.name);
      if (!current) {
        await servicesRepository.insertService(tx.db, {
          name: entry.name,
          description: entry.description,
          team: entry.team,
          ownerUserId: entry.ownerUserId,
          createdAt: tx.clock(),
        });
        result.created.push(entry.name);
        continue;
      }
      const version = await servicesRepository.updateService(tx.db, entry.name, current.version, {
        description: entry.description,
        team: entry.team,
        ownerUserId: entry.ownerUserId,
      });
      if (version === undefined) {
        throw new DomainError('VERSION_MISMATCH', `"${entry.name}" changed during the import.`, {
          details: { service: entry.name },
        });
      }
      result.updated.push(entry.name);
    }
    for (const entry of input.services) {
      await servicesRepository.replaceDependencies(tx.db, entry.name, entry.dependsOn);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'services.imported',
      subjectType: 'service_catalogue',
      subjectId: 'services',
      data: { created: result.created.length, updated: result.updated.length },
    });
    return result;
  });
}
