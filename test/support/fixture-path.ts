import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file or folder of the fixtures this project wrote in its own words (`test/fixtures`). */
export function ownFixture(path: string): string {
  return fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
}

/** The real-world fixtures beside the repository (`../shared/fixtures`), absent in a fresh clone. */
export function sharedFixture(path = ''): string {
  return fileURLToPath(new URL(`../../../shared/fixtures/${path}`, import.meta.url));
}

/**
 * True when the shared real-world fixtures are present; otherwise warns visibly that `suite`
 * runs without them (a fresh clone), so nothing is skipped silently.
 */
export function sharedFixturesPresent(suite: string): boolean {
  const present = existsSync(sharedFixture());
  if (!present) {
    console.warn(`${suite}: shared fixtures absent at ${sharedFixture()}; skipped`);
  }
  return present;
}
