import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/storage/schema.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
  tokenClient,
} from '../http/test-server.ts';
import { testDatabaseKinds } from '../support/test-database.ts';
import { arbitraryFor, type JsonSchema } from './support/schema-arbitrary.ts';

/**
 * Hostile input over every route of the OpenAPI document (the route table, generated from the
 * zod contracts): bodies, queries and path ids built from each route's own schema, mostly
 * well-formed so that they reach the use cases and the database, with NUL bytes, lone
 * surrogates, year-0000 instants, extreme numbers and forged ids mixed in. No answer may be a
 * 5xx, and a refused write must leave no trace (the audit trail does not grow).
 *
 * `DEBRIEF_HOSTILE_CASES` sets the total number of requests (default 10,000, spread over the
 * routes). Raw-body routes (webhooks, uploads) are fuzzed with their converters elsewhere.
 */
const totalCases = Number(process.env.DEBRIEF_HOSTILE_CASES ?? 10_000);
const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';
// Event streams never end by design (their only input, the path id, is covered by the live
// updates' own tests and the restricted-content matrix).
const skippedPaths = [/^\/api\/v1\/webhooks\//, /\/imports$/, /\/events$/];

interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  parameters: Array<{ in: string; name: string; schema: JsonSchema; required?: boolean }>;
  body?: JsonSchema;
}

describe(`hostile input on every route [${kind}]`, () => {
  let server: TestServer;
  let admin: ApiClient;
  let operations: Operation[] = [];
  let resolve: (ref: string) => JsonSchema;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    const session = await server.setUpAdmin();
    const member = await server.signUp(session, 'member');
    const incident = (await session.post('/api/v1/incidents', incidentBody())).json().data;
    const postmortem = (
      await session.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    ids.push(incident.id, postmortem.id, member.user.id, randomUUID());
    const token = (
      await session.post('/api/v1/tokens', { name: 'fuzz', scopes: ['read', 'write', 'webhook'] })
    ).json().data.token;
    admin = tokenClient(server.app, session.user, token);
    const document = (await server.anonymous.get('/api/v1/openapi.json')).json();
    resolve = (ref) => document.components.schemas[ref.split('/').pop() ?? ''];
    for (const [path, methods] of Object.entries<Record<string, Record<string, unknown>>>(
      document.paths,
    )) {
      if (skippedPaths.some((skipped) => skipped.test(path))) {
        continue;
      }
      for (const [method, op] of Object.entries(methods)) {
        const body = (
          op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined
        )?.content?.['application/json']?.schema;
        operations.push({
          method: method.toUpperCase() as Operation['method'],
          path,
          parameters: (op.parameters as Operation['parameters'] | undefined) ?? [],
          ...(body ? { body } : {}),
        });
      }
    }
    operations = operations.filter((op) => op.method !== ('HEAD' as string));
  });
  afterAll(() => server.close());

  const auditCount = async () =>
    (await server.handle.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;

  /**
   * Search words are handed to PostgreSQL's text-search parser: its operator characters, words
   * made of stop words only, over-long words and control characters must not reach a 5xx.
   * `400` where the edge refuses the text, a 200 otherwise.
   */
  const searchRows: Array<{ q: string; status?: number }> = [
    { q: '%00', status: 400 },
    { q: 'pool%00exhausted', status: 400 },
    { q: '%ED%A0%80' },
    { q: encodeURIComponent("'):*&|!<->(") },
    { q: encodeURIComponent('""""') },
    { q: encodeURIComponent('- - or or -') },
    { q: encodeURIComponent('the and of') },
    { q: encodeURIComponent("\\\\'") },
    { q: encodeURIComponent('x'.repeat(500)) },
    { q: encodeURIComponent('x'.repeat(501)), status: 400 },
    { q: encodeURIComponent('\u0002\u0003\u0007\u001b[31m') },
    { q: encodeURIComponent('🔥 über 検索 ترتيب') },
    { q: encodeURIComponent('<script>alert(1)</script>') },
    { q: encodeURIComponent('a b '.repeat(120)) },
  ];

  it.each(searchRows)('search words $q answer below 500', async ({ q, status }) => {
    const response = await admin.get(`/api/v1/search?q=${q}`);
    if (status) {
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    } else {
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it('answers every generated request below 500, and refused writes write nothing', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const perOperation = Math.max(5, Math.ceil(totalCases / operations.length));
    const idArbitrary = fc.constantFrom(...ids);
    const pathValue = fc.oneof(
      { weight: 6, arbitrary: idArbitrary },
      {
        weight: 1,
        arbitrary: fc.constantFrom('not-a-uuid', '%00', '%ED%A0%80', '0', 'a'.repeat(99)),
      },
    );
    const failures: string[] = [];
    for (const op of operations) {
      const context = { ids: idArbitrary, resolve };
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      const queryParams = op.parameters.filter((p) => p.in === 'query');
      const request = fc.record({
        path: fc.tuple(...pathParams.map(() => pathValue)),
        query: fc.tuple(
          ...queryParams.map((p) => fc.option(arbitraryFor(p.schema, context), { nil: undefined })),
        ),
        body: op.body ? arbitraryFor(op.body, context) : fc.constant(undefined),
      });
      await fc
        .assert(
          fc.asyncProperty(request, async ({ path, query, body }) => {
            let url = op.path;
            pathParams.forEach((p, i) => {
              url = url.replace(`{${p.name}}`, String(path[i]));
            });
            const queryObject: Record<string, string> = {};
            queryParams.forEach((p, i) => {
              const value = query[i];
              if (value !== undefined) {
                queryObject[p.name] = typeof value === 'string' ? value : JSON.stringify(value);
              }
            });
            const before = op.method === 'GET' ? 0 : await auditCount();
            const response = await admin.request({
              method: op.method,
              url,
              query: queryObject,
              ...(body === undefined ? {} : { payload: body as object }),
              ...(op.method === 'PATCH' || op.method === 'PUT' || op.method === 'DELETE'
                ? { ifMatch: 1 }
                : {}),
            });
            if (response.statusCode >= 500) {
              failures.push(
                `${op.method} ${op.path} → ${response.statusCode}: ${JSON.stringify({ url, query: queryObject, body }).slice(0, 300)}`,
              );
              return false;
            }
            if (
              op.method !== 'GET' &&
              response.statusCode >= 400 &&
              (await auditCount()) !== before
            ) {
              failures.push(
                `${op.method} ${op.path} → ${response.statusCode} but the audit trail grew`,
              );
              return false;
            }
            return true;
          }),
          { numRuns: perOperation, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
