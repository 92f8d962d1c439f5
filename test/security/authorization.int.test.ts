import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../http/test-server.ts';
import { testDatabaseKinds } from '../support/test-database.ts';

/**
 * Who may call what, for every route of the route table (the OpenAPI document). A route that is
 * not in this table fails the first test: ADD ITS RULE when you add a route.
 *
 * - `public`: no credentials needed (the route authenticates what it needs itself);
 * - `signed-in`: any account, viewers included (reads, one's own tokens and settings);
 * - `writer`: members and admins; viewers are refused;
 * - `admin`: admins only.
 *
 * Membership of restricted records (the member/non-member dimension) is the matrix in
 * `restricted-content.int.test.ts`, over the same route table.
 */
const rules: Record<string, 'public' | 'signed-in' | 'writer' | 'admin'> = {
  'GET /api/v1/health': 'public',
  'GET /api/v1/ready': 'public',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/auth/sessions': 'public',
  'DELETE /api/v1/auth/sessions': 'signed-in',
  'GET /api/v1/auth/session': 'signed-in',
  'DELETE /api/v1/auth/sessions/current': 'public',
  'GET /api/v1/auth/methods': 'public',
  'GET /api/v1/auth/oidc/start': 'public',
  'GET /api/v1/auth/oidc/callback': 'public',
  'GET /api/v1/users': 'signed-in',
  'POST /api/v1/users': 'admin',
  'GET /api/v1/tokens': 'signed-in',
  'POST /api/v1/tokens': 'signed-in',
  'DELETE /api/v1/tokens/{id}': 'signed-in',
  'PATCH /api/v1/users/{id}': 'admin',
  'POST /api/v1/users/{id}/password-reset': 'admin',
  'DELETE /api/v1/users/{id}/sessions': 'admin',
  'POST /api/v1/password-resets': 'public',
  'GET /api/v1/incidents': 'signed-in',
  'POST /api/v1/incidents': 'writer',
  'GET /api/v1/incidents/{id}': 'signed-in',
  'PATCH /api/v1/incidents/{id}': 'writer',
  'GET /api/v1/postmortems': 'signed-in',
  'POST /api/v1/postmortems': 'writer',
  'GET /api/v1/postmortems/{id}': 'signed-in',
  'PATCH /api/v1/postmortems/{id}': 'writer',
  'POST /api/v1/postmortems/{id}/transitions': 'writer',
  'GET /api/v1/postmortems/{id}/audit-events': 'signed-in',
  'GET /api/v1/postmortems/{id}/blameless-findings': 'signed-in',
  'POST /api/v1/postmortems/{id}/blameless-waivers': 'writer',
  'GET /api/v1/postmortems/{id}/export': 'signed-in',
  'POST /api/v1/postmortems/{id}/report-draft': 'writer',
  'GET /api/v1/postmortems/{id}/participants': 'signed-in',
  'POST /api/v1/postmortems/{id}/participants': 'writer',
  'PATCH /api/v1/participants/{id}': 'writer',
  'DELETE /api/v1/participants/{id}': 'writer',
  'GET /api/v1/postmortems/{id}/timeline-events': 'signed-in',
  'POST /api/v1/postmortems/{id}/timeline-events': 'writer',
  'PATCH /api/v1/timeline-events/{id}': 'writer',
  'DELETE /api/v1/timeline-events/{id}': 'writer',
  'GET /api/v1/postmortems/{id}/contributing-factors': 'signed-in',
  'POST /api/v1/postmortems/{id}/contributing-factors': 'writer',
  'PATCH /api/v1/contributing-factors/{id}': 'writer',
  'DELETE /api/v1/contributing-factors/{id}': 'writer',
  'GET /api/v1/postmortems/{id}/action-items': 'signed-in',
  'POST /api/v1/postmortems/{id}/action-items': 'writer',
  'PATCH /api/v1/action-items/{id}': 'writer',
  'DELETE /api/v1/action-items/{id}': 'writer',
  'GET /api/v1/policy': 'signed-in',
  'GET /api/v1/search': 'signed-in',
  'GET /api/v1/search/views': 'signed-in',
  'POST /api/v1/search/views': 'signed-in',
  'PATCH /api/v1/search/views/{id}': 'signed-in',
  'DELETE /api/v1/search/views/{id}': 'signed-in',
  'GET /api/v1/policy/source': 'signed-in',
  'POST /api/v1/demo-data': 'writer',
  'GET /api/v1/services': 'signed-in',
  'PUT /api/v1/services/{name}': 'writer',
  'DELETE /api/v1/services/{name}': 'writer',
  'POST /api/v1/services/import': 'writer',
  'GET /api/v1/postmortems/{id}/anti-pattern-findings': 'signed-in',
  'GET /api/v1/anti-pattern-summaries': 'signed-in',
  'GET /api/v1/postmortems/{id}/open-questions': 'signed-in',
  'POST /api/v1/postmortems/{id}/open-questions': 'writer',
  'PATCH /api/v1/open-questions/{id}': 'writer',
  'DELETE /api/v1/open-questions/{id}': 'writer',
  'GET /api/v1/postmortems/{id}/agenda': 'signed-in',
  'PUT /api/v1/postmortems/{id}/meeting': 'writer',
  'GET /api/v1/postmortems/{id}/why-nodes': 'signed-in',
  'POST /api/v1/postmortems/{id}/why-nodes': 'writer',
  'GET /api/v1/postmortems/{id}/why-tree.mmd': 'signed-in',
  'PATCH /api/v1/why-nodes/{id}': 'writer',
  'DELETE /api/v1/why-nodes/{id}': 'writer',
  'GET /api/v1/postmortems/{id}/imports': 'signed-in',
  'POST /api/v1/postmortems/{id}/imports': 'writer',
  'GET /api/v1/imports/{id}': 'signed-in',
  'GET /api/v1/postmortems/{id}/timeline': 'signed-in',
  'GET /api/v1/postmortems/{id}/timeline/versions': 'signed-in',
  'POST /api/v1/postmortems/{id}/timeline/review': 'writer',
  'GET /api/v1/postmortems/{id}/clock-skews': 'signed-in',
  'PUT /api/v1/postmortems/{id}/clock-skews/{source}': 'writer',
  'DELETE /api/v1/postmortems/{id}/clock-skews/{source}': 'writer',
  'GET /api/v1/postmortems/{id}/key-instant-proposals': 'signed-in',
  'POST /api/v1/postmortems/{id}/key-instant-proposals/confirm': 'writer',
  'GET /api/v1/postmortems/{id}/personal-accounts': 'signed-in',
  'POST /api/v1/postmortems/{id}/personal-accounts': 'writer',
  'PATCH /api/v1/personal-accounts/{id}': 'writer',
  'DELETE /api/v1/personal-accounts/{id}': 'writer',
  'POST /api/v1/personal-accounts/{id}/pins': 'writer',
  'GET /api/v1/integrations': 'signed-in',
  'POST /api/v1/integrations': 'admin',
  'DELETE /api/v1/integrations/{id}': 'admin',
  'GET /api/v1/webhook-deliveries': 'signed-in',
  'POST /api/v1/action-items/{id}/verification': 'writer',
  'POST /api/v1/action-items/{id}/promotion': 'writer',
  'GET /api/v1/action-items/{id}/history': 'signed-in',
  'GET /api/v1/postmortems/{id}/causes': 'signed-in',
  'GET /api/v1/metrics/incidents': 'signed-in',
  'GET /api/v1/metrics/follow-through': 'signed-in',
  'GET /api/v1/action-items': 'signed-in',
  'GET /api/v1/action-items.csv': 'signed-in',
  'GET /api/v1/themes': 'signed-in',
  'GET /api/v1/incidents/{id}/similar-postmortems': 'signed-in',
  'GET /api/v1/postmortems/{id}/similar-postmortems': 'signed-in',
  'GET /api/v1/notifications': 'signed-in',
  'GET /api/v1/me/notification-preferences': 'signed-in',
  'GET /api/v1/me/notification-channels': 'signed-in',
  'GET /api/v1/trackers': 'signed-in',
  'PUT /api/v1/me/notification-preferences': 'signed-in',
  'POST /api/v1/action-items/{id}/tracker-issue': 'writer',
  'POST /api/v1/webhooks/{kind}/{token}': 'public',
  'POST /api/v1/webhooks/{kind}': 'public',
  'POST /api/v1/tracker-webhooks/github': 'writer',
  'POST /api/v1/tracker-webhooks/jira': 'writer',
  'GET /api/v1/postmortems/{id}/reviews': 'signed-in',
  'POST /api/v1/postmortems/{id}/reviews': 'writer',
  'POST /api/v1/reviews/{id}/decision': 'writer',
  'DELETE /api/v1/reviews/{id}': 'writer',
  'GET /api/v1/postmortems/{id}/restricted-sections': 'signed-in',
  'POST /api/v1/postmortems/{id}/restricted-sections': 'writer',
  'PATCH /api/v1/postmortems/{id}/restricted-sections/{key}': 'writer',
  'DELETE /api/v1/postmortems/{id}/restricted-sections/{key}': 'writer',
  'GET /api/v1/postmortems/{id}/events': 'signed-in',
  'GET /api/v1/postmortems/{id}/comments': 'signed-in',
  'POST /api/v1/postmortems/{id}/comments': 'writer',
  'PATCH /api/v1/comments/{id}': 'writer',
  'POST /api/v1/postmortems/{id}/internal-publication': 'writer',
  'GET /api/v1/postmortems/{id}/public-version': 'signed-in',
  'POST /api/v1/postmortems/{id}/public-version': 'writer',
  // A named approver of public versions may hold any role; admins approve when none is named.
  'POST /api/v1/postmortems/{id}/public-version/approval': 'signed-in',
  'DELETE /api/v1/postmortems/{id}/public-version': 'signed-in',
  'GET /api/v1/postmortems/{id}/legal-hold': 'signed-in',
  'PUT /api/v1/postmortems/{id}/legal-hold': 'admin',
  'DELETE /api/v1/postmortems/{id}/legal-hold': 'admin',
  'DELETE /api/v1/postmortems/{id}': 'admin',
  'GET /api/v1/publications': 'signed-in',
  'GET /api/v1/publications/{id}/page': 'signed-in',
  'GET /api/v1/feeds/postmortems.atom': 'signed-in',
  'GET /public/postmortems.atom': 'public',
  'GET /public/postmortems/{slug}': 'public',
};

