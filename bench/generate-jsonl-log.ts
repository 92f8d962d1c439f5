/**
 * Bench input: a JSON-lines application log of about `bytes` bytes, streamed to disk. Mostly
 * info lines (requests served), with warning/error bursts (timeouts, pool exhaustion, restarts)
 * every few minutes — the shape of a real incident log. Deterministic: a seeded PRNG.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** A small seeded PRNG (mulberry32), so every run writes the same bytes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const paths = ['/api/orders', '/api/payments', '/api/users', '/health', '/api/cart', '/api/search'];
const troubles = [
  (n: number) => ({
    level: 'error',
    logger: 'db',
    msg: `db timeout to "payments-db" after ${5000 + n} ms`,
  }),
  (n: number) => ({
    level: 'warn',
    logger: 'pool',
    msg: `connection pool exhausted (${n % 64}/64 in use)`,
  }),
  (n: number) => ({
    level: 'error',
    logger: 'http',
    msg: `upstream 10.0.${n % 255}.7 returned 503`,
  }),
  (n: number) => ({
    level: 'fatal',
    logger: 'worker',
    msg: `worker pod-${(n % 4096).toString(16)} restarted after panic`,
  }),
];

/** Writes the log; resolves with the bytes and lines written. */
export async function generateJsonlLog(
  path: string,
  bytes: number,
  seed = 42,
): Promise<{ bytes: number; lines: number }> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  let written = 0;
  let lines = 0;
  let ms = Date.UTC(2026, 0, 15, 13, 0, 0);
  let batch = '';
  while (written < bytes) {
    ms += Math.floor(random() * 4) + 1;
    const minute = Math.floor(ms / 60_000);
    // A burst of one kind of trouble during one minute in seven.
    const trouble =
      minute % 7 === 0 && random() < 0.3 ? troubles[minute % troubles.length] : undefined;
    const fields = trouble
      ? trouble(lines)
      : {
          level: random() < 0.05 ? 'debug' : 'info',
          logger: 'http',
          msg: `GET ${paths[lines % paths.length]}/${Math.floor(random() * 1e6)} 200 in ${Math.floor(random() * 300)} ms`,
        };
    const line = `${JSON.stringify({
      time: new Date(ms).toISOString(),
      ...fields,
      request_id: `req-${Math.floor(random() * 2 ** 32).toString(16)}`,
      host: `web-${lines % 12}`,
    })}\n`;
    batch += line;
    written += Buffer.byteLength(line);
    lines += 1;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) {
        await once(out, 'drain');
      }
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  return { bytes: written, lines };
}
