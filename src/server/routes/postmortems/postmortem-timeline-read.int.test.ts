import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createIncident as createIncidentAs,
  startTeamServer,
} from '../../../../test/http/team-server.ts';
import type { ApiClient, TestServer } from '../../../../test/http/test-server.ts';
import { describeEachDatabaseAndDataDir } from '../../../../test/support/test-database.ts';

// On PGlite's thread the presented timeline crosses as UTF-8 bytes and is written out as it came;
// elsewhere as text. Either way the answer is the same JSON, byte for byte, cold or cached.
describeEachDatabaseAndDataDir('reading a postmortem with its timeline', (kind) => {
  let server: TestServer;
  let member: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    ({ server, member, viewer } = await startTeamServer(kind));
  });
  afterAll(() => server.close());

  it('answers the timeline as the list presents it, in UTF-8, the same cold and cached', async () => {
    const incident = await createIncidentAs(member);
    const { data } = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json();
    const texts = ['Zoë paged “payments” 😀', 'Checkout recovered \\ "quoted"', '王伟 rolled back'];
    for (const [i, text] of texts.entries()) {
      await member.post(`/api/v1/postmortems/${data.id}/timeline-events`, {
        occurredAt: `2026-11-16T10:0${i}:00Z`,
        text,
      });
    }
    const url = `/api/v1/postmortems/${data.id}?include=timeline`;
    const cold = await member.get(url);
    expect(cold.statusCode).toBe(200);
    expect(cold.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(cold.headers['content-length'])).toBe(cold.rawPayload.length);
    const body = cold.json();
    expect(body.data.timeline.map((e: { text: string }) => e.text)).toEqual(texts);
    const list = (
      await member.get(`/api/v1/postmortems/${data.id}/timeline-events?limit=100`)
    ).json();
    expect(body.data.timeline).toEqual(list.data.map((item: { data: unknown }) => item.data));
    // Serialised as JSON.stringify would, key order included.
    expect(cold.body).toBe(JSON.stringify(body));
    const cached = await member.get(url);
    expect(cached.rawPayload.equals(cold.rawPayload)).toBe(true);
    // The viewer's own abilities, over the same cached data.
    const seen = await viewer.get(url);
    expect(seen.json().data).toEqual(body.data);
    expect(seen.json().abilities.update).toBe(false);
  });
});
