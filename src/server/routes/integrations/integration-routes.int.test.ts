import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import {
  ownPayloadsRoot,
  ownSignatureVectors,
  readOwnPayload,
  type SignatureVectors,
  sharedPayloadsPresent,
  sharedPayloadsRoot,
  sign,
  startWebhookScene,
} from '../../../../test/http/webhook-scene.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents } from '../../../storage/schema.ts';

/** A vector's signature by its case name. */
const signatureOf = (vectors: SignatureVectors, name: string) =>
  vectors.cases.find((vector) => vector.name === name)?.signature ?? '';

describeEachDatabase('integrations and webhook authentication', (kind) => {
  const scene = startSuiteScene(() => startWebhookScene(kind));

  it('manages integrations: admins only, token shown once, audited', async () => {
    expect((await scene.server.anonymous.get('/api/v1/integrations')).statusCode).toBe(401);
    expect(
      (await scene.member.post('/api/v1/integrations', { kind: 'grafana', name: 'x' })).statusCode,
    ).toBe(403);
    const invalid = await scene.admin.post('/api/v1/integrations', { kind: 'nagios', name: '' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.kind', 'body.name']);
    const listed = (await scene.admin.get('/api/v1/integrations')).json().data;
    expect(listed).toHaveLength(7);
    expect(JSON.stringify(listed)).not.toContain('dbw_');
    expect(listed.find((i: { kind: string }) => i.kind === 'github').signed).toBe(true);
    const openapi = await scene.server.anonymous.get('/api/v1/openapi.json');
    expect(Object.keys(openapi.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/integrations',
        '/api/v1/webhooks/{kind}/{token}',
        '/api/v1/webhooks/{kind}',
      ]),
    );
    const audits = await scene.server.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'integration.created'));
    expect(audits).toHaveLength(7);
  });

  it('refuses a wrong, foreign-kind or revoked token with 401 and writes nothing', async () => {
    const before = await scene.tally();
    const body = readOwnPayload('alertmanager/search-index-lag.firing.json');
    expect((await scene.deliver('/api/v1/webhooks/alertmanager/dbw_nope', body)).statusCode).toBe(
      401,
    );
    const grafanaToken = scene.paths.grafana?.split('/').pop();
    const foreign = await scene.deliver(`/api/v1/webhooks/alertmanager/${grafanaToken}`, body);
    expect(foreign.statusCode).toBe(401);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const created = (
      await scene.admin.post('/api/v1/integrations', { kind: 'alertmanager', name: 'old' })
    ).json().data;
    expect((await scene.admin.delete(`/api/v1/integrations/${created.id}`)).statusCode).toBe(204);
    expect((await scene.deliver(created.webhookPath, body)).statusCode).toBe(401);
    expect(await scene.tally()).toEqual(before);
  });

  it('accepts the valid PagerDuty signature vector and rejects every tampered variant', async () => {
    const body = readFileSync(join(ownPayloadsRoot, 'pagerduty/checkout-priority-updated.json'));
    const valid = `v1=${sign(scene.pagerDutySecret, body)}`;
    // Computed outside Debrief (openssl), so a wrong HMAC here cannot agree with itself.
    expect(valid).toBe(signatureOf(ownSignatureVectors, 'valid'));
    const flipped = Buffer.from(body);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    const url = '/api/v1/webhooks/pagerduty';
    const header = 'x-pagerduty-signature';
    const tampered: Array<[string, Buffer, Record<string, string>]> = [
      ['body byte flipped', flipped, { [header]: valid }],
      ['wrong secret', body, { [header]: `v1=${sign('another secret', body)}` }],
      ['rotated-out secret', body, { [header]: signatureOf(ownSignatureVectors, 'mismatch') }],
      ['missing header', body, {}],
      ['empty header', body, { [header]: '' }],
      ['malformed header', body, { [header]: 'sha256=abc' }],
      ['truncated signature', body, { [header]: valid.slice(0, -2) }],
      ['empty body', Buffer.alloc(0), { [header]: valid }],
    ];
    const before = await scene.tally();
    for (const [name, payload, headers] of tampered) {
      const response = await scene.deliver(url, payload, headers);
      expect([name, response.statusCode]).toEqual([name, 401]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await scene.tally()).toEqual(before);
    const accepted = await scene.deliver(url, body, { [header]: `v1=${'0'.repeat(64)}, ${valid}` });
    // Authenticated; a priority change of an incident never seen opens nothing (policy).
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().ignored).toBe(true);
  });

  it.skipIf(!sharedPayloadsPresent)(
    'accepts PagerDuty’s published signature vector on its recorded body, and not its mismatch',
    async () => {
      const folder = join(sharedPayloadsRoot, 'pagerduty');
      const vectors = JSON.parse(
        readFileSync(join(folder, 'webhook-v3.signature-vectors.json'), 'utf8'),
      ) as SignatureVectors;
      await scene.admin.post('/api/v1/integrations', {
        kind: 'pagerduty',
        name: 'PagerDuty upstream vectors',
        signingSecret: vectors.secret,
      });
      const body = readFileSync(join(folder, 'webhook-v3.incident.priority_updated.json'));
      const header = 'x-pagerduty-signature';
      expect(`v1=${sign(vectors.secret, body)}`).toBe(signatureOf(vectors, 'valid'));
      const before = await scene.tally();
      const mismatch = await scene.deliver('/api/v1/webhooks/pagerduty', body, {
        [header]: signatureOf(vectors, 'mismatch'),
      });
      expect(mismatch.statusCode).toBe(401);
      expect(await scene.tally()).toEqual(before);
      const accepted = await scene.deliver('/api/v1/webhooks/pagerduty', body, {
        [header]: signatureOf(vectors, 'valid'),
      });
      expect(accepted.statusCode).toBe(202);
    },
  );
});
