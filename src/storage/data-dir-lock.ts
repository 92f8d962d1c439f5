import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** True when a process with this id runs (or exists but is not ours to signal). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory's lock file, so that a second process (a CLI run while the server
 * is up) cannot open the same PGlite files: two writers would corrupt them. A lock left by a
 * process that died is taken over. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = join(dataDir, 'debrief.lock');
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(
        `The data directory ${dataDir} is in use by process ${holder}. Stop it first, or point this command at PostgreSQL with DATABASE_URL.`,
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}
