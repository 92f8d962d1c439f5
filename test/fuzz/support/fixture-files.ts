import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ownFixture, sharedFixture } from '../../support/fixture-path.ts';

/** The vendor payloads of the shared fixtures beside the repository. */
export const payloadsDir = sharedFixture('payloads');

/** A fixture file: its absolute path, and its name for test titles (`own/…` or `shared/…`). */
export interface FixtureFile {
  name: string;
  path: string;
}

/** Every file under `root`, as paths relative to it, sorted; none when `root` is absent. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** Every fixture file under the shared payloads/, as paths relative to it, sorted. */
export function listFixtureFiles(): string[] {
  return filesUnder(payloadsDir);
}

/**
 * Every payload this project wrote (test/fixtures/payloads and intake), then every shared
 * payload when the shared fixtures are present: a fresh clone fuzzes and imports its own.
 */
export function listPayloadFiles(): FixtureFile[] {
  const own = ['payloads', 'intake'].flatMap((folder) =>
    filesUnder(ownFixture(folder)).map((file) => ({
      name: `own/${folder}/${file}`,
      path: ownFixture(`${folder}/${file}`),
    })),
  );
  const shared = listFixtureFiles().map((file) => ({
    name: `shared/${file}`,
    path: join(payloadsDir, file),
  }));
  return [...own, ...shared];
}
