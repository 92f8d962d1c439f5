import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import type { Incident } from '../../domain/incident.ts';
import { openDatabase } from '../../storage/open-database.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';

const work = temporaryFolder('metrics');

const started = new Date('2026-10-01T10:00:00Z');

function incident(
  severity: 'sev2' | 'sev3',
  minutes: number,
  isDrill = false,
): Omit<Incident, 'number'> {
  return {
    id: randomUUID(),
    title: `Queue backlog for ${minutes} minutes`,
    summary: '',
    kind: 'outage',
    severity,
    potentialSeverity: null,
    isDrill,
    status: 'resolved',
    services: ['queue'],
    restricted: false,
    instants: {
      started_at: { at: started, source: 'manual', precision: 'exact' },
      resolved_at: {
        at: new Date(started.getTime() + minutes * 60_000),
        source: 'manual',
        precision: 'exact',
      },
    },
    memberIds: [],
    createdById: null,
    version: 1,
    createdAt: started,
    updatedAt: started,
  };
}

describe('debrief metrics [pglite data directory]', () => {
  const dataDir = join(work, 'data');
  const target = ['--data-dir', dataDir];

  // Seeded in-process: starting the binary once per incident would cost CI minutes for nothing.
  beforeAll(async () => {
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    await handle.migrate();
    await usersRepository.insertUser(handle.db, {
      id: randomUUID(),
      email: 'lead@example.com',
      name: 'Lee Lead',
      role: 'admin',
      passwordHash: 'unused',
      createdAt: started,
    });
    for (const [severity, minutes, drill] of [
      ['sev2', 10, false],
      ['sev2', 30, false],
      ['sev2', 600, false],
      ['sev3', 5, false],
      ['sev2', 10_000, true],
    ] as const) {
      await incidentsRepository.insertIncident(handle.db, incident(severity, minutes, drill));
    }
    await handle.close();
  });

  it('prints distributions by severity as JSON, drills left out', async () => {
    const json = await debrief([
      'metrics',
      ...target,
      '--by',
      'severity',
      '--since',
      '2026-10-01',
      '--until',
      '2026-10-01',
      '--json',
    ]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['sev2', 'sev3']);
    const sev2 = body.groups[0].measures.time_to_resolve;
    expect([sev2.count, sev2.median, sev2.p90, sev2.max]).toEqual([3, 1800, 36_000, 36_000]);
  });

  it('prints a table per group, and exits 2 naming every bad option', async () => {
    const text = await debrief(['metrics', ...target]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('all: 4 incident(s)');
    expect(text.stdout).toMatch(/time_to_resolve\s+4\s+10m/);

    const bad = await debrief(['metrics', ...target, '--by', 'colour', '--since', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('by');
    expect(bad.stderr).toContain('since');
  });
});
