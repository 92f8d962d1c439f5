// Preloaded with `node --import` by bench/startup.ts: on exit, appends the process's CPU time
// (user + system, ms) to the file named by BENCH_CPU_FILE, so that a run is timed end to end
// in CPU as well as wall time.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(file, `${(user + system) / 1000}\n`);
  });
}
