import { importServices } from '../../app/services/import-services.ts';
import { importServicesBodySchema } from '../../contracts/services.ts';
import { printResult } from '../output/print.ts';
import { readCatalogueFiles } from '../read-catalogue-files.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface ServicesImportOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
}

/**
 * `debrief services import <file|folder>`: Debrief's JSON (`{ services: [{ name, description?,
 * dependsOn }] }`) or Backstage `catalog-info.yaml` files, all or nothing, every problem listed
 * (paths as in the file, e.g. `services.2.dependsOn.0`); what is not a service is reported.
 */
export async function servicesImport(file: string, options: ServicesImportOptions): Promise<void> {
  const catalogue = readCatalogueFiles(file);
  const input = importServicesBodySchema.parse({ services: catalogue.services });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const result = await importServices(deps, actor, input, '');
    const report =
      catalogue.skipped.length > 0 ? { ...result, skipped: catalogue.skipped } : result;
    printResult(options.json, report, () => [
      `Imported ${result.created.length + result.updated.length} service(s).`,
      ...(result.created.length > 0 ? [`  created: ${result.created.join(', ')}`] : []),
      ...(result.updated.length > 0 ? [`  updated: ${result.updated.join(', ')}`] : []),
      ...(catalogue.skipped.length > 0
        ? [
            `  skipped (not services): ${catalogue.skipped.length}`,
            ...catalogue.skipped.slice(0, 20).map((s) => `    - ${s.where}: ${s.reason}`),
          ]
        : []),
    ]);
  });
}
