import { describe, expect, it } from 'vitest';
import { searchAs, startSearchScene, titles } from '../../../../test/http/search-scene.ts';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

describeEachDatabase('search: saved views', (kind) => {
  const scene = startSuiteScene(() => startSearchScene(kind));

  describe('saved views', () => {
    it('are private until shared, run with the runner’s visibility, and only their owner changes them', async () => {
      expect((await scene.server.anonymous.get('/api/v1/search/views')).statusCode).toBe(401);
      const created = await scene.author.post('/api/v1/search/views', {
        name: 'sev1 reviews',
        filters: { severity: ['sev1'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const view = created.json().data;
      expect(view).toMatchObject({
        name: 'sev1 reviews',
        shared: false,
        ownerId: scene.author.user.id,
      });

      expect((await scene.outsider.get('/api/v1/search/views')).json().data).toEqual([]);
      expect((await scene.outsider.get(`/api/v1/search?view=${view.id}`)).statusCode).toBe(404);

      const mine = await searchAs(scene.author, `view=${view.id}`);
      expect(titles(mine)).toEqual(['Signing key exposure', 'Checkout connection pool exhausted']);
      expect(mine.applied.filters).toEqual({ severity: ['sev1'] });
      expect(titles(await searchAs(scene.author, `view=${view.id}&q=bucket`))).toEqual([
        'Checkout connection pool exhausted',
      ]);

      const stale = await scene.author.patch(
        `/api/v1/search/views/${view.id}`,
        { shared: true },
        9,
      );
      expect(stale.statusCode).toBe(412);
      const shared = await scene.author.patch(
        `/api/v1/search/views/${view.id}`,
        { shared: true },
        1,
      );
      expect(shared.statusCode, shared.body).toBe(200);

      const listed = (await scene.viewer.get('/api/v1/search/views')).json().data;
      expect(listed.map((v: { data: { id: string } }) => v.data.id)).toEqual([view.id]);
      expect(listed[0].abilities).toEqual({ update: false, delete: false });
      // The shared view runs with the viewer's own sight: the restricted review stays hidden.
      const theirs = await searchAs(scene.viewer, `view=${view.id}`);
      expect(titles(theirs)).toEqual(['Checkout connection pool exhausted']);
      expect(theirs.page.total).toBe(1);

      expect(
        (await scene.viewer.patch(`/api/v1/search/views/${view.id}`, { name: 'x' }, 2)).statusCode,
      ).toBe(403);
      expect((await scene.viewer.delete(`/api/v1/search/views/${view.id}`, 2)).statusCode).toBe(
        403,
      );
      expect((await scene.author.delete(`/api/v1/search/views/${view.id}`, 2)).statusCode).toBe(
        204,
      );
      expect((await scene.viewer.get('/api/v1/search/views')).json().data).toEqual([]);
    });

    it('refuses a bad view with every issue', async () => {
      const response = await scene.author.post('/api/v1/search/views', {
        name: '',
        filters: { severity: ['sev9'], colour: 'red' },
        shared: 'yes',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.length).toBeGreaterThanOrEqual(3);
    });
  });
});
