import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { holdInstanceLease } from '../../storage/instance-lease.ts';
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

  const newJob = (
    status: 'queued' | 'running' | 'succeeded',
    createdAt: Date,
    instanceId: string | null = null,
  ) =>
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
      instanceId,
      createdAt,
    });

  const postgresUrl = () => {
    const target = server.handle.queueTarget;
    if (target.kind !== 'postgres') {
      throw new Error('expected PostgreSQL');
    }
    return target.url;
  };

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
      const job = await newJob('running', new Date('2026-11-20T11:00:00Z'));
      const other: DatabaseHandle = await openDatabase({ kind: 'postgres', url: postgresUrl() });
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

  it.runIf(kind === 'postgres')(
    'leaves the job another live instance has just created, before its run starts: that instance holds its lease',
    async () => {
      // Another instance on the same database, alive: it holds its lease on a connection of its
      // own, and has created a job whose run (and run lock) has not started yet.
      const other: DatabaseHandle = await openDatabase({ kind: 'postgres', url: postgresUrl() });
      const lease = await holdInstanceLease(other, randomUUID());
      const start = new Date('2026-11-20T12:00:00Z');
      try {
        const queued = await newJob('queued', new Date('2026-11-20T11:59:59Z'), lease.id);
        const running = await newJob('running', new Date('2026-11-20T11:59:59Z'), lease.id);

        // This instance starts now and recovers: the other one is alive, so nothing is touched.
        expect(await recoverImportJobs(server.deps, start)).toEqual([]);
        for (const job of [queued, running]) {
          expect(await importJobsRepository.findById(server.deps.db, job.id)).toMatchObject({
            status: job.status,
            error: null,
          });
        }

        // The other instance dies (its connection ends, as with kill -9): its jobs are recovered.
        await lease.close();
        expect(await recoverImportJobs(server.deps, start)).toEqual([queued.id, running.id]);
      } finally {
        await lease.close();
        await other.close();
      }
    },
  );
});
