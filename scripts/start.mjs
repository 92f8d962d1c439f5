// `npm start`: the build check (scripts/build.mjs, which builds only what changed) and then
// `debrief serve`, in one Node process instead of two started one after the other.
// `npm start -- --port 4000` passes its arguments to `serve`.
// package.json starts it with `--max-semi-space-size=4`: V8's young generation may otherwise
// grow to 2 × 16 MB per thread (the server's and PGlite's) while the modules load, and keeps
// it, ≈ 30 MB of the idle server's resident memory; at 4 MB the start costs no measurable CPU
// more.
await import('./build.mjs');
process.argv.splice(2, 0, 'serve');
await import('../bin/debrief.js');
