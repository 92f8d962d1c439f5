import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';

describeEachDatabase('security headers and router refusals', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await server.setUpAdmin();
  });
  afterAll(() => server.close());

  const expectHardened = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    const scriptSources = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSources).toBe("'self'");
    expect(csp).not.toContain('default-src *');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
  };

  it('sends CSP, framing, referrer and no-store headers on API answers, errors included', async () => {
    for (const url of ['/api/v1/health', '/api/v1/incidents', '/api/v1/nothing-here']) {
      const response = await server.anonymous.get(url);
      expectHardened(response.headers);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers an over-long path segment with a 414 problem', async () => {
    const response = await server.anonymous.get(`/api/v1/incidents/${'a'.repeat(500)}`);
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    expectHardened(response.headers);
  });

  it('answers an undecodable path with a 400 problem', async () => {
    const response = await server.anonymous.get('/api/v1/incidents/%E0%A4%A');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('MALFORMED_REQUEST');
  });
});
