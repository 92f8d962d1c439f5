import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { type DatabaseHandle, openDatabase } from '../../storage/open-database.ts';
import { importJobsRepository } from '../../storage/repositories/import-jobs-repository.ts';
import { inTransaction } from '../in-transaction.ts';
import { recoverImportJobs } from './recover-import-jobs.ts';

describeEachDatabase('recovering import jobs at start', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let postmortemId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    const incident = (await admin.post('/api/v1/incidents', incidentBody())).json().data;
    postmortemId = (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
  });
  afterAll(() => server.close());

  const newJob = (status: 'queued' | 'running' | 'succeeded', createdAt: Date) =>
    importJobsRepository.insert(server.deps.db, {
      id: server.deps.newId(),
      postmortemId,
      source: 'slack',
      sourceDetection: 'given',
      fileName: 'export.zip',
      status,
      bytesTotal: 10,
      bytesDone: 0,
      eventsProposed: 0,
      duplicatesSkipped: 0,
      linesCollapsed: 0,
      summary: {},
      createdById: admin.user.id,
      createdAt,
    });

  it('fails queued and running jobs nobody runs, and leaves finished and newer ones alone', async () => {
    const start = new Date('2026-11-20T12:00:00Z');
    const queued = await newJob('queued', new Date('2026-11-20T11:00:00Z'));
    const running = await newJob('running', new Date('2026-11-20T11:30:00Z'));
    const done = await newJob('succeeded', new Date('2026-11-20T11:40:00Z'));
    const newer = await newJob('running', new Date('2026-11-20T12:00:01Z'));

    const recovered = await recoverImportJobs(server.deps, start);

    expect(recovered).toEqual([queued.id, running.id]);
    for (const id of recovered) {
      const job = await importJobsRepository.findById(server.deps.db, id);
      expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_INTERRUPTED' } });
      expect(job?.finishedAt).toBeInstanceOf(Date);
    }
    expect((await importJobsRepository.findById(server.deps.db, done.id))?.status).toBe(
      'succeeded',
    );
    expect((await importJobsRepository.findById(server.deps.db, newer.id))?.status).toBe('running');
    expect(await recoverImportJobs(server.deps, start)).toEqual([]);
  });

  it.runIf(kind === 'postgres')(
    "leaves the job another instance is running: its transaction holds the job's run lock",
    async () => {
      const target = server.handle.queueTarget;
      if (target.kind !== 'postgres') {
        throw new Error('expected PostgreSQL');
      }
      const job = await newJob('running', new Date('2026-11-20T11:00:00Z'));
      const other: DatabaseHandle = await openDatabase({ kind: 'postgres', url: target.url });
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const holding = new Promise<void>((resolve) => {
        locked = resolve;
      });
      try {
        // The other instance's import: its transaction holds the lock until it ends.
        const running = inTransaction({ ...server.deps, db: other.db }, async (tx) => {
          await importJobsRepository.holdRunLock(tx.db, job.id);
          locked();
          await released;
        });
        await holding;
        expect(await recoverImportJobs(server.deps, new Date('2026-11-20T12:00:00Z'))).toEqual([]);
        release();
        await running;
        expect(await recoverImportJobs(server.deps, new Date('2026-11-20T12:00:00Z'))).toEqual([
          job.id,
        ]);
      } finally {
        release();
        await other.close();
      }
    },
  );
});
