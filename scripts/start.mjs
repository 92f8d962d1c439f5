// `npm start`: the build check (scripts/build.mjs, which builds only what changed) and then
// `debrief serve`, in one Node process instead of two started one after the other.
// `npm start -- --port 4000` passes its arguments to `serve`.
await import('./build.mjs');
process.argv.splice(2, 0, 'serve');
await import('../bin/debrief.js');
