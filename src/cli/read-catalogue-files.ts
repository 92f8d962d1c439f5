import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../domain/errors.ts';
import {
  readServiceCatalogue,
  type ServiceCatalogue,
} from '../importers/service-catalogue/read-service-catalogue.ts';

const catalogueFile = /\.(ya?ml|json)$/i;

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) {
    return [path];
  }
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(join(path, entry.name))
        : catalogueFile.test(entry.name)
          ? [join(path, entry.name)]
          : [],
    );
}

/**
 * Reads a service catalogue from one file or every `.yaml`/`.yml`/`.json` file of a folder:
 * Debrief's JSON or Backstage `catalog-info.yaml` (`readServiceCatalogue`).
 */
export function readCatalogueFiles(path: string): ServiceCatalogue {
  let files: Array<{ path: string; text: string }>;
  try {
    files = listFiles(path).map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
  } catch (error) {
    throw new DomainError('NOT_FOUND', `Cannot read ${path}.`, { cause: error, details: { path } });
  }
  return readServiceCatalogue(files);
}
