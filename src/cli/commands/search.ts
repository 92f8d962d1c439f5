import { searchPostmortems } from '../../app/search/search-postmortems.ts';
import { searchQuerySchema } from '../../contracts/search.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import { presentSearchHit } from '../../server/presenters/present-search.ts';
import { printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

/** Options of `debrief search`; list filters are comma-separated, as in the API. */
export interface SearchOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
  kind?: string;
  severity?: string;
  service?: string;
  category?: string;
  phase?: string;
  from?: string;
  to?: string;
  /** `true` or `false`, as in the API. */
  published?: string;
  view?: string;
  limit?: string;
  offset?: string;
}

/**
 * `debrief search "words" [filters] [--json]`: the API's search, as the acting account sees it.
 * Matched words are shown in [brackets] (JSON keeps the segments).
 */
export async function search(words: string | undefined, options: SearchOptions): Promise<void> {
  const { kind, severity, service, category, phase, from, to, published, view, limit, offset } =
    options;
  const query = searchQuerySchema.parse(
    Object.fromEntries(
      Object.entries({
        q: words ?? '',
        kind,
        severity,
        service,
        category,
        phase,
        from,
        to,
        published,
        view,
        limit,
        offset,
      }).filter(([, value]) => value !== undefined),
    ),
  );
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const { q, view: viewId, limit: pageSize, offset: from0, ...filters } = query;
    const result = await searchPostmortems(deps, actor, {
      ...filters,
      q,
      viewId,
      limit: pageSize,
      offset: from0,
    });
    const hits = result.hits.map(presentSearchHit);
    printResult(
      options.json,
      {
        data: hits,
        page: { total: result.total, offset: from0, limit: pageSize },
        applied: result.applied,
      },
      () => [
        ...hits.flatMap((hit) => [
          `PM-${formatRecordNumber(hit.number)}  ${hit.title}  (${hit.phase})  ${hit.postmortemId}`,
          ...hit.snippets.map(
            (snippet) =>
              `    ${snippet.part}: ${snippet.segments
                .map((s) => (s.hit ? `[${s.text}]` : s.text))
                .join('')
                .replace(/\s+/g, ' ')}`,
          ),
        ]),
        `${hits.length} of ${result.total} shown.`,
      ],
    );
  });
}
