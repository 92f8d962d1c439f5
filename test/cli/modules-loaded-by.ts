import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const recorder = fileURLToPath(new URL('./record-module-loads.mjs', import.meta.url));

/** Runs the real `debrief` binary and lists every module URL it loaded (ESM and CommonJS). */
export async function modulesLoadedBy(
  args: string[],
): Promise<{ code: number | null; urls: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-modules-'));
  const file = join(dir, 'loaded.txt');
  try {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', recorder, 'bin/debrief.js', ...args], {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, DATABASE_URL: '', DEBRIEF_POLICY: '', DEBRIEF_RECORD_MODULES: file },
      });
      child.on('close', resolve);
    });
    const text = await readFile(file, 'utf8').catch(() => '');
    return { code, urls: text.split('\n').filter(Boolean) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
