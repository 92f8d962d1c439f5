import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/http/test-server.ts';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import type { User } from '../../domain/user.ts';
import {
  actionItemsRepository,
  factorsRepository,
  timelineRepository,
} from '../../storage/repositories/parts-repositories.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { updateActionItem } from '../parts/action-items.ts';
import { addWhyNode } from '../why-tree/why-nodes.ts';
import { createPostmortemFromDocument } from './create-postmortem-from-document.ts';
import { exportPostmortem } from './export-postmortem.ts';
import { prepareDocumentImport } from './prepare-document-import.ts';

/** Another team's postmortem and its template, written for this project in their shape. */
const ownDocuments = ownFixture('documents');
/** Counted by reading each own file, as for the public ones below. */
const ownExpected: Record<string, [timeline: number, factors: number, actionItems: number] | null> =
  {
    '2026-04-02 - Card payments declined after payment client upgrade.md': [7, 3, 3],
    'Postmortem template.md': null,
  };
const postmortems = sharedFixture('postmortems');
const hasFixtures = existsSync(postmortems);
if (!hasFixtures) {
  console.warn(`fixture postmortems skipped: no fixtures at ${postmortems}`);
}

/**
 * Timeline rows, contributing factors and action items in each public postmortem, counted by
 * reading the file: rows of its timeline with a usable time (a row with a known day but a
 * placeholder time keeps its day; rows whose day is unknown or impossible are reported, not
 * guessed), top-level items of the lists under cause headings, and top-level items (or
 * checklist lines) under action headings. `null`: the file is no postmortem and is skipped.
 */
const expected: Record<string, [timeline: number, factors: number, actionItems: number] | null> = {
  'dfds-postmortems/PM2019-009 - Kubernetes network infrastructure IP starvation.md': [14, 7, 4],
  'dfds-postmortems/PM2019-010 - Hellman Kubernetes cluster node deletion.md': [6, 2, 2],
  'dfds-postmortems/PM2019-011 - Hellman Kubernetes IaC accidentally reverted.md': [11, 3, 5],
  'dfds-postmortems/PM2020-001 - Inotify file watches exhaustion.md': [2, 1, 1],
  'dfds-postmortems/PM2020-002 - KIAM service disruption on Hellman.md': [4, 3, 3],
  'dfds-postmortems/PM2020-003 - Postmortem for ADSync migration.md': [0, 4, 4],
  'dfds-postmortems/PM2020-004 - CoreDNS upgrade issue.md': [3, 3, 2],
  'dfds-postmortems/PM2020-005 - ALB instance attachment.md': [6, 6, 3],
  'dfds-postmortems/PM2020-006 - ADSync service accounts.md': [5, 2, 2],
  'dfds-postmortems/PM2020-007 - Unhealthy nodes.md': [5, 3, 2],
  'dfds-postmortems/PM2020-008 - Alcide admission causing Kubernetes timeouts.md': [6, 4, 2],
  'dfds-postmortems/PM2020-009 - KIAM service disruption due to upgrade.md': [3, 1, 1],
  'dfds-postmortems/PM2021-001 - Logs from Kubernetes not shipped to CWL.md': [4, 4, 3],
  'dfds-postmortems/PM2021-002 - Flux version bump causing component downtime.md': [4, 4, 4],
  'dfds-postmortems/PM2021-003 - Flux version bump causing component downtime.md': [7, 4, 3],
  'dfds-postmortems/PM2021-004 - ADFS outage.md': [8, 4, 3],
  'dfds-postmortems/PM2021-005 - All services returning 503 in Kubernetes.md': [7, 2, 3],
  'dfds-postmortems/PM2021-006 - All services returning 503 in Kubernetes.md': [5, 2, 3],
  'dfds-postmortems/PM2021-007 - All services returning 503 in Kubernetes.md': [5, 2, 2],
  'dfds-postmortems/PM2021-008 - Kubernetes ingress controller Traefik v2 configuration caused outage.md':
    [8, 5, 2],
  'dfds-postmortems/PM2021-009 - All services returning 404 in Kubernetes.md': [13, 3, 6],
  'dfds-postmortems/PM2021-010 - A limited amount of services deployed in Kubernetes returning 504.md':
    [10, 1, 3],
  'dfds-postmortems/PM2021-011 - Log4Shell.md': [26, 0, 6],
  'dfds-postmortems/PM2022-001 - Prometheus is down with connection refused errors.md': [18, 2, 1],
  'dfds-postmortems/PM2022-002 -  Logs not shipped to CloudWatch.md': [7, 3, 1],
  'dfds-postmortems/PM2022-003 - Two Kuberneste nodes were down.md': [12, 1, 2],
  'dfds-postmortems/PM2022-004 - Kafka metrics missing from Prometheus.md': [9, 3, 2],
  'dfds-postmortems/PM2022-005 - Node-IPC incident response.md': [12, 1, 2],
  'dfds-postmortems/PM2022-006 - ALB 502 errors.md': [8, 4, 4],
  'dfds-postmortems/PM2022-007 - Kafka metrics stopped being exported to Prometheus.md': [13, 3, 1],
  'dfds-postmortems/PM2022-008 - CRUD operations on K8s Service resources unavailable.md': [
    7, 7, 4,
  ],
  'dfds-postmortems/PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues.md': [20, 8, 7],
  'dfds-postmortems/PM2023-001 - Total node failure.md': [16, 4, 6],
  'dfds-postmortems/PM2023-002 - Logs not shipped to CloudWatch.md': [13, 1, 5],
  'dfds-postmortems/PMyyyy-nnn - Postmortem template.md': null,
  'dfds-postmortems/README.md': null,
  'kubernetes-test-infra/2019-01-23.md': [11, 0, 2],
  'kubernetes-test-infra/2019-02-05.md': [12, 0, 1],
  'kubernetes-test-infra/2019-02-08.md': [13, 0, 1],
  'kubernetes-test-infra/2019-03-26.md': [10, 0, 3],
  'kubernetes-test-infra/README.md': null,
  '2i2c-incident-reports/2020-10-28-memory-overload.md': [6, 0, 5],
  '2i2c-incident-reports/2023-01-23-Upgrading-ingress-nginx-caused-brief-outage-in-carbonplan.md': [
    0, 0, 0,
  ],
  '2i2c-incident-reports/2023-02-01-daskhub-induced-evictions.md': [1, 0, 5],
  '2i2c-incident-reports/2025-05-12-earthscope-resource-provisioning-issue.md': [25, 0, 2],
  '2i2c-incident-reports/2025-07-11-cloudbank-healthcheck.md': [15, 0, 2],
};

