import { expect, it } from 'vitest';
import { startSearchScene } from '../../../test/http/search-scene.ts';
import { startSuiteScene } from '../../../test/http/start-suite-scene.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import type { SearchQuery } from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import { executePrepared, prepareStatement } from '../execute-prepared.ts';
import {
  type SearchFilterName,
  type SearchFilterSet,
  searchFilterNames,
} from './search-filter-conditions.ts';
import { searchShape, searchStatement, searchValues } from './search-statements.ts';

// A search's statement holds the filters it sets; past the bounded number of own texts, the
// text holding every filter (an unset one true) serves. Both must find the same hits, totals
// and snippets for every set of filters, for every kind of reader.
describeEachDatabase('search statements: own filters and every filter agree', (kind) => {
  const scene = startSuiteScene(() => startSearchScene(kind));

  /** A value of each filter that some of the scene's reviews have and others lack, so that
   * sets of several filters find one review, another, or none. */
  const values: Required<Pick<SearchQuery, SearchFilterName>> = {
    phase: ['data_gathering', 'analysis'],
    severity: ['sev3'],
    kind: ['outage', 'security'],
    service: ['checkout-api'],
    category: ['capacity'],
    from: '2026-10-01',
    to: '2026-11-01',
    published: false,
  };
  const subsets = Array.from({ length: 2 ** searchFilterNames.length }, (_, bits) =>
    searchFilterNames.filter((_name, at) => bits & (2 ** at)),
  );

  const run = (actor: Actor, query: SearchQuery, filters: SearchFilterSet) =>
    executePrepared<Record<string, unknown>>(
      scene.server.handle.db,
      prepareStatement(searchStatement({ ...searchShape(actor, query), filters })),
      searchValues(actor, query),
    );

  it('finds the same for all 256 sets of filters, with words and without', async () => {
    const readers: Actor[] = [
      { id: scene.author.user.id, role: 'member' },
      { id: scene.outsider.user.id, role: 'member' },
      { id: scene.admin.user.id, role: 'admin' },
    ];
    let withHits = 0;
    let without = 0;
    for (const actor of readers) {
      for (const words of ['', 'pool or resolver or quokkaseal']) {
        for (const subset of subsets) {
          const query: SearchQuery = { q: words, limit: 20, offset: 0 };
          for (const name of subset) {
            Object.assign(query, { [name]: values[name] });
          }
          const own = await run(actor, query, subset);
          const every = await run(actor, query, 'any');
          expect(own, `${actor.role} ${words} ${subset.join(',')}`).toEqual(every);
          if (own.length > 0) {
            withHits += 1;
          } else {
            without += 1;
          }
        }
      }
    }
    // Both outcomes are met many times, so the comparison is not between empty pages alone.
    expect(withHits).toBeGreaterThan(100);
    expect(without).toBeGreaterThan(100);
  }, 120_000);
});
