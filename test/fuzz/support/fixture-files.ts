import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedFixture } from '../../support/fixture-path.ts';

/** The vendor payloads of the shared fixtures beside the repository. */
export const payloadsDir = sharedFixture('payloads');

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
