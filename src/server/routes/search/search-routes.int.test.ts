import { describe, expect, it } from 'vitest';
import {
  highlighted,
  searchAs,
  startSearchScene,
  titles,
} from '../../../../test/http/search-scene.ts';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

describeEachDatabase('search', (kind) => {
  const scene = startSuiteScene(() => startSearchScene(kind));

  describe('GET /api/v1/search', () => {
    it('refuses a caller without credentials', async () => {
      const response = await scene.server.anonymous.get('/api/v1/search?q=pool');
      expect(response.statusCode).toBe(401);
    });

    it('answers bad input with every issue as problem+json', async () => {
      const response = await scene.author.get(
        '/api/v1/search?q=pool&severity=sev9&limit=0&offset=-1&from=2026-12-01&to=2026-11-01&colour=red',
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.length).toBeGreaterThanOrEqual(4);
    });

    it('answers odd text with a 4xx, never a 5xx', async () => {
      for (const q of [
        '%00',
        'pool%00',
        '%ED%A0%80',
        "'):*&|!<->",
        '"""',
        '-',
        '!!!',
        'a'.repeat(500),
      ]) {
        const response = await scene.author.get(`/api/v1/search?q=${q}`);
        expect(response.statusCode, `${q}: ${response.body}`).toBeLessThan(500);
      }
      const long = await scene.author.get(`/api/v1/search?q=${'a'.repeat(501)}`);
      expect(long.statusCode).toBe(400);
    });

    it('finds words in the title, sections, timeline, why-tree, factors and action items, with snippets', async () => {
      const cases: Array<[string, string]> = [
        ['exhausted', 'title'],
        ['multiplied', 'section:summary'],
        ['pager', 'timeline'],
        ['unbounded', 'why_tree'],
        ['owned', 'factors'],
        ['bucket', 'action_items'],
      ];
      for (const [word, part] of cases) {
        const body = await searchAs(scene.viewer, `q=${word}`);
        expect(titles(body), word).toEqual(['Checkout connection pool exhausted']);
        const hit = body.data[0];
        expect(
          hit?.snippets.map((s) => s.part),
          word,
        ).toContain(part);
        expect(
          highlighted(hit).map((w) => w.toLowerCase()),
          word,
        ).toContain(word);
      }
    });

    it('cuts a snippet from the best-ranked part when no one part holds every word', async () => {
      const body = await searchAs(scene.viewer, 'q=exhausted+multiplied');
      expect(titles(body)).toEqual(['Checkout connection pool exhausted']);
      const snippets = body.data[0]?.snippets ?? [];
      // ts_headline marks words only where the whole query holds, so this snippet has none.
      expect(snippets).toHaveLength(1);
      expect(snippets[0]?.segments.map((g) => g.text).join('')).not.toBe('');
    });

    it('stems, ranks the title above a passing mention, and counts', async () => {
      const body = await searchAs(scene.author, 'q=pools');
      expect(titles(body)).toEqual([
        'Checkout connection pool exhausted',
        'Resolver outage in the edge network',
      ]);
      expect(body.page.total).toBe(2);
      expect(body.data[0]?.rank).toBeGreaterThan(body.data[1]?.rank ?? 0);
    });

    it('takes web-search syntax: phrases, or, exclusion', async () => {
      expect(titles(await searchAs(scene.author, 'q=%22resolver+cache%22'))).toEqual([
        'Resolver outage in the edge network',
      ]);
      expect(titles(await searchAs(scene.author, 'q=%22cache+resolver%22'))).toEqual([]);
      expect((await searchAs(scene.author, 'q=bucket+or+resolver')).page.total).toBe(2);
      expect(titles(await searchAs(scene.author, 'q=pool+-resolver'))).toEqual([
        'Checkout connection pool exhausted',
      ]);
    });

    it('filters by kind, severity, service, factor category, phase and dates', async () => {
      const only = async (query: string) => titles(await searchAs(scene.author, `q=pool&${query}`));
      expect(await only('kind=degradation')).toEqual(['Resolver outage in the edge network']);
      expect(await only('severity=sev1')).toEqual(['Checkout connection pool exhausted']);
      expect(await only('service=edge-dns,nothing')).toEqual([
        'Resolver outage in the edge network',
      ]);
      expect(await only('category=configuration')).toEqual(['Checkout connection pool exhausted']);
      expect(await only('category=capacity')).toEqual(['Resolver outage in the edge network']);
      expect(await only('phase=closed')).toEqual([]);
      expect(await only('phase=data_gathering')).toHaveLength(2);
      expect(await only('from=2026-11-01')).toEqual(['Resolver outage in the edge network']);
      expect(await only('to=2026-10-02')).toEqual(['Checkout connection pool exhausted']);
      expect(await only('from=2026-10-03&to=2026-11-11')).toEqual([]);
    });

    it('lists by filters alone, newest first, when there are no words', async () => {
      const body = await searchAs(scene.author, 'severity=sev1');
      expect(titles(body)).toEqual(['Signing key exposure', 'Checkout connection pool exhausted']);
      expect(body.data[0]?.rank).toBeNull();
    });

    it('keeps the document current at write time: an edit is searchable at once, the old words gone', async () => {
      const current = (await scene.author.get(`/api/v1/postmortems/${scene.ids.dns}`)).json().data;
      const renamed = await scene.author.patch(
        `/api/v1/postmortems/${scene.ids.dns}`,
        { title: 'Anycast failover in the edge network' },
        current.version,
      );
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(titles(await searchAs(scene.author, 'q=anycast'))).toEqual([
        'Anycast failover in the edge network',
      ]);
      // The old title is gone; the incident keeps its own, found through the `incidents` part.
      const old = await searchAs(scene.author, 'q=resolver+outage');
      expect(old.data.map((hit) => hit.snippets.map((s) => s.part))).toEqual([['incidents']]);
      const factor = (
        await scene.author.get(`/api/v1/postmortems/${scene.ids.dns}/contributing-factors`)
      ).json().data[0].data;
      const removed = await scene.author.delete(
        `/api/v1/contributing-factors/${factor.id}`,
        factor.version,
      );
      expect(removed.statusCode, removed.body).toBe(204);
      expect(titles(await searchAs(scene.author, 'q=stale'))).toEqual([]);
    });

    it('pages with limit and offset, the total unchanged', async () => {
      const first = await searchAs(scene.author, 'q=checkout+or+network&limit=1');
      const second = await searchAs(scene.author, 'q=checkout+or+network&limit=1&offset=1');
      expect(first.page.total).toBe(2);
      expect(second.page.total).toBe(2);
      expect(first.data[0]?.postmortemId).not.toBe(second.data[0]?.postmortemId);
      const beyond = await searchAs(scene.author, 'q=checkout+or+network&limit=1&offset=5');
      expect(beyond.data).toEqual([]);
      expect(beyond.page.total).toBe(2);
    });
  });
});
