/** The environment `npm start` runs the server with (glibc's `MALLOC_ARENA_MAX`). */
export const serverEnvironment: Readonly<Record<string, string>>;
/** The command that starts the process again with `serverEnvironment`, or `undefined`. */
export function serverRelaunch(current: {
  env: NodeJS.ProcessEnv;
  platform: string;
  execPath: string;
  execArgv: string[];
  argv: string[];
}): { command: string; args: string[]; env: NodeJS.ProcessEnv } | undefined;
