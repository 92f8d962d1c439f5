import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../../../storage/data-dir-lock.ts';
import { uploadDirPrefix } from './receive-upload.ts';

/** Folders named without a process id (older versions) are removed once they are this old. */
const unnamedAfterMs = 24 * 60 * 60 * 1000;

/**
 * Removes the upload folders of servers that died mid-import: an import removes its upload
 * when it ends, but a killed process never gets there. A folder whose process still runs (another
 * instance on this machine, or this one) is left alone; so is a young one of an older version,
 * which named its folders without a process id. Resolves with the folders removed.
 */
export async function removeOrphanedUploads(dir = tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(uploadDirPrefix)) {
      continue;
    }
    const owner = /^(\d+)-/.exec(name.slice(uploadDirPrefix.length))?.[1];
    const path = join(dir, name);
    const orphaned =
      owner === undefined
        ? now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs > unnamedAfterMs
        : Number(owner) !== process.pid && !isProcessAlive(Number(owner));
    if (orphaned) {
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
