import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/app-deps.ts';
import { defaultPolicy } from '../../src/domain/policy.ts';
import { buildApp } from '../../src/server/build-app.ts';
import type { DatabaseHandle } from '../../src/storage/open-database.ts';
import { ownFixture } from '../support/fixture-path.ts';
import { describeEachDatabase, openTestDatabase, queryRows } from '../support/test-database.ts';

const password = 'correct horse battery staple';
const newPassword = 'an entirely new passphrase';

/**
 * A run through everything that handles a secret — setup, sign-in (wrong and right), API
 * tokens, a webhook URL token, a reset link — plus failed queries whose parameters are a password
 * hash and a token hash, with the logger at its most verbose. Then every log line is searched
 * for every secret and every stored hash.
 */
describeEachDatabase('no secret in any log line', (kind) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const lines: string[] = [];
  const secrets = new Set<string>([password, newPassword]);

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const deps: AppDeps = {
      db: handle.db,
      clock: () => new Date(),
      newId: randomUUID,
      policy: defaultPolicy,
    };
    app = await buildApp({
      deps,
      ping: handle.ping,
      logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
    });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('logs no password, token, cookie, CSRF token, reset link or hash', async () => {
    let cookie = '';
    let csrf = '';
    const call = async (options: InjectOptions & { bearer?: string }) => {
      const { bearer, ...rest } = options;
      const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
      if (bearer) {
        headers.authorization = `Bearer ${bearer}`;
      } else if (cookie) {
        headers.cookie = cookie;
        headers['x-csrf-token'] = csrf;
      }
      const response = await app.inject({ ...rest, headers });
      const session = response.cookies.find((c) => c.name === 'debrief_session');
      if (session?.value) {
        cookie = `debrief_session=${session.value}`;
        secrets.add(session.value);
        csrf = response.json().csrfToken;
        secrets.add(csrf);
      }
      return response;
    };

    const setup = await call({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'admin@example.com', name: 'Admin', password },
    });
    expect(setup.statusCode).toBe(201);
    const member = await call({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'sam@example.com', name: 'Sam', password },
    });
    const memberId = member.json().data.id;
    expect(
      (
        await call({
          method: 'POST',
          url: '/api/v1/auth/sessions',
          payload: { email: 'sam@example.com', password: `${password}!` },
        })
      ).statusCode,
    ).toBe(401);

    const token = (
      await call({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'script', scopes: ['read', 'write', 'webhook'] },
      })
    ).json().data.token;
    secrets.add(token);
    expect(
      (await call({ method: 'GET', url: '/api/v1/incidents', bearer: token })).statusCode,
    ).toBe(200);
    expect(
      (await call({ method: 'GET', url: '/api/v1/incidents', bearer: `${token}x` })).statusCode,
    ).toBe(401);

    const integration = (
      await call({
        method: 'POST',
        url: '/api/v1/integrations',
        payload: { kind: 'alertmanager', name: 'am' },
      })
    ).json().data;
    secrets.add(integration.token);
    const delivery = await call({
      method: 'POST',
      url: integration.webhookPath,
      payload: { version: '4', status: 'firing', alerts: [] },
    });
    expect(delivery.statusCode).toBeLessThan(500);
    // A real alert that opens an incident, by the path token and again by the header token.
    const alert = readFileSync(ownFixture('intake/alertmanager-checkout-firing.json'), 'utf8');
    const opened = await call({
      method: 'POST',
      url: integration.webhookPath,
      payload: alert,
      headers: { 'content-type': 'application/json' },
    });
    expect(opened.statusCode).toBe(200);
    const byHeader = await call({
      method: 'POST',
      url: '/api/v1/webhooks/alertmanager',
      payload: alert,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${integration.token}`,
      },
    });
    expect(byHeader.statusCode).toBe(200);

    const reset = (
      await call({ method: 'POST', url: `/api/v1/users/${memberId}/password-reset` })
    ).json().data;
    secrets.add(reset.token);
    expect(
      (
        await call({
          method: 'POST',
          url: '/api/v1/password-resets',
          payload: { token: reset.token, password: newPassword },
        })
      ).statusCode,
    ).toBe(204);

    // Failed queries whose parameters are a token hash and a password hash.
    await handle.db.execute(
      sql`alter table api_tokens add constraint no_boom_tokens check (name <> 'boom') not valid`,
    );
    await handle.db.execute(
      sql`alter table users add constraint no_boom_users check (name <> 'boom') not valid`,
    );
    expect(
      (await call({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'boom' } })).statusCode,
    ).toBe(500);
    expect(
      (
        await call({
          method: 'POST',
          url: '/api/v1/users',
          payload: { email: 'boom@example.com', name: 'boom', password },
        })
      ).statusCode,
    ).toBe(500);

    for (const row of await queryRows<{ secret: string }>(
      handle,
      sql`
      select password_hash as secret from users
      union all select token_hash from api_tokens
      union all select id from sessions
      union all select id from password_resets
      union all select token_hash from integrations`,
    )) {
      secrets.add(row.secret);
    }
    // The hashes made for the refused inserts were never stored: recognise them by shape.
    const log = lines.join('');
    expect(log).toContain('Failed query');
    expect(log).not.toMatch(/scrypt\$\d+\$\d+\$\d+\$/);
    expect(log).not.toMatch(/\b[0-9a-f]{64}\b/);
    for (const secret of secrets) {
      expect(log.includes(secret), `a log line contains ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