const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';
const someId = '00000000-0000-4000-8000-000000000000';
const success = (status: number) => status >= 200 && status < 300;

describe(`authorization: every route × role [${kind}]`, () => {
  let server: TestServer;
  let operations: Array<{ method: string; path: string; key: string }> = [];
  const clients: Partial<Record<'viewer' | 'member', ApiClient>> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    clients.viewer = await server.signUp(admin, 'viewer');
    clients.member = await server.signUp(admin, 'member');
    const incident = (await admin.post('/api/v1/incidents', incidentBody())).json().data;
    const postmortem = (
      await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    idsByCollection.incidents = incident.id;
    idsByCollection.postmortems = postmortem.id;
    // Someone else's account: acting on one's own (signing out everywhere) is allowed.
    idsByCollection.users = admin.user.id;
    const document = (await server.anonymous.get('/api/v1/openapi.json')).json();
    operations = Object.entries<Record<string, unknown>>(document.paths).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((method) => ({
          method: method.toUpperCase(),
          path,
          key: `${method.toUpperCase()} ${path}`,
        })),
    );
  });
  afterAll(() => server.close());

  // Real records where the route names one, so that a refusal comes from the rules, not from a
  // missing record; an unknown id elsewhere.
  const idsByCollection: Record<string, string> = {};
  const urlOf = (path: string) =>
    path.replace(
      /\/([a-z-]+)\/\{[^}]+\}/g,
      (_all, collection: string) => `/${collection}/${idsByCollection[collection] ?? someId}`,
    );
  const call = (client: ApiClient, op: { method: string; path: string }) =>
    client.request({
      method: op.method as 'GET',
      url: urlOf(op.path),
      ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
      ifMatch: 1,
    });

  it('has a rule for every route, and no rule for a route that is gone', () => {
    const keys = operations.map((op) => op.key);
    expect(keys.filter((key) => !(key in rules))).toEqual([]);
    expect(Object.keys(rules).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('answers 401 without credentials on every route that is not public', async () => {
    const open: string[] = [];
    for (const op of operations) {
      if (rules[op.key] === 'public') {
        continue;
      }
      const response = await call(server.anonymous, op);
      if (response.statusCode !== 401) {
        open.push(`${op.key} → ${response.statusCode}`);
      }
    }
    expect(open).toEqual([]);
  });

  it('never lets a viewer succeed on a writer route, nor a member on an admin route', async () => {
    const allowed: string[] = [];
    for (const op of operations) {
      const rule = rules[op.key];
      const refused = rule === 'writer' ? ['viewer'] : rule === 'admin' ? ['viewer', 'member'] : [];
      for (const role of refused as Array<'viewer' | 'member'>) {
        const client = clients[role];
        if (!client) {
          continue;
        }
        const response = await call(client, op);
        if (success(response.statusCode) || response.statusCode >= 500) {
          allowed.push(`${role}: ${op.key} → ${response.statusCode}`);
        }
      }
    }
    expect(allowed).toEqual([]);
  });
});
