import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
} from '@electric-sql/pglite';

/** A statement parsed once under a name, with the parameter types PostgreSQL gave it. */
interface NamedStatement {
  name: string;
  parameterTypes: number[];
}

/**
 * Runs statements on PGlite as named prepared statements, each text parsed once: PGlite's own
 * `query` parses, analyses and plans every statement anew in its WebAssembly, which for a
 * statement read on every request (the snapshot's 8,000 characters, the postmortem's row) cost
 * milliseconds each time. After its first runs PostgreSQL plans a named statement once too, when
 * its generic plan costs no more than the plans made for the values at hand. The messages are
 * those `query` sends (bind, describe, execute, sync), and the answer is parsed by PGlite's own
 * `parseResults`, so rows, parsers and errors are as from `query`.
 *
 * `inTransaction` says the caller already holds PGlite's transaction (the statement runs in
 * it); otherwise the statement waits for any open transaction, as `query` does.
 */
export function preparedRunner(db: PGlite) {
  const statements = new Map<string, NamedStatement>();

  const exchange = (message: Uint8Array) =>
    db.execProtocolStream(message, { syncToFs: false, throwOnError: true });

  const prepare = async (text: string): Promise<NamedStatement> => {
    const known = statements.get(text);
    if (known) {
      return known;
    }
    const name = `debrief_prepared_${statements.size + 1}`;
    const { serialize } = protocol;
    const messages = await exchange(
      concat([
        serialize.parse({ name, text }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
    );
    const statement = { name, parameterTypes: parse.parseDescribeStatementResults(messages) };
    statements.set(text, statement);
    return statement;
  };

  const run = async (text: string, params: unknown[], options: QueryOptions): Promise<Results> => {
    const statement = await prepare(text);
    const values = params.map((value, index) => {
      if (value === null || value === undefined) {
        return null;
      }
      const serializer = db.serializers[statement.parameterTypes[index] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const { serialize } = protocol;
    const messages = await exchange(
      concat([
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
    );
    const [result] = parse.parseResults(messages, db.parsers, options);
    if (!result) {
      throw new Error('the prepared statement returned no result');
    }
    return result;
  };

  return async function runPrepared(
    text: string,
    params: unknown[],
    options: QueryOptions,
    inTransaction: boolean,
  ): Promise<Results> {
    if (inTransaction) {
      return db._runExclusiveQuery(() => withQuery(text, () => run(text, params, options)));
    }
    return db._runExclusiveTransaction(() =>
      db._runExclusiveQuery(async () => {
        const result = await withQuery(text, () => run(text, params, options));
        await db.syncToFs();
        return result;
      }),
    );
  };
}

/** Names the statement on a failure, as PGlite's `query` does (its values stay out). */
async function withQuery<T>(text: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && !('query' in error)) {
      Object.assign(error, { query: text });
    }
    throw error;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
