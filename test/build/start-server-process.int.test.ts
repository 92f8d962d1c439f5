import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serverEnvironment, serverRelaunch } from '../../scripts/server-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'debrief-start-process-'));
/** Processes a failed test may have left running. */
const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already stopped, as it should be.
    }
  }
  rmSync(work, { recursive: true, force: true });
});

/** package.json's start script, as npm runs it. */
const startScript = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start;

/** The address a starting server prints once it is running; rejects if it exits first. */
function serverUrl(start: ChildProcessWithoutNullStreams): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      const running = /running at (http:\/\/\S+?)\//.exec(output);
      if (running?.[1]) {
        resolve(running[1]);
      }
    };
    start.stdout.on('data', collect);
    start.stderr.on('data', collect);
    start.on('exit', (code) => reject(new Error(`npm start exited ${code}:\n${output}`)));
  });
}

const current = {
  env: { PATH: '/usr/bin', DEBRIEF_DATA_DIR: '/srv/debrief' },
  platform: 'linux',
  execPath: '/usr/bin/node',
  execArgv: ['--max-semi-space-size=4'],
  argv: ['/usr/bin/node', '/opt/debrief/scripts/start.mjs', '--port', '4000'],
};

describe('npm start runs the server with glibc limited to two malloc arenas', () => {
  it('starts itself again on Linux with the same Node flags and arguments, adding MALLOC_ARENA_MAX=2', () => {
    expect(serverRelaunch(current)).toEqual({
      command: '/usr/bin/node',
      args: ['--max-semi-space-size=4', '/opt/debrief/scripts/start.mjs', '--port', '4000'],
      env: { PATH: '/usr/bin', DEBRIEF_DATA_DIR: '/srv/debrief', MALLOC_ARENA_MAX: '2' },
    });
  });

  it('runs in place once the variable is set, keeping a value the operator chose', () => {
    expect(serverRelaunch({ ...current, env: { MALLOC_ARENA_MAX: '2' } })).toBeUndefined();
    expect(serverRelaunch({ ...current, env: { MALLOC_ARENA_MAX: '8' } })).toBeUndefined();
  });

  it('runs in place where the C library is not glibc', () => {
    expect(serverRelaunch({ ...current, platform: 'darwin' })).toBeUndefined();
    expect(serverRelaunch({ ...current, platform: 'win32' })).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    'npm start’s own command gives the variable to the one server process, with no parent beside it',
    async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' };
      delete env.MALLOC_ARENA_MAX;
      // npm runs a script as `sh -c '<script> <arguments>'`.
      const script = `${startScript} --port 0 --data-dir ${join(work, 'npm-data')}`;
      const start = spawn('sh', ['-c', script], { cwd: root, env });
      started.push(start.pid as number);
      const url = await serverUrl(start);
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);

      const own = (file: string, pid = start.pid) => readFileSync(`/proc/${pid}/${file}`, 'utf8');
      expect(own('environ').split('\0')).toContain('MALLOC_ARENA_MAX=2');
      expect(own('cmdline').split('\0')).toContain('scripts/start.mjs');
      const children = own(`task/${start.pid}/children`).trim().split(/\s+/).filter(Boolean);
      for (const child of children) {
        expect(own('cmdline', Number(child))).not.toContain('start.mjs');
      }

      const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
      start.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );

  it.runIf(process.platform === 'linux')(
    'serves from a process that has the variable and npm start’s Node flags, and stops with it on SIGTERM',
    async () => {
      const flags = startScript.split(/\s+/).filter((part) => part.startsWith('--'));
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' };
      delete env.MALLOC_ARENA_MAX;
      const start = spawn(
        process.execPath,
        [...flags, 'scripts/start.mjs', '--port', '0', '--data-dir', join(work, 'data')],
        { cwd: root, env },
      );
      started.push(start.pid as number);
      const url = await serverUrl(start);
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);

      const children = readFileSync(`/proc/${start.pid}/task/${start.pid}/children`, 'utf8').trim();
      expect(children).toMatch(/^\d+$/);
      const server = Number(children);
      started.push(server);
      const environ = readFileSync(`/proc/${server}/environ`, 'utf8').split('\0');
      for (const [name, value] of Object.entries(serverEnvironment)) {
        expect(environ).toContain(`${name}=${value}`);
      }
      const command = readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0');
      expect(command.slice(1, 1 + flags.length)).toEqual(flags);
      expect(command[1 + flags.length]).toBe(join(root, 'scripts', 'start.mjs'));

      const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
      start.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(() => readFileSync(`/proc/${server}/status`)).toThrow();
    },
  );
});
