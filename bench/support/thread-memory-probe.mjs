// Preloaded into a server by `BENCH_HEAPS=1 npm run bench:memory` (Node's `--import`, which
// every worker thread runs too): on SIGUSR2 each thread writes what its V8 heap and its
// WebAssembly memories hold to `$BENCH_PROBE_DIR/<thread>.json`.
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';

const memories = [];
const NativeMemory = WebAssembly.Memory;
// PGlite creates its memory with `new WebAssembly.Memory`; keep each one to read its size.
WebAssembly.Memory = function Memory(descriptor) {
  const memory = new NativeMemory(descriptor);
  memories.push(memory);
  return memory;
};
WebAssembly.Memory.prototype = NativeMemory.prototype;

const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
const channel = new BroadcastChannel('debrief-bench-thread-memory');
channel.unref();
const record = () => {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [space.space_name, mb(space.space_size)]),
  );
  const thread = isMainThread ? 'main' : `worker-${threadId}`;
  writeFileSync(
    `${process.env.BENCH_PROBE_DIR}/${thread}.json`,
    JSON.stringify({
      thread,
      heapTotal: mb(usage.heapTotal),
      heapUsed: mb(usage.heapUsed),
      arrayBuffers: mb(usage.arrayBuffers),
      webAssemblyMemory: memories.map((memory) => mb(memory.buffer.byteLength)),
      oldSpace: spaces.old_space,
      newSpace: spaces.new_space,
      largeObjectSpace: spaces.large_object_space,
      codeSpace: spaces.code_space,
    }),
  );
};
channel.onmessage = record;
if (isMainThread) {
  process.on('SIGUSR2', () => {
    record();
    channel.postMessage('record');
  });
}
