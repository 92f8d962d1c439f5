/**
 * `debrief serve` in a process of its own, with the clock moved: `DEBRIEF_TEST_NOW` is the
 * instant the process starts at (time then runs on from it) and `DEBRIEF_TEST_QUEUE` the job
 * queue's shortened timings as JSON. Everything else — database, channels, port — comes from
 * the environment and flags exactly as for the real command.
 *
 *   node --import tsx test/support/serve-with-clock.ts
 */
import { serve } from '../../src/cli/commands/serve.ts';

const start = Date.parse(process.env.DEBRIEF_TEST_NOW ?? '');
if (Number.isNaN(start)) {
  process.stderr.write('DEBRIEF_TEST_NOW must be an ISO instant\n');
  process.exit(2);
}
const offset = start - Date.now();
await serve(
  { port: 0, host: '127.0.0.1' },
  {
    clock: () => new Date(Date.now() + offset),
    queue: JSON.parse(process.env.DEBRIEF_TEST_QUEUE ?? '{}'),
  },
);
