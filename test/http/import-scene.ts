import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { settleImports } from '../../src/app/imports/import-progress.ts';
import { timelineEvents } from '../../src/storage/schema.ts';
import { multipartBody } from '../fuzz/support/multipart.ts';
import { registerTestConverter } from '../fuzz/support/test-converter.ts';
import type { TestDatabaseKind } from '../support/test-database.ts';
import { type ApiClient, incidentBody, startTestServer, type TestServer } from './test-server.ts';

/** Two events in the test converter's format (`#debrief-test`), 10:00 and 10:05 on the incident's day. */
export const twoEventUpload =
  '#debrief-test\n2026-11-16T10:00:00Z|detection|HighErrorRate firing\n2026-11-16T10:05:00Z|action|Rolled back deploy\n';

/** A server with a member, a viewer and one postmortem to import into, for the import routes. */
export interface ImportScene {
  server: TestServer;
  member: ApiClient;
  viewer: ApiClient;
  postmortemId: string;
  /** Uploads `content` as the file `name`, with `fields`, to the postmortem's imports. */
  upload(
    client: ApiClient,
    fields: Record<string, string>,
    content?: string | Buffer,
    name?: string,
  ): Promise<LightMyRequestResponse>;
  /** Waits for the background imports, then reads the import job `id` as the member. */
  readSettled(id: string): Promise<LightMyRequestResponse>;
  /** How many timeline events the postmortem has. */
  timelineCount(): Promise<number | undefined>;
  /** Closes the server and unregisters the test converter. */
  close(): Promise<void>;
}

/** Starts the scene on a fresh database of `kind`, with the test converter registered. */
export async function startImportScene(kind: TestDatabaseKind): Promise<ImportScene> {
  const unregister = registerTestConverter();
  const server = await startTestServer(kind);
  const admin = await server.setUpAdmin();
  const member = await server.signUp(admin, 'member');
  const viewer = await server.signUp(admin, 'viewer');
  const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
  const postmortemId: string = (
    await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
  ).json().data.id;
  return {
    server,
    member,
    viewer,
    postmortemId,
    upload: (client, fields, content, name = 'events.txt') =>
      client.request({
        method: 'POST',
        url: `/api/v1/postmortems/${postmortemId}/imports`,
        ...multipartBody(fields, content === undefined ? undefined : { name, content }),
      }),
    readSettled: async (id) => {
      await settleImports();
      return member.get(`/api/v1/imports/${id}`);
    },
    timelineCount: async () =>
      (
        await server.handle.db
          .select({ n: count() })
          .from(timelineEvents)
          .where(eq(timelineEvents.postmortemId, postmortemId))
      )[0]?.n,
    close: async () => {
      unregister();
      await server.close();
    },
  };
}
