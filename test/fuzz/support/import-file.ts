import type { AppDeps } from '../../../src/app/app-deps.ts';
import { importFile } from '../../../src/app/imports/import-file.ts';
import type { Actor } from '../../../src/domain/user.ts';
import type { ImportOptions } from '../../../src/importers/source-converter.ts';

/**
 * Runs one import of a file or folder through the use case the API and the CLI share
 * (`importFile`). Errors before the job exists are returned, not thrown.
 */
export async function importPath(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  path: string,
  source?: string,
  options: ImportOptions = {},
) {
  try {
    const started = await importFile(deps, actor, {
      postmortemId,
      locate: async () => ({ path }),
      source,
      options,
    });
    return await started.finished;
  } catch (error) {
    return { job: undefined, outcome: undefined, error };
  }
}
