import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** What one `npm start` cost: time to a healthy server, and its resident memory once idle. */
export interface StartMeasure {
  healthyMs: number;
  /** CPU time of the whole `npm start` tree until healthy: unlike wall time, load cannot inflate it. */
  cpuToHealthyMs: number;
  idleRssMb: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function processRows() {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([p, pp, rss, comm]) => ({ pid: Number(p), ppid: Number(pp), rssKb: Number(rss), comm }));
}

function treeUnder(pid: number, rows: ReturnType<typeof processRows>): Set<number> {
  const under = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (!under.has(row.pid) && under.has(row.ppid)) {
        under.add(row.pid);
        grew = true;
      }
    }
  }
  return under;
}

/**
 * CPU time (ms) of `pid` and everything under it, the exited children included (their time
 * is in their parent's `cutime`/`cstime` once waited for), from /proc in clock ticks of 10 ms.
 */
export function cpuMsUnder(pid: number): number {
  let ticks = 0;
  for (const member of treeUnder(pid, processRows())) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    } catch {
      // It ended between the listing and the read; its parent counts it.
    }
  }
  return ticks * 10;
}

/** Resident memory (MB) of the `node` processes under `pid` (npm → sh → node serve). */
export function nodeRssUnder(pid: number): number {
  const rows = processRows();
  const under = treeUnder(pid, rows);
  // The server is the deepest node process; npm itself is node too, so take the largest child.
  const servers = rows.filter(
    (row) => row.pid !== pid && under.has(row.pid) && row.comm === 'node',
  );
  return Math.round(Math.max(0, ...servers.map((row) => row.rssKb)) / 1024);
}

/**
 * Runs `npm start` (build check included, as a user starts it) on a free port, on the PGlite
 * directory `dataDir` or on PostgreSQL (`{ databaseUrl }`), times it to the first healthy
 * answer, waits `idleMs`, measures RSS and stops it.
 */
export async function startedToHealthy(
  root: string,
  data: string | { databaseUrl: string },
  idleMs = 3_000,
): Promise<StartMeasure> {
  const port = await freePort();
  const started = performance.now();
  const where = typeof data === 'string' ? ['--data-dir', data] : [];
  const child = spawn('npm', ['start', '--', '--port', String(port), ...where], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: typeof data === 'string' ? '' : data.databaseUrl,
    },
  });
  const pid = child.pid as number;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`npm start exited with ${child.exitCode}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (response.ok) {
          break;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const healthyMs = performance.now() - started;
    const cpuToHealthyMs = cpuMsUnder(pid);
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    return { healthyMs, cpuToHealthyMs, idleRssMb: nodeRssUnder(pid) };
  } finally {
    process.kill(-pid, 'SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
}
