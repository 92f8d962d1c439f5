import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root.ts';

/** A Debrief server started for one test file, with its own fresh data directory. */
export interface RunningServer {
  url: string;
  /** Everything the server printed, for diagnosing failures. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Asks the OS for a port nobody listens on. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
}

/**
 * How long a starting server may take to answer its health check. A fresh data directory is
 * initialised and migrated first, which took over 90 s on a two-core runner shared with other
 * suites; the wait ends as soon as the server is healthy, so only a stuck start waits this long.
 */
const healthDeadlineMs = 300_000;

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const started = Date.now();
  const deadline = started + healthDeadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`debrief serve exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      // One attempt must not outlive the deadline on a server that accepts but never answers.
      const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `debrief serve did not become healthy at ${url} in ${Date.now() - started} ms:\n${output()}`,
  );
}

/** How to start a server: `env` adds settings (a tracker on loopback, say). */
export interface StartServerOptions {
  env?: Record<string, string>;
  /** Serve from this PostgreSQL database instead of a fresh data directory. */
  databaseUrl?: string;
}

/**
 * Starts `debrief serve` on a free port over a fresh data directory and waits until healthy.
 * `DEBRIEF_E2E_URL` points the suite at an already running (fresh) server instead.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const external = process.env.DEBRIEF_E2E_URL;
  if (external) {
    // A server someone started by hand (it must be fresh: the journey begins with setup).
    return { url: external.replace(/\/$/, ''), output: () => '', stop: async () => {} };
  }
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'debrief-e2e-'));
  const child = spawn(
    process.execPath,
    [
      'bin/debrief.js',
      'serve',
      '--port',
      String(port),
      ...(options.databaseUrl ? ['--database-url', options.databaseUrl] : ['--data-dir', dataDir]),
    ],
    { cwd: repoRoot, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop };
}
