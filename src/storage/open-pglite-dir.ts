import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's own start parameters (which already skip fsync) with a 16 MB buffer cache instead
 * of PostgreSQL's 128 MB: the cache lives in the WebAssembly heap of the server process, which
 * never gives memory back, so it is most of the idle RSS. 16 MB holds the working set of a team's
 * reviews many times over; PostgreSQL mode is unaffected.
 */
export const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates the database files of a new data directory in a short-lived child process. initdb
 * runs in a WebAssembly instance of its own whose memory (≈ 500 MB) a process keeps until it
 * exits; done here, the server starts as lean on its first run as on every later one.
 */
async function initialiseInChildProcess(dataDir: string): Promise<void> {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
const db = await PGlite.create(${JSON.stringify(dataDir)});
await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite initdb exited with ${code}: ${stderr}`)),
    );
  });
}

/** Opens (creating when new) the PGlite database in `dataDir`. */
export async function openPgliteDir(dataDir: string): Promise<PGlite> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // A failed child (no spawn allowed, say) only costs memory: PGlite then creates it here.
    await initialiseInChildProcess(dataDir).catch(() => undefined);
  }
  return PGlite.create(dataDir, { startParams: pgliteStartParams });
}
