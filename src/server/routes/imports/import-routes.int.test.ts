import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  twoEventUpload as good,
  type ImportScene,
  startImportScene,
} from '../../../../test/http/import-scene.ts';
import type { ApiClient, TestServer } from '../../../../test/http/test-server.ts';
import { describeEachDatabaseAndDataDir } from '../../../../test/support/test-database.ts';
import { settleImports } from '../../../app/imports/import-progress.ts';
import { timelineQueriesRepository } from '../../../storage/repositories/timeline-queries-repository.ts';
import { auditEvents, timelineEvents } from '../../../storage/schema.ts';

describeEachDatabaseAndDataDir('import routes', (kind) => {
  let scene: ImportScene;
  let server: TestServer;
  let member: ApiClient;
  let viewer: ApiClient;
  let postmortemId: string;
  let upload: ImportScene['upload'];
  let timelineCount: ImportScene['timelineCount'];

  beforeAll(async () => {
    scene = await startImportScene(kind);
    ({ server, member, viewer, postmortemId, upload, timelineCount } = scene);
  });
  afterAll(() => scene?.close());

  const finished = async (id: string) => (await scene.readSettled(id)).json().data;

  it('refuses anonymous callers and viewers before reading the upload', async () => {
    expect((await upload(server.anonymous, {}, good)).statusCode).toBe(401);
    const forbidden = await upload(viewer, {}, good);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
  });

  it('refuses bad fields, a missing file, a non-multipart body and undetectable content', async () => {
    const fields = await upload(
      member,
      { since: 'yesterday', source: 'fax', threshold: 'lots', window: 'week' },
      good,
    );
    expect(fields.statusCode).toBe(400);
    expect(
      fields
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.since', 'body.source', 'body.threshold', 'body.window']);
    const noFile = await upload(member, { source: 'statuspage' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].path).toBe('body.file');
    const json = await member.post(`/api/v1/postmortems/${postmortemId}/imports`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('MALFORMED_REQUEST');
    const unknown = await upload(member, {}, 'just some words');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'source', code: 'source_not_detected' });
    expect(await timelineCount()).toBe(0);
  });

  it('imports in the background as proposed events, detecting the source, audited once', async () => {
    const response = await upload(member, {}, good);
    expect(response.statusCode).toBe(202);
    const queued = response.json().data;
    expect(queued).toMatchObject({
      status: 'queued',
      source: 'statuspage',
      sourceDetection: 'detected',
    });
    const job = await finished(queued.id);
    expect(job).toMatchObject({
      status: 'succeeded',
      eventsProposed: 2,
      duplicatesSkipped: 0,
      linesCollapsed: 2,
      bytesTotal: Buffer.byteLength(good),
      bytesDone: Buffer.byteLength(good),
      fileName: 'events.txt',
      error: null,
    });
    expect(job.summary.detection.confidence).toBe(1);
    expect(job.summary.warnings).toEqual([
      { code: 'TEST', message: 'first line', where: 'events.txt:2' },
    ]);
    const rows = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.postmortemId, postmortemId));
    expect(rows.map((r) => [r.status, r.importId, r.source])).toEqual([
      ['proposed', queued.id, 'statuspage'],
      ['proposed', queued.id, 'statuspage'],
    ]);
    const audits = await server.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'timeline.imported'), eq(auditEvents.subjectId, queued.id)),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toMatchObject({ eventsProposed: 2, duplicatesSkipped: 0 });
  });

  it('adds nothing when the same file is imported again', async () => {
    const response = await upload(member, { source: 'statuspage' }, good);
    const job = await finished(response.json().data.id);
    expect(job).toMatchObject({
      status: 'succeeded',
      sourceDetection: 'given',
      eventsProposed: 0,
      duplicatesSkipped: 2,
    });
    expect(await timelineCount()).toBe(2);
  });

  it('fails whole: a bad line or an absurd time writes nothing and the job carries the problem', async () => {
    const before = await timelineCount();
    const failing = await upload(member, {}, `${good.replace('10:00', '09:00')}FAIL\n`);
    const failed = await finished(failing.json().data.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(failed.finishedAt).not.toBeNull();
    const absurd = await upload(
      member,
      {},
      '#debrief-test\n20202-01-16T10:00:00Z|detection|typo\n',
    );
    const refused = await finished(absurd.json().data.id);
    expect(refused.error.errors[0]).toMatchObject({ code: 'implausible_time' });
    const invalid = await upload(
      member,
      {},
      Buffer.concat([
        Buffer.from('#debrief-test\n2026-11-16T10:00:00Z|detection|caf'),
        Buffer.from([0xff, 0xfe]),
      ]),
    );
    const unreadable = await finished(invalid.json().data.id);
    expect(unreadable.error.errors[0]).toMatchObject({
      path: 'events.txt',
      code: 'unreadable_input',
    });
    await settleImports();
    expect(await timelineCount()).toBe(before);
  });

  it('links near-duplicates across sources to the first of their group, deleting nothing', async () => {
    const [first] = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(
        and(
          eq(timelineEvents.postmortemId, postmortemId),
          eq(timelineEvents.text, 'HighErrorRate firing'),
        ),
      );
    const pageId = randomUUID();
    await timelineQueriesRepository.insertImported(server.handle.db, [
      {
        id: pageId,
        postmortemId,
        occurredAt: new Date('2026-11-16T10:00:20Z'),
        text: 'Triggered: HighErrorRate on checkout-api',
        kind: 'detection',
        source: 'pagerduty',
        externalId: 'page-1',
        status: 'proposed',
        createdAt: new Date('2026-11-20T00:00:00Z'),
      },
    ]);
    const response = await upload(
      member,
      {},
      '#debrief-test\n2026-11-16T10:01:10Z|detection|HighErrorRate firing again\n',
      'again.txt',
    );
    const job = await finished(response.json().data.id);
    expect(job.summary.nearDuplicatesLinked).toBe(2);
    const linked = await server.handle.db
      .select({ source: timelineEvents.source, duplicateOfId: timelineEvents.duplicateOfId })
      .from(timelineEvents)
      .where(
        and(eq(timelineEvents.postmortemId, postmortemId), eq(timelineEvents.kind, 'detection')),
      );
    expect(
      linked
        .filter((r) => r.duplicateOfId === first?.id)
        .map((r) => r.source)
        .sort(),
    ).toEqual(['pagerduty', 'statuspage']);
  });

  it('lists the imports of a postmortem, newest first, and hides them from outsiders', async () => {
    const list = await viewer.get(`/api/v1/postmortems/${postmortemId}/imports`);
    expect(list.statusCode).toBe(200);
    const jobs = list.json().data;
    expect(jobs.length).toBeGreaterThanOrEqual(5);
    expect(jobs[jobs.length - 1].eventsProposed).toBe(2);
    const missing = await member.get('/api/v1/imports/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });
});
