import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/app/documents/print-pdf.ts';
import { notifications } from '../../src/storage/schema.ts';
import { lightPolicy, postmortemInFollowUp } from '../http/postmortem-in-follow-up.ts';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
  tokenClient,
} from '../http/test-server.ts';
import { type CliTarget, cliTargetOf } from '../support/cli-target.ts';
import { pdfText } from '../support/pdf-text.ts';
import { testDatabaseKinds } from '../support/test-database.ts';
import { cliAs, type Scene, secret, sectionKey, surfaces } from './restricted-section-surfaces.ts';

/**
 * A restricted SECTION inside an open postmortem, for people who read the postmortem but are
 * not among the section's members. Two kinds of rows, as in `restricted-content`: every GET
 * route under `/postmortems/{id}` from the route table (a new per-review surface is covered
 * without anyone adding it), and the `surfaces` table of cross-cutting ones
 * (`restricted-section-surfaces.ts`) — ADD A ROW there when you add a surface that could carry
 * section text (exports, feeds, public pages, search, the CLI, notifications, metrics).
 */
const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';

describe(`a restricted section never reaches a non-member [${kind}]`, () => {
  let server: TestServer;
  let sectionMember: ApiClient;
  let outsiders: Array<{ name: string; client: ApiClient }> = [];
  let scene: Scene;
  let perReviewRoutes: string[] = [];
  let cliTarget: CliTarget | undefined;

  beforeAll(async () => {
    server = await startTestServer(kind, lightPolicy);
    const admin = await server.setUpAdmin();
    sectionMember = await server.signUp(admin, 'member');
    const colleague = await server.signUp(admin, 'member');
    const viewer = await server.signUp(admin, 'viewer');
    const token = (
      await colleague.post('/api/v1/tokens', { name: 'reader', scopes: ['read'] })
    ).json().data.token;
    outsiders = [
      { name: 'member', client: colleague },
      { name: 'viewer', client: viewer },
      { name: 'token', client: tokenClient(server.app, colleague.user, token) },
    ];

    // In follow-up, so that it is published inside and outside like any finished review.
    const walked = await postmortemInFollowUp(sectionMember);
    const pm = { id: walked.postmortemId, version: await walked.version() };
    const base = `/api/v1/postmortems/${pm.id}`;
    const written = await sectionMember.patch(
      base,
      {
        sections: {
          summary: 'Checkout slowed for forty minutes.',
          [sectionKey]: `The attacker used ${secret}.`,
        },
      },
      pm.version,
    );
    expect(written.statusCode).toBe(200);
    const restricted = await sectionMember.post(`${base}/restricted-sections`, {
      key: sectionKey,
      memberIds: [sectionMember.user.id],
    });
    expect(restricted.statusCode).toBe(201);
    // Written again once restricted: the text goes to the restricted store, not the open one.
    const version = (await sectionMember.get(base)).json().data.version;
    expect(
      (
        await sectionMember.patch(
          base,
          { sections: { [sectionKey]: `The attacker used ${secret} twice.` } },
          version,
        )
      ).statusCode,
    ).toBe(200);
    const mention = await sectionMember.post(`${base}/comments`, {
      targetType: 'section',
      targetId: sectionKey,
      body: `@${colleague.user.email} @${viewer.user.email} is ${secret} rotated?`,
    });
    expect(mention.statusCode).toBe(201);
    expect((await sectionMember.post(`${base}/internal-publication`)).statusCode).toBe(201);
    const preview = (await sectionMember.post(`${base}/public-version`)).json().data;
    const approved = await admin.post(
      `${base}/public-version/approval`,
      undefined,
      preview.draft.version,
    );
    expect(approved.statusCode).toBe(200);
    cliTarget = await cliTargetOf(server.handle);
    scene = {
      postmortemId: pm.id,
      mentionCommentId: mention.json().data.id,
      internalPage: (await colleague.get('/api/v1/publications')).json().data[0].url,
      publicPage: approved.json().data.published.url,
      cli: cliTarget.args,
    };

    const document = (await server.anonymous.get('/api/v1/openapi.json')).json();
    perReviewRoutes = Object.entries<Record<string, unknown>>(document.paths)
      .filter(
        ([path, methods]) =>
          'get' in methods &&
          /^\/api\/v1\/postmortems\/\{id\}(\/[^{}]*)?$/.test(path) &&
          // The live event stream never ends and carries ids and revisions only, never text;
          // the live updates' own tests hold it to that.
          !path.endsWith('/events'),
      )
      .map(([path]) => path);
  });
  afterAll(async () => {
    await server.close();
    await cliTarget?.remove();
  });

  it('shows the section to its member, in reads and in exports (the scene is real)', async () => {
    const base = `/api/v1/postmortems/${scene.postmortemId}`;
    const sections = (await sectionMember.get(`${base}/restricted-sections`)).json().data;
    expect(sections).toEqual([
      expect.objectContaining({
        key: sectionKey,
        readable: true,
        text: expect.stringContaining(secret),
      }),
    ]);
    for (const format of ['md', 'html', 'json']) {
      expect((await sectionMember.get(`${base}/export?format=${format}`)).body).toContain(secret);
    }
    expect((await sectionMember.get(`/api/v1/search?q=${secret}`)).body).toContain(
      scene.postmortemId,
    );
    if (findChromium()) {
      const pdf = await sectionMember.get(`${base}/export?format=pdf`);
      expect(await pdfText(pdf.rawPayload)).toContain(secret);
    }
  });

  it('shows the section to its member through the CLI too (the CLI rows read real data)', async () => {
    const found = JSON.parse(
      await cliAs(sectionMember, scene, ['search', secret.toLowerCase(), '--json']),
    );
    expect(found.page.total).toBe(1);
    expect(found.data[0].snippets[0].part).toBe(`restricted:${sectionKey}`);
    for (const format of ['md', 'html', 'json']) {
      expect(
        await cliAs(sectionMember, scene, ['export', scene.postmortemId, '--format', format]),
      ).toContain(secret);
    }
  });

  it('lets its member find it by its words, with a snippet (the search row is real)', async () => {
    const body = (await sectionMember.get(`/api/v1/search?q=${secret.toLowerCase()}`)).json();
    expect(body.page.total).toBe(1);
    expect(body.data[0].snippets[0].part).toBe(`restricted:${sectionKey}`);
    const text = body.data[0].snippets[0].segments.map((g: { text: string }) => g.text).join('');
    expect(text).toContain(secret);
  });

  it('tells a non-member the section is restricted, without its text or members', async () => {
    for (const { client } of outsiders) {
      const response = await client.get(
        `/api/v1/postmortems/${scene.postmortemId}/restricted-sections`,
      );
      expect(response.json().data).toEqual([
        { key: sectionKey, readable: false, restrictedAt: expect.any(String), version: 2 },
      ]);
    }
  });

  it('leaks it through no per-review route of the route table', async () => {
    expect(perReviewRoutes.length).toBeGreaterThan(15);
    const leaks: string[] = [];
    for (const route of perReviewRoutes) {
      const url = route.replace('{id}', scene.postmortemId);
      for (const { name, client } of outsiders) {
        const response = await client.get(url);
        if (response.statusCode >= 500 || response.body.includes(secret)) {
          leaks.push(`${name}: ${route} → ${response.statusCode}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it.each(surfaces)('$name: no secret for a member, a viewer or a token', async (row) => {
    for (const { name, client } of outsiders) {
      if (!(row.byAccount && name === 'token')) {
        expect(await row.read(client, scene)).not.toContain(secret);
      }
    }
  });

  it('notifies no outsider of a mention in it, by any channel (the notification ledger)', async () => {
    const told = await server.handle.db
      .select({ recipientUserId: notifications.recipientUserId })
      .from(notifications)
      .where(eq(notifications.subjectId, scene.mentionCommentId));
    expect(told).toEqual([]);
    const boards = await Promise.all(
      outsiders.map(async ({ client }) => (await client.get('/api/v1/notifications')).body),
    );
    expect(boards.join()).not.toContain(scene.mentionCommentId);
  });

  it('refuses a non-member writing or declassifying it, and keeps the text', async () => {
    const base = `/api/v1/postmortems/${scene.postmortemId}`;
    const colleague = outsiders[0]?.client as ApiClient;
    const version = (await colleague.get(base)).json().data.version;
    const write = await colleague.patch(
      base,
      { sections: { [sectionKey]: 'overwritten' } },
      version,
    );
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('SECTION_RESTRICTED');
    const declassify = await colleague.delete(`${base}/restricted-sections/${sectionKey}`);
    expect(declassify.json().code).toBe('SECTION_RESTRICTED');
    const members = await colleague.patch(
      `${base}/restricted-sections/${sectionKey}`,
      { memberIds: [colleague.user.id] },
      2,
    );
    expect(members.json().code).toBe('SECTION_RESTRICTED');
    const sections = (await sectionMember.get(`${base}/restricted-sections`)).json().data;
    expect(sections[0].text).toBe(`The attacker used ${secret} twice.`);
  });

  it('declassified, it becomes an open section for everyone, with an audit event', async () => {
    const base = `/api/v1/postmortems/${scene.postmortemId}`;
    const response = await sectionMember.delete(`${base}/restricted-sections/${sectionKey}`);
    expect(response.statusCode).toBe(204);
    const colleague = outsiders[0]?.client as ApiClient;
    expect((await colleague.get(base)).json().data.sections[sectionKey]).toBe(
      `The attacker used ${secret} twice.`,
    );
    expect((await colleague.get(`${base}/restricted-sections`)).json().data).toEqual([]);
    const audit = (await colleague.get(`${base}/audit-events`)).json().data;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['postmortem.section_restricted', 'postmortem.section_declassified']),
    );
  });
});
