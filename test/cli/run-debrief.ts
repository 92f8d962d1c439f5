import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What a finished `debrief` process left behind. */
export interface DebriefRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `debrief` binary, as a user would, with the database and policy variables
 * cleared so that only the given flags (and `env`) choose them.
 */
export function runDebrief(args: string[], env: Record<string, string> = {}): Promise<DebriefRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/debrief.js', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DEBRIEF_DATA_DIR: '', DEBRIEF_POLICY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
