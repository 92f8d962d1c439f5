import { readFile } from 'node:fs/promises';
import { importServices } from '../../app/services/import-services.ts';
import { importServicesBodySchema } from '../../contracts/services.ts';
import { DomainError } from '../../domain/errors.ts';
import { printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface ServicesImportOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DomainError('NOT_FOUND', `Cannot read ${file}.`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('MALFORMED_REQUEST', `${file} is not valid JSON.`, { cause: error });
  }
}

/**
 * `debrief services import <file.json>`: `{ services: [{ name, description?, dependsOn }] }`,
 * all or nothing, every problem listed (paths as in the file, e.g. `services.2.dependsOn.0`).
 */
export async function servicesImport(file: string, options: ServicesImportOptions): Promise<void> {
  const input = importServicesBodySchema.parse(await readJson(file));
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const result = await importServices(deps, actor, input, '');
    printResult(options.json, result, () => [
      `Imported ${result.created.length + result.updated.length} service(s).`,
      ...(result.created.length > 0 ? [`  created: ${result.created.join(', ')}`] : []),
      ...(result.updated.length > 0 ? [`  updated: ${result.updated.join(', ')}`] : []),
    ]);
  });
}
