import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSource } from '../../src/app/imports/choose-source.ts';
import { isDomainError } from '../../src/domain/errors.ts';
import type { User } from '../../src/domain/user.ts';
import { openImportInput } from '../../src/inputs/open-import-input.ts';
import { usersRepository } from '../../src/storage/repositories/users-repository.ts';
import { timelineEvents } from '../../src/storage/schema.ts';
import { incidentBody, startTestServer, type TestServer } from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';
import { listPayloadFiles } from './support/fixture-files.ts';
import { importPath } from './support/import-file.ts';
import { mutate, mutationArb } from './support/mutations.ts';

/** Runs per fixture and database; small, so the whole file stays well under a minute. */
const runs = Number(process.env.DEBRIEF_FUZZ_RUNS ?? 12);
// The project's own payloads always; the shared real ones too when they are beside the repository.
const fixtures = listPayloadFiles();

describe('fuzz: mutated fixtures', () => {
  describeEachDatabase('every mutated fixture imports whole or not at all', (kind) => {
    let server: TestServer;
    let actor: User;
    let postmortemId: string;
    const work = mkdtempSync(join(tmpdir(), 'debrief-fuzz-'));
    const rawConverterErrors = new Map<string, number>();

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
      if (rawConverterErrors.size > 0) {
        console.info('converter errors that were not DomainErrors (wrapped):', rawConverterErrors);
      }
      rmSync(work, { recursive: true, force: true });
      await server?.close();
    });

    const rows = async () =>
      (
        await server.handle.db
          .select({ n: count() })
          .from(timelineEvents)
          .where(eq(timelineEvents.postmortemId, postmortemId))
      )[0]?.n ?? 0;

    it.each(fixtures)(
      '$name',
      async (fixture) => {
        const original = readFileSync(fixture.path);
        const opened = await openImportInput(fixture.path);
        let source: string | undefined;
        try {
          source = chooseSource(opened, undefined).converter.source;
        } catch {
          source = undefined;
        }
        const target = join(work, basename(fixture.path));
        await fc.assert(
          fc.asyncProperty(mutationArb, fc.boolean(), async (mutation, detect) => {
            writeFileSync(target, mutate(original, mutation));
            const before = await rows();
            const result = await importPath(
              server.deps,
              actor,
              postmortemId,
              target,
              detect ? undefined : source,
              { window: 'all' },
            );
            if (result.error === undefined) {
              expect(result.job?.status).toBe('succeeded');
              expect(await rows()).toBe(before + (result.outcome?.eventsProposed ?? 0));
              return;
            }
            if (!isDomainError(result.error)) {
              throw result.error;
            }
            const cause = result.error.cause;
            if (cause instanceof Error && !isDomainError(cause)) {
              rawConverterErrors.set(
                String(source),
                (rawConverterErrors.get(String(source)) ?? 0) + 1,
              );
            }
            if (result.job) {
              expect(result.job.status).toBe('failed');
            }
            expect(await rows()).toBe(before);
          }),
          { numRuns: runs },
        );
      },
      120_000,
    );
  });
});
