import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPayloadFiles, payloadsDir } from '../../../test/fuzz/support/fixture-files.ts';
import { importPath } from '../../../test/fuzz/support/import-file.ts';
import { incidentBody, startTestServer, type TestServer } from '../../../test/http/test-server.ts';
import { ownFixture, sharedFixturesPresent } from '../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import type { User } from '../../domain/user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import { timelineEvents } from '../../storage/schema.ts';

const present = sharedFixturesPresent('import of the real fixtures');
const hasZip = existsSync('/usr/bin/zip');
if (!hasZip) {
  console.warn('zip import test skipped: no /usr/bin/zip to build the archive');
}
/** Files that are not payloads: a field list in prose, signature test vectors, a note. */
const notPayloads = [
  'alertmanager-webhook-schema.from-docs.txt',
  'signature-vectors.json',
  'mixed-incident/README.txt',
];
/** Slack exports are folders: imported whole below, not file by file. */
const slackExports = [
  { name: 'own', path: ownFixture('intake/mixed-incident/slack'), messages: 5 },
  ...(present
    ? [
        {
          name: 'shared',
          path: join(payloadsDir, 'slack/export-hfaran-testarchive'),
          messages: 147,
        },
      ]
    : []),
];
/** The fixtures were recorded on many days, none of them the test incident's. */
const allTime = { window: 'all' } as const;
const files = listPayloadFiles().filter(
  (f) =>
    !slackExports.some((e) => f.path.startsWith(`${e.path}/`)) &&
    !notPayloads.some((n) => f.name.endsWith(n)),
);
/** Shared sources whose every fixture must import end to end; every own payload must. */
const mustImport = [
  'alertmanager/',
  'grafana/',
  'pagerduty/',
  'opsgenie/',
  'statuspage/',
  'jira/',
  'dispatch-sample-data/',
  'slack/zulip-slack-import-fixtures/',
  'slack/zulip-slack-events-api/',
].map((prefix) => `shared/${prefix}`);

describe('import of every fixture', () => {
  describeEachDatabase('fixtures import once; a second import adds nothing', (kind) => {
    let server: TestServer;
    let actor: User;
    let postmortemId: string;
    const notImported: string[] = [];

    beforeAll(async () => {
      server = await startTestServer(kind);
      const admin = await server.setUpAdmin();
      const incident = (await admin.post('/api/v1/incidents', incidentBody())).json().data;
      postmortemId = (
        await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })
      ).json().data.id;
      const found = await usersRepository.findFirstAdmin(server.handle.db);
      if (!found) {
        throw new Error('no admin');
      }
      actor = found;
    });
    afterAll(async () => {
      if (notImported.length > 0) {
        console.warn(`fixtures no converter imports yet: ${notImported.join('; ')}`);
      }
      await server?.close();
    });

    it.each(files)('$name', async ({ name, path }) => {
      const first = await importPath(server.deps, actor, postmortemId, path, undefined, allTime);
      if (first.error !== undefined) {
        notImported.push(`${name} (${(first.error as { code?: string }).code ?? 'error'})`);
        expect(name.startsWith('own/') || mustImport.some((p) => name.startsWith(p))).toBe(false);
        return;
      }
      expect(first.job?.status).toBe('succeeded');
      const again = await importPath(server.deps, actor, postmortemId, path, undefined, allTime);
      expect(again.error).toBeUndefined();
      expect(again.outcome).toMatchObject({
        eventsProposed: 0,
        duplicatesSkipped:
          (first.outcome?.eventsProposed ?? 0) + (first.outcome?.duplicatesSkipped ?? 0),
      });
    });

    it.each(slackExports)(
      'imports the $name Slack export folder at the UTC instants of its ts, whatever the day file',
      async ({ path, messages }) => {
        const first = await importPath(server.deps, actor, postmortemId, path, undefined, allTime);
        expect(first.error).toBeUndefined();
        expect(first.job).toMatchObject({ source: 'slack', sourceDetection: 'detected' });
        expect(first.outcome?.eventsProposed).toBe(messages);
        const rows = await server.handle.db
          .select()
          .from(timelineEvents)
          .where(
            and(
              eq(timelineEvents.postmortemId, postmortemId),
              eq(timelineEvents.source, 'slack'),
              eq(timelineEvents.importId, first.job?.id ?? ''),
            ),
          );
        expect(rows.length).toBe(first.outcome?.eventsProposed);
        for (const row of rows) {
          const ts = /(\d+)\.(\d{6})$/.exec(row.externalId);
          if (ts?.[1] && ts[2]) {
            const expected = Number(ts[1]) * 1000 + Math.floor(Number(ts[2]) / 1000);
            expect(row.occurredAt.getTime()).toBe(expected);
          }
          expect(row.status).toBe('proposed');
        }
        const again = await importPath(server.deps, actor, postmortemId, path, undefined, allTime);
        expect(again.outcome).toMatchObject({ eventsProposed: 0 });
      },
      60_000,
    );

    it.skipIf(!hasZip).each(slackExports)(
      'reads the $name export as a .zip: the same events, so nothing new',
      async ({ path }) => {
        const zipPath = join(mkdtempSync(join(tmpdir(), 'debrief-zip-')), 'export.zip');
        execFileSync('zip', ['-qr', zipPath, '.'], { cwd: path });
        const folder = await importPath(server.deps, actor, postmortemId, path, undefined, allTime);
        const zipped = await importPath(
          server.deps,
          actor,
          postmortemId,
          zipPath,
          undefined,
          allTime,
        );
        expect(zipped.error).toBeUndefined();
        expect(zipped.job).toMatchObject({ source: 'slack', fileName: 'export.zip' });
        expect(zipped.outcome).toMatchObject({
          eventsProposed: 0,
          duplicatesSkipped: folder.outcome?.duplicatesSkipped,
        });
        rmSync(dirname(zipPath), { recursive: true, force: true });
      },
      60_000,
    );
  });
});
