import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures folder beside the repository. */
export const payloadsDir = fileURLToPath(
  new URL('../../../../shared/fixtures/payloads', import.meta.url),
);

/** True when the fixtures are there; warns visibly when they are not. */
export function fixturesPresent(suite: string): boolean {
  const present = existsSync(payloadsDir);
  if (!present) {
    console.warn(`${suite} skipped: no fixtures at ${payloadsDir}`);
  }
  return present;
}

/** Every fixture file under payloads/, as paths relative to it, sorted. */
export function listFixtureFiles(): string[] {
  if (!existsSync(payloadsDir)) {
    return [];
  }
  return readdirSync(payloadsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(payloadsDir, join(e.parentPath, e.name)))
    .sort();
}