/** What the per-file report must list as unplaced, for a few files (a substring each). */
const unplacedMustName: Record<string, string[]> = {
  '2026-04-02 - Card payments declined after payment client upgrade.md': [
    'Support answered 41 tickets',
  ],
  'dfds-postmortems/PM2022-004 - Kafka metrics missing from Prometheus.md': [
    'TIMESTAMP_PLACEHOLDER',
  ],
  'dfds-postmortems/PM2020-003 - Postmortem for ADSync migration.md': ['impossible date'],
  'dfds-postmortems/PM2019-010 - Hellman Kubernetes cluster node deletion.md': [
    'Least-privilege in Hellman Kubernetes cluster',
  ],
  'kubernetes-test-infra/2019-01-23.md': ['Created By: Benjamin Elder'],
  '2i2c-incident-reports/2023-01-23-Upgrading-ingress-nginx-caused-brief-outage-in-carbonplan.md': [
    'Hub URL: carbonplan.2i2c.cloud',
  ],
};

describeEachDatabase('postmortems as documents', (kind) => {
  let server: TestServer;
  let actor: User;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await server.setUpAdmin();
    const admin = await usersRepository.findFirstAdmin(server.handle.db);
    if (!admin) {
      throw new Error('no admin');
    }
    actor = admin;
  });
  afterAll(() => server.close());

  const markdownOf = async (postmortemId: string) =>
    (await exportPostmortem(server.deps, actor, postmortemId, { format: 'md' })).body.toString();
  const importText = async (text: string, fileName: string) =>
    createPostmortemFromDocument(
      server.deps,
      actor,
      await prepareDocumentImport(text, fileName, server.deps.policy),
    );

  it('exports the demo, imports it as a new review, and exports the same bytes', async () => {
    const { postmortem } = await loadDemo(server.deps, actor);
    const first = await markdownOf(postmortem.id);
    const copy = await importText(first, 'demo.md');
    expect(copy.postmortemId).not.toBe(postmortem.id);
    expect(copy.timelineEventsProposed).toBe(9);
    expect(await markdownOf(copy.postmortemId)).toBe(first);
  });

  it('carries a verified action item and a why-tree across export and import', async () => {
    const { postmortem } = await loadDemo(server.deps, actor);
    const [item] = await actionItemsRepository.listForPostmortem(server.handle.db, postmortem.id);
    if (!item) {
      throw new Error('the demo has action items');
    }
    const done = await updateActionItem(server.deps, actor, item.id, item.version, {
      status: 'done',
      verificationEvidence: 'https://ci.example/checks/pool-size-gate',
    });
    await updateActionItem(server.deps, actor, item.id, done.version, {
      status: 'verified',
      verificationNote: 'A pool of 4 failed the config pipeline.',
    });
    const root = await addWhyNode(server.deps, actor, postmortem.id, {
      parentId: null,
      question: 'Why did checkout time out?',
      answer: 'Requests waited for one of 5 pooled connections.',
      category: null,
      mark: 'none',
      evidenceEventIds: [],
      noEvidenceReason: null,
      acceptedRiskReason: null,
    });
    await addWhyNode(server.deps, actor, postmortem.id, {
      parentId: root.id,
      question: 'Why were there only 5?',
      answer: 'The pool size is not checked against peak concurrency.',
      category: 'change_management',
      mark: 'root_cause',
      evidenceEventIds: [],
      noEvidenceReason: 'The change review is not in the timeline.',
      acceptedRiskReason: null,
    });
    const first = await markdownOf(postmortem.id);
    expect(first).toContain('status: verified');
    const copy = await importText(first, 'verified.md');
    expect(await markdownOf(copy.postmortemId)).toBe(first);
  });

  /** Imports `file` as a new review with `counts` parts, then export, import, export is exact. */
  async function expectDocumentRoundTrip(
    root: string,
    file: string,
    counts: [number, number, number] | null,
  ) {
    const text = readFileSync(join(root, file), 'utf8');
    const prepared = await prepareDocumentImport(text, file, server.deps.policy);
    if (counts === null) {
      expect(prepared.skipped).not.toBeNull();
      return;
    }
    expect(prepared.skipped).toBeNull();
    const unplacedText = prepared.document.unplaced.map((u) => `${u.heading} ${u.text}`).join('\n');
    for (const needle of unplacedMustName[file] ?? []) {
      expect(unplacedText).toContain(needle);
    }
    const created = await createPostmortemFromDocument(server.deps, actor, prepared);
    const db = server.handle.db;
    const [timeline, factors, actionItems] = [
      await timelineRepository.listForPostmortem(db, created.postmortemId),
      await factorsRepository.listForPostmortem(db, created.postmortemId),
      await actionItemsRepository.listForPostmortem(db, created.postmortemId),
    ];
    expect([timeline.length, factors.length, actionItems.length]).toEqual(counts);

    const first = await markdownOf(created.postmortemId);
    const again = await importText(first, file);
    expect(await markdownOf(again.postmortemId)).toBe(first);
  }

  describe('every postmortem document of our own', () => {
    it('is present as listed in the table', () => {
      expect(readdirSync(ownDocuments).sort()).toEqual(Object.keys(ownExpected).sort());
    });

    it.each(Object.entries(ownExpected))('%s', (file, counts) =>
      expectDocumentRoundTrip(ownDocuments, file, counts),
    );
  });

  describe.skipIf(!hasFixtures)('every public postmortem', () => {
    it('is present as listed in the table', () => {
      const files = readdirSync(postmortems).flatMap((dir) =>
        readdirSync(join(postmortems, dir)).map((file) => `${dir}/${file}`),
      );
      expect(files.sort()).toEqual(Object.keys(expected).sort());
    });

    it.each(Object.entries(expected))('%s', (file, counts) =>
      expectDocumentRoundTrip(postmortems, file, counts),
    );
  });
});
