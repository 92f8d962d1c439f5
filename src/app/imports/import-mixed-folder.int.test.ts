import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPath } from '../../../test/fuzz/support/import-file.ts';
import { incidentBody, startTestServer, type TestServer } from '../../../test/http/test-server.ts';
import { ownFixture } from '../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import type { User } from '../../domain/user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import { timelineEvents } from '../../storage/schema.ts';

const folder = ownFixture('intake/mixed-incident');
const hasZip = existsSync('/usr/bin/zip');
if (!hasZip) {
  console.warn('mixed zip import skipped: no /usr/bin/zip to build the archive');
}

describeEachDatabase('a mixed folder imports every file it recognises', (kind) => {
  let server: TestServer;
  let actor: User;
  const work = mkdtempSync(join(tmpdir(), 'debrief-mixed-'));

  const openPostmortem = async (admin: Awaited<ReturnType<TestServer['setUpAdmin']>>) => {
    const incident = (await admin.post('/api/v1/incidents', incidentBody())).json().data;
    return (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data
      .id as string;
  };
  const sourcesOf = async (postmortemId: string) =>
    (
      await server.handle.db
        .select({ source: timelineEvents.source })
        .from(timelineEvents)
        .where(eq(timelineEvents.postmortemId, postmortemId))
    )
      .map((row) => row.source)
      .sort();
  let admin: Awaited<ReturnType<TestServer['setUpAdmin']>>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    const found = await usersRepository.findFirstAdmin(server.handle.db);
    if (!found) {
      throw new Error('no admin');
    }
    actor = found;
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await server?.close();
  });

  it('detects each file on its own, lists what it skips, and a second import adds nothing', async () => {
    const postmortemId = await openPostmortem(admin);
    const first = await importPath(server.deps, actor, postmortemId, folder);
    expect(first.error).toBeUndefined();
    const parts = first.outcome?.parts ?? [];
    expect([...new Set(parts.map((part) => part.source))].sort()).toEqual([
      'alertmanager',
      'github',
      'log',
      'metric',
      'pagerduty',
      'slack',
    ]);
    expect(parts.every((part) => part.eventsProposed + part.duplicatesSkipped > 0)).toBe(true);
    expect(first.outcome?.skipped).toEqual([
      { path: 'README.txt', reason: 'no importer recognised its content' },
    ]);
    expect(first.job?.summary.skipped).toEqual(first.outcome?.skipped);
    const stored = await sourcesOf(postmortemId);
    expect(new Set(stored)).toEqual(
      new Set(['alertmanager', 'github', 'log', 'metric', 'pagerduty', 'slack']),
    );

    const again = await importPath(server.deps, actor, postmortemId, folder);
    expect(again.outcome?.eventsProposed).toBe(0);
    expect(again.outcome?.duplicatesSkipped).toBe(stored.length + 1);
    expect(await sourcesOf(postmortemId)).toEqual(stored);
  });

  it.skipIf(!hasZip)('imports the same folder zipped, with the same result', async () => {
    const zipPath = join(work, 'mixed-incident.zip');
    execFileSync('/usr/bin/zip', ['-qr', zipPath, '.'], { cwd: folder });
    const postmortemId = await openPostmortem(admin);
    const zipped = await importPath(server.deps, actor, postmortemId, zipPath);
    expect(zipped.error).toBeUndefined();
    expect(zipped.outcome?.skipped.map((file) => file.path)).toEqual(['README.txt']);
    expect(new Set(await sourcesOf(postmortemId))).toEqual(
      new Set(['alertmanager', 'github', 'log', 'metric', 'pagerduty', 'slack']),
    );
  });

  it('proposes started and mitigated with their evidence once the events are accepted', async () => {
    const postmortemId = await openPostmortem(admin);
    await importPath(server.deps, actor, postmortemId, folder);
    const ids = (
      await server.handle.db
        .select({ id: timelineEvents.id })
        .from(timelineEvents)
        .where(eq(timelineEvents.postmortemId, postmortemId))
    ).map((row) => row.id);
    const reviewed = await admin.post(`/api/v1/postmortems/${postmortemId}/timeline/review`, {
      eventIds: ids,
      action: 'accept',
    });
    expect(reviewed.statusCode).toBe(200);
    const proposals = (
      await admin.get(`/api/v1/postmortems/${postmortemId}/key-instant-proposals`)
    ).json().data.proposals as Array<{
      name: string;
      proposed: { at: string; eventId: string; source: string; precision: string } | null;
      alternatives: Array<{ source: string; basis: string }>;
    }>;
    const named = Object.fromEntries(proposals.map((p) => [p.name, p]));
    expect(named.started_at?.proposed).toMatchObject({
      at: '2026-11-16T10:01:00.250Z',
      source: 'log',
      precision: 'estimated',
    });
    expect(named.mitigated_at?.proposed).toMatchObject({ source: 'log', precision: 'estimated' });
    expect(named.mitigated_at?.alternatives.map((a) => a.source).sort()).toEqual([
      'github',
      'metric',
      'slack',
    ]);
    expect(named.detected_at?.proposed).toMatchObject({
      at: '2026-11-16T10:02:00.000Z',
      source: 'alertmanager',
      precision: 'exact',
    });
    const [evidence] = await server.handle.db
      .select({ text: timelineEvents.text })
      .from(timelineEvents)
      .where(eq(timelineEvents.id, named.started_at?.proposed?.eventId ?? ''));
    expect(evidence?.text).toContain('payment client call failed');
  });
});
