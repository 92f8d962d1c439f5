/**
 * The entry of the thread that owns a PGlite data directory (see `open-pglite-thread.ts`).
 * Every statement runs here, in PGlite's WebAssembly, so the server's own thread stays free to
 * answer requests. PGlite's one-connection rules hold as they are: a transaction is PGlite's own
 * `transaction()`, kept open until the main thread ends it, and anything sent outside it waits
 * for it in PGlite's mutex, exactly as in process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { openPgliteDir } from '../open-pglite-dir.ts';
import {
  isPreparedText,
  type PgliteRequest,
  type PgliteResponse,
  type PgliteThreadReady,
  serializeError,
  utf8ByteColumnsOf,
} from './protocol.ts';
import { preparedRunner } from './run-prepared.ts';

/** Thrown into PGlite's transaction callback so that PGlite rolls the transaction back. */
class RollbackRequested extends Error {}

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean, requestId: number): void;
}

const port = parentPort;
if (!port) {
  throw new Error('pglite-thread-main runs in a worker thread only');
}

function send(message: PgliteResponse | PgliteThreadReady, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

const utf8 = new TextEncoder();

/**
 * Turns the columns the statement names (`utf8ByteColumnsOf`) into UTF-8 bytes in place, and
 * gives their buffers, to be transferred rather than cloned.
 */
function toUtf8Bytes(request: Extract<PgliteRequest, { op: 'query' }>, result: unknown) {
  const columns = utf8ByteColumnsOf(request.text);
  const transfer: ArrayBuffer[] = [];
  if (columns.length === 0 || (request.rowMode ?? 'object') !== 'object') {
    return transfer;
  }
  for (const row of (result as { rows: Array<Record<string, unknown>> }).rows) {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') {
        const bytes = utf8.encode(value);
        row[column] = bytes;
        transfer.push(bytes.buffer as ArrayBuffer);
      }
    }
  }
  return transfer;
}

const identity = (value: string) => value;

function queryOptions(request: Extract<PgliteRequest, { op: 'query' }>) {
  const parsers: Record<number, (value: string) => string> = {};
  for (const type of request.textTypes ?? []) {
    parsers[type] = identity;
  }
  return { rowMode: request.rowMode ?? 'object', parsers };
}

function serve(db: PGlite): void {
  const transactions = new Map<number, OpenTransaction>();
  const listening = new Map<string, Promise<() => Promise<void>>>();
  let nextTxId = 1;
  const runPrepared = preparedRunner(db);

  const runner = (txId: number | undefined): Pick<Transaction, 'query' | 'exec'> => {
    if (txId === undefined) {
      return db;
    }
    const open = transactions.get(txId);
    if (!open) {
      throw new Error(`Transaction ${txId} is not open`);
    }
    return open.tx;
  };

  const begin = (requestId: number): void => {
    const txId = nextTxId++;
    let replyTo = requestId;
    db.transaction(async (tx) => {
      const commit = await new Promise<boolean>((resolve) => {
        transactions.set(txId, {
          tx,
          end(wanted, endId) {
            replyTo = endId;
            resolve(wanted);
          },
        });
        send({ id: requestId, ok: true, value: txId });
      });
      transactions.delete(txId);
      if (!commit) {
        throw new RollbackRequested();
      }
    }).then(
      () => send({ id: replyTo, ok: true, value: undefined }),
      (error: unknown) => {
        transactions.delete(txId);
        send(
          error instanceof RollbackRequested
            ? { id: replyTo, ok: true, value: undefined }
            : { id: replyTo, ok: false, error: serializeError(error) },
        );
      },
    );
  };

  const handle = async (request: PgliteRequest): Promise<unknown> => {
    switch (request.op) {
      case 'query': {
        const run = runner(request.txId);
        if (isPreparedText(request.text)) {
          const inTransaction = request.txId !== undefined;
          return runPrepared(request.text, request.params, queryOptions(request), inTransaction);
        }
        return run.query(request.text, request.params, queryOptions(request));
      }
      case 'exec':
        return runner(request.txId).exec(request.text);
      case 'listen': {
        if (!listening.has(request.channel)) {
          const channel = request.channel;
          listening.set(
            channel,
            db.listen(channel, (payload) => send({ op: 'notification', channel, payload })),
          );
        }
        await listening.get(request.channel);
        return undefined;
      }
      case 'unlisten': {
        const stop = listening.get(request.channel);
        listening.delete(request.channel);
        await (await stop)?.();
        return undefined;
      }
      case 'close':
        await db.close();
        return undefined;
      default:
        throw new Error(`Unknown request ${JSON.stringify(request)}`);
    }
  };

  port?.on('message', (request: PgliteRequest) => {
    if (request.op === 'begin') {
      begin(request.id);
      return;
    }
    if (request.op === 'end') {
      const open = transactions.get(request.txId);
      if (open) {
        open.end(request.commit, request.id);
      } else {
        send({
          id: request.id,
          ok: false,
          error: serializeError(new Error('Transaction is closed')),
        });
      }
      return;
    }
    handle(request).then(
      (value) => {
        const transfer = request.op === 'query' ? toUtf8Bytes(request, value) : [];
        send({ id: request.id, ok: true, value }, transfer);
        if (request.op === 'close') {
          port?.close();
        }
      },
      (error: unknown) => send({ id: request.id, ok: false, error: serializeError(error) }),
    );
  });
}

const { dataDir } = workerData as { dataDir: string };
openPgliteDir(dataDir).then(
  (db) => {
    serve(db);
    send({ op: 'ready' });
  },
  (error: unknown) => send({ op: 'failed', error: serializeError(error) }),
);
