// `npm start`: the build check (scripts/build.mjs, which builds only what changed) and then
// `debrief serve`, in one Node process instead of two started one after the other.
// `npm start -- --port 4000` passes its arguments to `serve`.
// package.json starts it with `--max-semi-space-size=4`: V8's young generation may otherwise
// grow to 2 × 16 MB per thread (the server's and PGlite's) while the modules load, and keeps
// it, ≈ 30 MB of the idle server's resident memory; at 4 MB the start costs no measurable CPU
// more. `--heap-growing-percent=50`: after a full collection V8 lets the JavaScript heap grow
// to up to 4× what survived before it collects again (its factor for heaps allowed 2 GB and
// more); under bench/memory.ts's reads the server thread's heap stood at 73–87 MB, at 1.5× at
// 64–65 MB, for a few more collections of a small heap.
// npm start's script sets scripts/server-process.mjs's environment and execs Node. Started
// without it on Linux, the process first starts itself again with it (glibc reads it only at a
// process's start); this one then only waits for it.
import { spawn } from 'node:child_process';
import { serverRelaunch } from './server-process.mjs';

const relaunch = serverRelaunch({
  env: process.env,
  platform: process.platform,
  execPath: process.execPath,
  execArgv: process.execArgv,
  argv: process.argv,
});

if (relaunch) {
  const server = spawn(relaunch.command, relaunch.args, { env: relaunch.env, stdio: 'inherit' });
  // npm passes a signal it receives on to this process, and a terminal's Ctrl-C reaches the
  // server too: each kind is passed on once, so the server sees what it saw before.
  const forwarded = new Set();
  const forward = (signal) => {
    if (!forwarded.has(signal)) {
      forwarded.add(signal);
      server.kill(signal);
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) {
    process.on(signal, forward);
  }
  server.on('exit', (code, signal) => {
    for (const name of signals) {
      process.off(name, forward);
    }
    if (signal) {
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
} else {
  await import('./build.mjs');
  process.argv.splice(2, 0, 'serve');
  await import('../bin/debrief.js');
}
