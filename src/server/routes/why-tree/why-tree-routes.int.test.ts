import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, postmortems, whyNodeEvidence, whyNodes } from '../../../storage/schema.ts';

const unknownId = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('why-tree routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
  });
  afterAll(() => server.close());

  /** A postmortem with one timeline event; returns its base URL, id and the event id. */
  const openPostmortem = async (overrides: Record<string, unknown> = {}) => {
    const incident = (await member.post('/api/v1/incidents', incidentBody(overrides))).json().data;
    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    const base = `/api/v1/postmortems/${postmortem.id}`;
    const event = (
      await member.post(`${base}/timeline-events`, {
        occurredAt: '2026-11-16T10:05:00Z',
        text: 'Pool saturation alert fired',
        kind: 'detection',
      })
    ).json().data;
    return { base, id: postmortem.id as string, eventId: event.id as string };
  };
  const addWhy = (base: string, body: Record<string, unknown>, client = member) =>
    client.post(`${base}/why-nodes`, { question: 'Why?', ...body });
  const codes = (response: LightMyRequestResponse) =>
    response.json().details.unmet.map((u: { code: string }) => u.code);

  it('refuses anonymous and viewer writes but lets viewers read', async () => {
    const { base } = await openPostmortem();
    expect((await server.anonymous.get(`${base}/why-nodes`)).statusCode).toBe(401);
    expect((await addWhy(base, {}, viewer)).statusCode).toBe(403);
    await addWhy(base, { question: 'Why did checkout fail?' });
    const read = await viewer.get(`${base}/why-nodes`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.create).toBe(false);
    expect(read.json().data[0].abilities).toEqual({
      update: false,
      remove: false,
      addChild: false,
    });
    expect((await member.get(`${base}/why-nodes`)).json().abilities.create).toBe(true);
  });

  it('validates the body, the category, the parent and the evidence, writing nothing', async () => {
    const { base, id } = await openPostmortem();
    const invalid = await member.post(`${base}/why-nodes`, { question: '', mark: 'culprit' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.mark', 'body.question']);
    const category = await addWhy(base, { category: 'gremlins' });
    expect(category.statusCode).toBe(400);
    expect(category.json().errors[0].path).toBe('category');
    const parent = await addWhy(base, { parentId: unknownId });
    expect(parent.statusCode).toBe(422);
    expect(parent.json().details.rule).toBe('WHY_NODE_PARENT_UNKNOWN');
    const other = await openPostmortem();
    const evidence = await addWhy(base, { evidenceEventIds: [other.eventId] });
    expect(evidence.statusCode).toBe(422);
    expect(evidence.json().details).toMatchObject({
      rule: 'FOREIGN_EVIDENCE',
      timelineEventIds: [other.eventId],
    });
    const [row] = await server.handle.db
      .select({ n: count() })
      .from(whyNodes)
      .where(eq(whyNodes.postmortemId, id));
    expect(row?.n).toBe(0);
  });

  it('builds a branching tree, sets evidence, moves without cycles, and audits each write', async () => {
    const { base, id, eventId } = await openPostmortem();
    const root = (await addWhy(base, { question: 'Why did checkout fail?' })).json().data;
    const created = await addWhy(base, {
      parentId: root.id,
      question: 'Why was the pool exhausted?',
      answer: 'The limit was lowered',
      category: 'configuration',
      evidenceEventIds: [eventId],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const child = created.json().data;
    expect(child).toMatchObject({ parentId: root.id, evidenceEventIds: [eventId], position: 0 });
    const sibling = (await addWhy(base, { parentId: root.id, question: 'Why so slow?' })).json()
      .data;
    expect(sibling.position).toBe(1);

    const url = `/api/v1/why-nodes/${child.id}`;
    expect((await member.patch(url, { mark: 'root_cause' })).statusCode).toBe(428);
    const marked = await member.patch(url, { mark: 'root_cause', evidenceEventIds: [] }, 1);
    expect(marked.json().data).toMatchObject({
      mark: 'root_cause',
      evidenceEventIds: [],
      version: 2,
    });
    expect((await member.patch(url, { answer: 'stale' }, 1)).statusCode).toBe(412);

    const cycle = await member.patch(
      `/api/v1/why-nodes/${root.id}`,
      { parentId: child.id },
      root.version,
    );
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().details.rule).toBe('WHY_TREE_CYCLE');
    const hintsOf = async () =>
      (await member.get(`${base}/why-nodes`))
        .json()
        .hints.map((h: { kind: string; nodeId: string }) => [h.kind, h.nodeId]);
    expect(await hintsOf()).toEqual([
      ['shallow_branch', child.id],
      ['shallow_branch', sibling.id],
    ]);
    const moved = await member.patch(url, { parentId: sibling.id }, 2);
    expect(moved.json().data).toMatchObject({ parentId: sibling.id, version: 3 });

    const list = (await member.get(`${base}/why-nodes`)).json();
    expect(list.data).toHaveLength(3);
    expect(list.page.total).toBe(3);
    expect(list.hints).toEqual([]);

    const before = (await member.get(base)).json().data.version;
    expect((await member.delete(`/api/v1/why-nodes/${sibling.id}`, 1)).statusCode).toBe(204);
    // The subtree goes with its parent, evidence links too.
    const [left] = await server.handle.db
      .select({ n: count() })
      .from(whyNodes)
      .where(eq(whyNodes.postmortemId, id));
    expect(left?.n).toBe(1);
    const [links] = await server.handle.db
      .select({ n: count() })
      .from(whyNodeEvidence)
      .where(eq(whyNodeEvidence.whyNodeId, child.id));
    expect(links?.n).toBe(0);
    expect((await member.get(base)).json().data.version).toBe(before);

    const trail = await server.handle.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.postmortemId, id), eq(auditEvents.subjectType, 'why_node')));
    expect(trail.map((e) => e.action).sort()).toEqual([
      'why_node.created',
      'why_node.created',
      'why_node.created',
      'why_node.removed',
      'why_node.updated',
      'why_node.updated',
    ]);
    const removed = trail.find((e) => e.action === 'why_node.removed');
    expect(removed?.data).toMatchObject({ removedBelow: [child.id] });
  });

  it('exports the tree as Mermaid text', async () => {
    const { base } = await openPostmortem();
    const root = (await addWhy(base, { question: 'Why did "it" fail? <b>' })).json().data;
    await addWhy(base, { parentId: root.id, question: 'Why?', mark: 'root_cause' });
    const response = await member.get(`${base}/why-tree.mmd`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body.split('\n')[0]).toBe('graph TD');
    expect(response.body).toContain('w1 --> w2');
    expect(response.body).toContain('class w2 rootCause');
    expect(response.body).not.toContain('<b>');
  });

  it('hides a restricted postmortem’s tree from outsiders', async () => {
    const { base } = await openPostmortem({ kind: 'security', title: 'Token exposure' });
    const node = (await addWhy(base, { question: 'Why was the token logged?' })).json().data;
    const outsider = await server.signUp(admin, 'member');
    for (const client of [outsider, viewer]) {
      expect((await client.get(`${base}/why-nodes`)).statusCode).toBe(404);
      expect((await client.get(`${base}/why-tree.mmd`)).statusCode).toBe(404);
    }
    expect((await addWhy(base, {}, outsider)).statusCode).toBe(404);
    const url = `/api/v1/why-nodes/${node.id}`;
    expect((await outsider.patch(url, { answer: 'x' }, 1)).statusCode).toBe(404);
    expect((await outsider.delete(url, 1)).statusCode).toBe(404);
    expect((await admin.get(`${base}/why-nodes`)).json().data).toHaveLength(1);
  });

  describe('the phase guards read the tree', () => {
    it('reaches documentation with only a why-tree root cause, and needs its evidence', async () => {
      const { base, id, eventId } = await openPostmortem();
      let version = (await member.get(base)).json().data.version;
      const advance = async (to: string) => {
        const response = await member.post(`${base}/transitions`, { to }, version);
        if (response.statusCode === 200) {
          version = response.json().data.version;
        }
        return response;
      };
      expect((await advance('analysis')).statusCode).toBe(200);
      const meeting = await member.patch(
        base,
        { analysisMeetingAt: '2026-11-18T15:00:00Z' },
        version,
      );
      version = meeting.json().data.version;
      expect(codes(await advance('documentation'))).toEqual(['NO_CAUSES_IDENTIFIED']);

      const cause = (
        await addWhy(base, { question: 'Why was the pool too small?', mark: 'root_cause' })
      ).json().data;
      const refused = await advance('documentation');
      expect(refused.statusCode).toBe(409);
      expect(codes(refused)).toEqual(['ROOT_CAUSE_WITHOUT_EVIDENCE']);
      expect(refused.json().details.unmet[0].subject).toEqual({ type: 'why_node', id: cause.id });

      const withEvidence = await member.patch(
        `/api/v1/why-nodes/${cause.id}`,
        { evidenceEventIds: [eventId] },
        cause.version,
      );
      expect(withEvidence.statusCode).toBe(200);
      expect((await advance('documentation')).statusCode).toBe(200);
      const [row] = await server.handle.db
        .select({ phase: postmortems.phase })
        .from(postmortems)
        .where(eq(postmortems.id, id));
      expect(row?.phase).toBe('documentation');

      const toFollowUp = await advance('follow_up');
      expect(toFollowUp.json().details.unmet).toContainEqual(
        expect.objectContaining({
          code: 'ROOT_CAUSE_WITHOUT_ACTION',
          subject: { type: 'why_node', id: cause.id },
        }),
      );
      await member.post(`${base}/action-items`, {
        title: 'Size pools from load tests',
        kind: 'prevent',
        linkedWhyNodeIds: [cause.id],
      });
      const after = await advance('follow_up');
      expect(codes(after)).not.toContain('ROOT_CAUSE_WITHOUT_ACTION');
    });

    it('accepts a root cause with a reason instead of evidence', async () => {
      const { base } = await openPostmortem();
      await addWhy(base, {
        question: 'Why did the cache stampede?',
        mark: 'root_cause',
        noEvidenceReason: 'Metrics were not retained that far back',
      });
      let version = (await member.get(base)).json().data.version;
      version = (await member.post(`${base}/transitions`, { to: 'analysis' }, version)).json().data
        .version;
      version = (
        await member.patch(base, { analysisMeetingAt: '2026-11-18T15:00:00Z' }, version)
      ).json().data.version;
      const response = await member.post(`${base}/transitions`, { to: 'documentation' }, version);
      expect(response.statusCode).toBe(200);
    });
  });
});
