import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { AppDeps } from '../app/app-deps.ts';
import { loadPolicyFile } from '../app/load-policy-file.ts';
import { describePolicySource } from '../app/policy-source.ts';
import {
  type DatabaseHandle,
  type DatabaseTarget,
  openDatabase,
} from '../storage/open-database.ts';

/** Where Debrief keeps its data and which policy it runs under, from flags and environment. */
export interface RuntimeOptions {
  dataDir?: string;
  databaseUrl?: string;
  policy?: string;
}

/** The default embedded data directory, relative to where Debrief is started. */
export const defaultDataDir = './.debrief-data';

/** Flags win over environment variables, which win over defaults. */
export function resolveTarget(options: RuntimeOptions, env = process.env): DatabaseTarget {
  const url = options.databaseUrl ?? env.DATABASE_URL;
  if (url && !options.dataDir) {
    return { kind: 'postgres', url };
  }
  return {
    kind: 'pglite',
    dataDir: resolve(options.dataDir ?? env.DEBRIEF_DATA_DIR ?? defaultDataDir),
  };
}

/** An open, migrated database with the use-case dependencies built over it. */
export interface Runtime {
  handle: DatabaseHandle;
  deps: AppDeps;
  target: DatabaseTarget;
}

/** Loads the policy (failing fast on a bad file), opens and migrates the database. */
export async function openRuntime(options: RuntimeOptions, env = process.env): Promise<Runtime> {
  const policy = loadPolicyFile(options.policy ?? env.DEBRIEF_POLICY);
  const target = resolveTarget(options, env);
  const handle = await openDatabase(target);
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    handle,
    target,
    deps: {
      db: handle.db,
      clock: () => new Date(),
      newId: randomUUID,
      policy,
      policySource: describePolicySource(options.policy, env.DEBRIEF_POLICY),
    },
  };
}

/** Runs a command body against an open runtime and always closes it (releasing the PGlite lock). */
export async function withRuntime<T>(
  options: RuntimeOptions,
  body: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(options);
  try {
    return await body(runtime);
  } finally {
    await runtime.handle.close();
  }
}
