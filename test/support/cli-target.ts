import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { DatabaseHandle } from '../../src/storage/open-database.ts';

/** Where the real `debrief` binary finds a test server's data: its flags, and how to clean up. */
export interface CliTarget {
  args: string[];
  remove(): Promise<void>;
}

/**
 * The flags that point the CLI at what a test server has written. PostgreSQL is shared as it is
 * in production (`--database-url`). An in-memory PGlite cannot be opened by a second process, so
 * its current state is copied into a data directory of its own (`--data-dir`): later writes of
 * the server do not reach that copy.
 */
export async function cliTargetOf(handle: DatabaseHandle): Promise<CliTarget> {
  const target = handle.queueTarget;
  if (target.kind === 'postgres') {
    return { args: ['--database-url', target.url], remove: async () => {} };
  }
  if (!(target.instance instanceof PGlite)) {
    throw new Error('only an in-memory PGlite can be copied for the CLI');
  }
  const dump = await target.instance.dumpDataDir('none');
  const dataDir = await mkdtemp(join(tmpdir(), 'debrief-cli-copy-'));
  const copy = new PGlite(dataDir, { loadDataDir: dump });
  await copy.waitReady;
  await copy.close();
  return {
    args: ['--data-dir', dataDir],
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
