import type { AppDeps } from '../../../src/app/app-deps.ts';
import { openImportInput } from '../../../src/app/imports/open-import-input.ts';
import {
  chooseSource,
  createImportJob,
  runImportJob,
} from '../../../src/app/imports/start-import.ts';
import type { Actor } from '../../../src/domain/user.ts';
import type { ImportOptions } from '../../../src/importers/source-converter.ts';

/**
 * Runs one import of a file or folder the way the API and the CLI do: open, choose the source,
 * create the job, run it. Errors before the job exists are returned, not thrown.
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
    const opened = await openImportInput(path);
    const chosen = chooseSource(opened, source);
    const job = await createImportJob(deps, actor, postmortemId, opened, chosen, options);
    return await runImportJob(deps, actor, job, opened, chosen, options);
  } catch (error) {
    return { job: undefined, outcome: undefined, error };
  }
}
