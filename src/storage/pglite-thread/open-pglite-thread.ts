import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import {
  deserializeError,
  type PgliteRequest,
  type PgliteResponse,
  type PgliteThreadReady,
} from './protocol.ts';

/** What Debrief asks of a PGlite connection: drizzle, migrations, pg-boss and the change feed. */
export type PgliteConnection = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'listen' | 'close'>;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type Request = PgliteRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/**
 * The thread's entry. Built, it is JavaScript beside this file; from the sources (tests, `tsx`),
 * the thread registers tsx first, since a worker does not inherit the loader of its parent.
 */
function startWorker(dataDir: string): Worker {
  // V8 compiles PGlite's 9 MB of WebAssembly lazily and recompiles its hot functions with its
  // optimising compiler in the background. One compilation task instead of one per core costs
  // ≈ 0.1 s less CPU at start and ≈ 25 MB less resident memory (each task's allocations stay
  // with its thread's malloc arena), and tiers up the same functions. A process-wide V8 flag,
  // read when the thread compiles.
  setFlagsFromString('--wasm-num-compilation-tasks=1');
  const built = import.meta.url.endsWith('.js');
  const entry = new URL(`./pglite-thread-main.${built ? 'js' : 'ts'}`, import.meta.url);
  if (built) {
    return new Worker(entry, { workerData: { dataDir } });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData: { dataDir } });
}

/**
 * The type ids a query keeps as text. Drizzle's parsers for PGlite return the text unchanged
 * (dates, intervals and their arrays); functions cannot cross to the thread, so only such
 * parsers are accepted.
 */
function textTypes(options: QueryOptions | undefined): number[] | undefined {
  const parsers = options?.parsers;
  if (!parsers) {
    return undefined;
  }
  const probe = '2026-01-01 00:00:00+00';
  return Object.entries(parsers).map(([type, parser]) => {
    if (parser(probe, Number(type)) !== probe) {
      throw new Error(
        `A parser for type ${type} that changes the text cannot run in the PGlite thread`,
      );
    }
    return Number(type);
  });
}

/**
 * Opens the PGlite database in `dataDir` on a thread of its own and answers with a connection
 * that behaves as the PGlite instance would in process (one connection, transactions that hold
 * it, PostgreSQL's error fields), while every statement runs off the caller's thread.
 */
export async function openPgliteThread(dataDir: string): Promise<PgliteConnection> {
  const worker = startWorker(dataDir);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const pending = new Map<number, Pending>();
  const channels = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let failure: Error | undefined;

  // An idle thread does not keep the process alive; one with a question open does.
  const refWhileBusy = () => (pending.size > 0 ? worker.ref() : worker.unref());

  const call = (request: Request): Promise<unknown> => {
    if (failure) {
      return Promise.reject(failure);
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      refWhileBusy();
      worker.postMessage({ ...request, id });
    });
  };

  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) {
      reject(failure);
    }
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const onExit = (code: number) => reject(new Error(`The PGlite thread exited with ${code}`));
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.once('message', (message: PgliteThreadReady) => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (message.op === 'ready') {
        resolve();
      } else {
        void worker.terminate();
        reject(deserializeError(message.error));
      }
    });
  });

  worker.on('message', (message: PgliteResponse) => {
    if ('op' in message) {
      for (const listener of channels.get(message.channel) ?? []) {
        listener(message.payload);
      }
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    refWhileBusy();
    if (message.ok) {
      waiting?.resolve(message.value);
    } else {
      waiting?.reject(deserializeError(message.error));
    }
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`The PGlite thread exited with ${code}`)));
  refWhileBusy();

  const runner = (txId?: number) => ({
    query: <T>(text: string, params: unknown[] = [], options?: QueryOptions) =>
      call({
        op: 'query',
        text,
        params,
        ...(txId === undefined ? {} : { txId }),
        ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
        ...(options?.parsers ? { textTypes: textTypes(options) } : {}),
      }) as Promise<Results<T>>,
    exec: (text: string) =>
      call({ op: 'exec', text, ...(txId === undefined ? {} : { txId }) }) as Promise<Results[]>,
  });

  const listen = async (channel: string, callback: (payload: string) => void) => {
    let listeners = channels.get(channel);
    if (!listeners) {
      listeners = new Set();
      channels.set(channel, listeners);
      await call({ op: 'listen', channel });
    }
    listeners.add(callback);
    return async () => {
      listeners.delete(callback);
      if (listeners.size === 0 && channels.get(channel) === listeners) {
        channels.delete(channel);
        await call({ op: 'unlisten', channel });
      }
    };
  };

  const top = runner();
  const connection = {
    query: top.query,
    exec: top.exec,
    listen,
    async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      const txId = (await call({ op: 'begin' })) as number;
      let closed = false;
      const end = async (commit: boolean) => {
        closed = true;
        await call({ op: 'end', txId, commit });
      };
      const inside = runner(txId);
      const guarded =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        (...args: A) =>
          closed ? Promise.reject(new Error('Transaction is closed')) : run(...args);
      const tx = {
        query: guarded(inside.query),
        exec: guarded(inside.exec),
        sql: () => Promise.reject(new Error('sql`` is not available through the PGlite thread')),
        rollback: guarded(() => end(false)),
        listen: (channel: string, cb: (payload: string) => void) => listen(channel, cb),
        get closed() {
          return closed;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        if (!closed) {
          await end(false);
        }
        throw error;
      }
      if (!closed) {
        await end(true);
      }
      return result;
    },
    async close() {
      if (failure) {
        return;
      }
      await call({ op: 'close' });
      failure = new Error('The PGlite connection is closed');
      // The thread ends by itself once PGlite has closed; a stuck one is ended after 5 s.
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return connection as unknown as PgliteConnection;
}
