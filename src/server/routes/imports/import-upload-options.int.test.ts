import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/fuzz/support/multipart.ts';
import {
  twoEventUpload as good,
  type ImportScene,
  startImportScene,
} from '../../../../test/http/import-scene.ts';
import type { ApiClient, TestServer } from '../../../../test/http/test-server.ts';
import { ownFixture } from '../../../../test/support/fixture-path.ts';
import { describeEachDatabaseAndDataDir } from '../../../../test/support/test-database.ts';
import { timelineEvents } from '../../../storage/schema.ts';

describeEachDatabaseAndDataDir('an upload with a window, a threshold or a folder', (kind) => {
  let scene: ImportScene;
  let server: TestServer;
  let member: ApiClient;
  let postmortemId: string;
  let upload: ImportScene['upload'];

  beforeAll(async () => {
    scene = await startImportScene(kind);
    ({ server, member, postmortemId, upload } = scene);
  });
  afterAll(() => scene?.close());

  const finished = async (id: string) => (await scene.readSettled(id)).json().data;

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
});
