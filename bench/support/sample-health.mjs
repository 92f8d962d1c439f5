// Child of bench/import-health.ts: asks GET <url> every `intervalMs` until stdin closes, then
// prints the latencies (ms) as JSON. A separate process, so that the sampler's own event loop
// never delays a sample of the server's. Its first fetch is made before the samples and kept
// apart: Node loads and compiles its HTTP client on a process's first fetch (30–50 ms here, even
// against an idle server), a cost of the sampler's, not of the server it asks.
const [url, intervalMs = '50'] = process.argv.slice(2);
const latencies = [];
let running = true;
process.stdin.on('close', () => {
  running = false;
});
process.stdin.resume();
const warmUpStarted = performance.now();
await fetch(url, { signal: AbortSignal.timeout(120_000) })
  .then((response) => response.arrayBuffer())
  .catch(() => undefined);
const warmUp = performance.now() - warmUpStarted;
while (running) {
  const asked = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    await response.arrayBuffer();
    latencies.push(response.ok ? performance.now() - asked : -1);
  } catch {
    latencies.push(-1);
  }
  const wait = Number(intervalMs) - (performance.now() - asked);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
}
process.stdout.write(JSON.stringify({ warmUp, latencies }));
