import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppDeps } from '../../src/app/app-deps.ts';
import { defaultPolicy } from '../../src/domain/policy.ts';
import type { Actor } from '../../src/domain/user.ts';
import { buildApp } from '../../src/server/build-app.ts';
import { type DatabaseHandle, openDatabase } from '../../src/storage/open-database.ts';

/** A Debrief server for a benchmark, in this process, with a signed-in admin. */
export interface BenchServer {
  deps: AppDeps;
  handle: DatabaseHandle;
  /** Where it listens (`http://127.0.0.1:<port>`). */
  base: string;
  admin: Actor;
  /** POSTs as the admin through the real routes; the response's `data`. */
  post: (path: string, payload: unknown) => Promise<{ id: string }>;
  /** A resolved sev2 incident and its postmortem's id. */
  newPostmortem: () => Promise<string>;
  close: () => Promise<void>;
}

/** Opens PostgreSQL (`url`) or a PGlite directory under `work`, migrates, listens, sets up. */
export async function startBenchServer(
  url: string | undefined,
  work: string,
): Promise<BenchServer> {
  const handle = await openDatabase(
    url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: join(work, 'data') },
  );
  await handle.migrate();
  const deps = { db: handle.db, clock: () => new Date(), newId: randomUUID, policy: defaultPolicy };
  const app = await buildApp({ deps, ping: handle.ping });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { email: 'bench@example.com', name: 'Bench Admin', password: 'correct horse battery' },
  });
  const { user, csrfToken } = setup.json();
  const cookie = String(setup.headers['set-cookie']).split(';')[0] ?? '';
  const post = async (path: string, payload: unknown) =>
    (
      await app.inject({
        method: 'POST',
        url: path,
        payload: payload as Record<string, unknown>,
        headers: { cookie, 'x-csrf-token': csrfToken },
      })
    ).json().data;
  const newPostmortem = async () => {
    const incident = await post('/api/v1/incidents', {
      title: 'Payments pool saturation',
      kind: 'outage',
      severity: 'sev2',
      services: ['payments-db'],
      instants: { started_at: { at: '2026-01-01T08:00:00Z' } },
    });
    return (await post('/api/v1/postmortems', { incidentIds: [incident.id] })).id;
  };
  return {
    deps,
    handle,
    base,
    admin: user,
    post,
    newPostmortem,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
