import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/http/test-server.ts';
import { describeEachDatabase, openTestDatabase } from '../../test/support/test-database.ts';
import { defaultPolicy } from '../domain/policy.ts';
import { buildApp } from './build-app.ts';

describeEachDatabase('server platform', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  it('answers health and readiness without signing in', async () => {
    expect((await server.anonymous.get('/api/v1/health')).json()).toEqual({ status: 'ok' });
    expect((await server.anonymous.get('/api/v1/ready')).json()).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document and the docs UI', async () => {
    const response = await server.anonymous.get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/incidents',
      '/api/v1/postmortems/{id}/transitions',
      '/api/v1/action-items/{id}',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect((await server.anonymous.get('/api/docs/')).statusCode).toBe(200);
  });

  it('answers unknown API routes with a 404 problem (401 before signing in)', async () => {
    expect((await server.anonymous.get('/api/v1/nothing-here')).statusCode).toBe(401);
    const admin = await server.setUpAdmin();
    const response = await admin.get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

it('never leaks internals on an unexpected failure, and reports not ready when the database is gone', async () => {
  const handle = await openTestDatabase('pglite');
  const app = await buildApp({
    deps: { db: handle.db, clock: () => new Date(), newId: randomUUID, policy: defaultPolicy },
    ping: handle.ping,
  });
  await handle.close();
  const setup = await app.inject({ method: 'GET', url: '/api/v1/setup' });
  expect(setup.statusCode).toBe(500);
  const body = setup.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'requestId', 'status', 'title', 'type']);
  expect(body.code).toBe('INTERNAL');
  expect((await app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(503);
  await app.close();
});

it('serves the web app with a fallback to index.html for client routes', async () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'debrief-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Debrief</title>');
  const handle = await openTestDatabase('pglite');
  const app = await buildApp({
    deps: { db: handle.db, clock: () => new Date(), newId: randomUUID, policy: defaultPolicy },
    ping: handle.ping,
    webRoot,
  });
  const page = await app.inject({ method: 'GET', url: '/postmortems/123' });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<title>Debrief</title>');
  expect((await app.inject({ method: 'GET', url: '/api/v1/missing' })).statusCode).toBe(401);
  await app.close();
  await handle.close();
});
