// How `npm start` runs the server process: the environment it needs from its first instruction
// on, which a running process cannot give itself, so scripts/start.mjs starts the server again
// with it when it is missing.

/**
 * glibc's malloc gives each thread that allocates an arena of its own, up to 8 per core, and
 * gives little of an arena back. The server's threads (its own, PGlite's, V8's compilers and GC
 * helpers, libuv's pool) held 80–100 MB of malloc memory under `bench/memory.ts`'s reads; with
 * two arenas the same work held 50–70 MB. Read by glibc when the process starts; other C
 * libraries ignore it.
 */
export const serverEnvironment = Object.freeze({ MALLOC_ARENA_MAX: '2' });

/**
 * The command that starts this process again with `serverEnvironment`, or `undefined` when it
 * already runs with it (or on a system without glibc's malloc). The Node flags and arguments
 * stay as they are.
 *
 * @param {{ env: NodeJS.ProcessEnv, platform: string, execPath: string, execArgv: string[], argv: string[] }} current
 * @returns {{ command: string, args: string[], env: NodeJS.ProcessEnv } | undefined}
 */
export function serverRelaunch({ env, platform, execPath, execArgv, argv }) {
  if (platform !== 'linux') {
    return undefined;
  }
  const missing = Object.entries(serverEnvironment).filter(([name]) => env[name] === undefined);
  if (missing.length === 0) {
    return undefined;
  }
  return {
    command: execPath,
    args: [...execArgv, ...argv.slice(1)],
    env: { ...env, ...Object.fromEntries(missing) },
  };
}
