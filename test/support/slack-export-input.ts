import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ImportedEvent, ImportWarning } from '../../src/importers/imported-event.ts';
import { slackConverter } from '../../src/importers/slack/slack-converter.ts';
import type { ImportInput, ImportOptions } from '../../src/importers/source-converter.ts';

/** Every file under a folder, its subfolders' too. */
export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Files of an import given as (path, text) pairs, read lazily as an upload's are. */
export async function* filesOf(entries: Array<[string, string]>) {
  for (const [path, text] of entries) {
    yield { path, read: async () => text };
  }
}

/** A Slack export folder on disk as the import input of its files. */
export function folderInput(dir: string): ImportInput {
  const entries = walk(dir).map((path): [string, string] => [
    relative(dir, path),
    readFileSync(path, 'utf8'),
  ]);
  return { kind: 'files', fileName: 'export', files: filesOf(entries) };
}

/** Runs the Slack converter over an input and collects its events and warnings. */
export async function runSlackConverter(input: ImportInput, options: ImportOptions = {}) {
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  for await (const chunk of slackConverter.convert(input, options)) {
    events.push(...chunk.events);
    warnings.push(...(chunk.warnings ?? []));
  }
  return { events, warnings };
}
