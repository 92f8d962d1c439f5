import { describe, expect, it } from 'vitest';
import { searchAs, startSearchScene } from '../../../../test/http/search-scene.ts';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

// A restricted postmortem, or a restricted section of an open one, gives a non-member no hit,
// no snippet and no count.
describeEachDatabase('search: restricted postmortems and sections', (kind) => {
  const scene = startSuiteScene(() => startSearchScene(kind));

  describe('restricted postmortems', () => {
    it('give a non-member no hit, no snippet and no count; a member and an admin find them', async () => {
      for (const client of [scene.outsider, scene.viewer]) {
        const body = await searchAs(client, 'q=quokkaseal');
        expect(body.data).toEqual([]);
        expect(body.page.total).toBe(0);
        const pool = await searchAs(client, 'q=signing+or+pool');
        expect(pool.data.map((h) => h.postmortemId)).not.toContain(scene.ids.secret);
        expect(JSON.stringify(pool)).not.toContain('quokkaseal');
        expect((await searchAs(client, 'kind=security')).page.total).toBe(0);
      }
      for (const client of [scene.author, scene.admin]) {
        const body = await searchAs(client, 'q=quokkaseal');
        expect(body.data.map((h) => h.postmortemId)).toEqual([scene.ids.secret]);
        expect(body.page.total).toBe(1);
      }
    });
  });

  describe('restricted sections', () => {
    it('hide their words from others until declassified, at write time both ways', async () => {
      const base = `/api/v1/postmortems/${scene.ids.pool}`;
      const version = (await scene.author.get(base)).json().data.version;
      const written = await scene.author.patch(
        base,
        { sections: { lessons_learned: 'The wombatgate credential sat in the pooler config' } },
        version,
      );
      expect(written.statusCode, written.body).toBe(200);
      expect((await searchAs(scene.outsider, 'q=wombatgate')).page.total).toBe(1);
      const restricted = await scene.author.post(`${base}/restricted-sections`, {
        key: 'lessons_learned',
        memberIds: [scene.author.user.id],
      });
      expect(restricted.statusCode, restricted.body).toBe(201);

      for (const client of [scene.outsider, scene.viewer]) {
        const body = await searchAs(client, 'q=wombatgate');
        expect(body.page.total).toBe(0);
        expect(body.data).toEqual([]);
        // The open parts of the same postmortem are still found, without the restricted text.
        const open = await searchAs(client, 'q=wombatgate+or+exhausted');
        expect(open.page.total).toBe(1);
        expect(JSON.stringify(open)).not.toContain('credential');
      }
      const mine = await searchAs(scene.author, 'q=wombatgate');
      expect(mine.data[0]?.snippets[0]?.part).toBe('restricted:lessons_learned');
      expect((await searchAs(scene.admin, 'q=wombatgate')).page.total).toBe(1);

      const declassified = await scene.author.delete(`${base}/restricted-sections/lessons_learned`);
      expect(declassified.statusCode, declassified.body).toBeLessThan(300);
      const now = await searchAs(scene.outsider, 'q=wombatgate');
      expect(now.page.total).toBe(1);
      expect(now.data[0]?.snippets[0]?.part).toBe('section:lessons_learned');
    });
  });
});
