import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/fuzz/support/multipart.ts';
import { registerTestConverter } from '../../../../test/fuzz/support/test-converter.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { ownFixture } from '../../../../test/support/fixture-path.ts';
import { describeEachDatabaseAndDataDir } from '../../../../test/support/test-database.ts';
import { settleImports } from '../../../app/imports/import-progress.ts';
import { timelineQueriesRepository } from '../../../storage/repositories/timeline-queries-repository.ts';
import { auditEvents, timelineEvents } from '../../../storage/schema.ts';

const good =
  '#debrief-test\n2026-11-16T10:00:00Z|detection|HighErrorRate firing\n2026-11-16T10:05:00Z|action|Rolled back deploy\n';

describeEachDatabaseAndDataDir('import routes', (kind) => {
  let server: TestServer;
  let member: ApiClient;
  let viewer: ApiClient;
  let postmortemId: string;
  let unregister: () => void;

  const upload = (
    client: ApiClient,
    fields: Record<string, string>,
    content?: string | Buffer,
    name = 'events.txt',
  ) => {
    const body = multipartBody(fields, content === undefined ? undefined : { name, content });
    return client.request({
      method: 'POST',
      url: `/api/v1/postmortems/${postmortemId}/imports`,
      ...body,
    });
  };
  const finished = async (id: string) => {
    await settleImports();
    return (await member.get(`/api/v1/imports/${id}`)).json().data;
  };
  const timelineCount = async () =>
    (
      await server.handle.db
        .select({ n: count() })
        .from(timelineEvents)
        .where(eq(timelineEvents.postmortemId, postmortemId))
    )[0]?.n;

  beforeAll(async () => {
    unregister = registerTestConverter();
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    viewer = await server.signUp(admin, 'viewer');
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    postmortemId = (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
  });
  afterAll(async () => {
    unregister();
    await server.close();
  });

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

  it('keeps only the window asked for', async () => {
    const response = await upload(
      member,
      { since: '2026-11-16T11:00:00Z', until: '2026-11-16T12:00:00Z' },
      `${good}2026-11-16T11:30:00Z|mitigation|Traffic shifted\n`,
      'window.txt',
    );
    const job = await finished(response.json().data.id);
    expect(job).toMatchObject({ status: 'succeeded', eventsProposed: 1 });
    expect(job.summary).toMatchObject({
      outsideWindow: 2,
      options: { since: '2026-11-16T11:00:00.000Z', until: '2026-11-16T12:00:00.000Z' },
    });
  });

  it('keeps the incident window ± 24 h by default and counts what it leaves out; window=all keeps it', async () => {
    const old =
      '#debrief-test\n2026-11-12T09:00:00Z|detection|Disk alert days before\n2026-11-16T10:20:00Z|action|Cache flushed\n2026-11-18T12:00:00Z|action|Cleanup days later\n';
    const kept = await finished((await upload(member, {}, old, 'around.txt')).json().data.id);
    expect(kept).toMatchObject({ status: 'succeeded', eventsProposed: 1 });
    expect(kept.summary).toMatchObject({
      outsideWindow: 2,
      window: {
        since: '2026-11-15T10:00:00.000Z',
        until: '2026-11-17T11:00:00.000Z',
        basis: 'incident',
      },
    });
    const all = await finished(
      (await upload(member, { window: 'all' }, old, 'around.txt')).json().data.id,
    );
    expect(all).toMatchObject({ status: 'succeeded', eventsProposed: 2, duplicatesSkipped: 1 });
    expect(all.summary).toMatchObject({ outsideWindow: 0, window: { basis: 'none' } });
  });

  it('checks every metric series against the threshold sent with the upload', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, m) =>
        `${new Date(Date.UTC(2026, 10, 16, 10, m)).toISOString()},${m >= 3 && m < 12 ? 0.09 : 0.01}`,
    );
    const csv = ['timestamp,checkout_error_ratio', ...rows].join('\n');
    const job = await finished(
      (await upload(member, { threshold: '>5%' }, csv, 'errors.csv')).json().data.id,
    );
    expect(job).toMatchObject({ status: 'succeeded', source: 'metric' });
    expect(job.summary.options).toMatchObject({ threshold: { direction: '>', value: 0.05 } });
    const crossings = (
      await server.handle.db
        .select({ text: timelineEvents.text, details: timelineEvents.details })
        .from(timelineEvents)
        .where(eq(timelineEvents.postmortemId, postmortemId))
    ).filter((row) => row.details.rule === 'threshold');
    expect(crossings.map((row) => row.text).sort()).toEqual([
      'checkout_error_ratio rose above 0.05 at 10:03 UTC (0.09)',
      'checkout_error_ratio went back below 0.05 at 10:12 UTC (0.01)',
    ]);
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

  it('imports several files sent together as one folder, each detected on its own', async () => {
    const alert = readFileSync(ownFixture('intake/alertmanager-checkout-firing.json'));
    const body = multipartBody({}, [
      { name: 'evidence/alerts/firing.json', content: alert },
      { name: 'evidence/../../notes.txt', content: 'Nothing to import here.' },
    ]);
    const response = await member.request({
      method: 'POST',
      url: `/api/v1/postmortems/${postmortemId}/imports`,
      ...body,
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().data.fileName).toBe('evidence');
    const job = await finished(response.json().data.id);
    expect(job).toMatchObject({ status: 'succeeded', source: 'alertmanager', eventsProposed: 1 });
    // The `..` never leaves the upload's folder: the note lands inside it and is skipped.
    expect(job.summary.skipped).toEqual([
      { path: 'notes.txt', reason: 'no importer recognised its content' },
    ]);
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
