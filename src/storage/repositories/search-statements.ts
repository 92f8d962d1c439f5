import { type SQL, sql } from 'drizzle-orm';
import { type SearchQuery, snippetStart, snippetStop } from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortems, searchDocuments, searchPostmortems } from '../schema.ts';
import {
  type SearchFilterSet,
  searchFilterConditions,
  searchFilterSetOf,
  searchFilterValues,
} from './search-filter-conditions.ts';
import { type SearchReader, searchPartVisibleTo, searchRowVisibleTo } from './search-visibility.ts';

/** The text-search configuration of every document and query. */
const config = sql.raw(`'english'::regconfig`);

/** A snippet: up to two fragments around the matched words, marked for `toSnippetSegments`. */
const headlineOptions = `StartSel=${snippetStart}, StopSel=${snippetStop}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * How many matches are ranked in full. `ts_rank` reads each match's whole vector (kilobytes per
 * postmortem), so ranking every match of a common word costs time in proportion to the hits.
 * A cheap first pass orders the matches by what the row holds inline — a match in the title (or
 * in a restricted part the reader may see) first, then the newest — and only the first
 * `rankedMatchesMax` (or the requested page's depth, if deeper) are ranked. The total counts
 * every match.
 */
export const rankedMatchesMax = 500;

/**
 * The search as CTEs ending in `matches (postmortem_id, number, created_at, first)`: every
 * postmortem the actor may see that passes the filters and matches the words. With words: the
 * search rows whose open parts match (one GIN lookup), plus those where only a restricted part
 * the actor may read matches (`restricted_hits`, with that part's rank); also `q`, the query.
 * Filters and visibility are conditions of the same query.
 */
function matchCtes({ reader, ranked, filters }: SearchShape): SQL {
  const where = sql.join(
    [searchRowVisibleTo(reader), ...searchFilterConditions(filters)],
    sql` and `,
  );
  if (!ranked) {
    return sql`matches as (
        select s.postmortem_id, s.number, s.created_at, false as first
        from ${searchPostmortems} s where ${where}
      )`;
  }
  return sql`q as (select websearch_to_tsquery(${config}, ${sql.placeholder('words')}) as query),
    restricted_hits as (
      select d.postmortem_id, sum(ts_rank(d.document, q.query))::float8 as rank
      from ${searchDocuments} d, q
      where d.part like 'restricted:%' and d.document @@ q.query and ${searchPartVisibleTo(reader)}
      group by d.postmortem_id
    ),
    matches as (
      select s.postmortem_id, s.number, s.created_at, s.title_document @@ q.query as first
      from ${searchPostmortems} s, q
      where s.document @@ q.query and ${where}
      union all
      select s.postmortem_id, s.number, s.created_at, true
      from restricted_hits r join ${searchPostmortems} s on s.postmortem_id = r.postmortem_id, q
      where not (s.document @@ q.query) and ${where}
    )`;
}

/**
 * A lateral join giving `snippet (part, headline)` for the postmortem `postmortemId` (a column
 * of the query, which also has `q`): its best-matching part the actor may read — a matching part
 * first, then the highest `ts_rank` — cut around the matched words. One `ts_headline` per
 * postmortem, since it parses the whole text of the part; none when no part the actor may read
 * matches or ranks.
 */
function snippetJoin(reader: SearchReader, postmortemId: SQL): SQL {
  return sql`left join lateral (
      select best.part, ts_headline(${config}, best.body, q.query, ${headlineOptions}) as headline
      from (
        select d.part, d.body, d.document @@ q.query as matches,
          ts_rank(d.document, q.query) as rank
        from ${searchDocuments} d
        where d.postmortem_id = ${postmortemId} and ${searchPartVisibleTo(reader)}
        order by matches desc, rank desc, d.part
        limit 1
      ) best
      where best.matches or best.rank > 0
    ) snippet on true`;
}

/**
 * The page of a search with words, with its total and each hit's snippet, as one statement:
 * the matches are read once (kept for the two that use them), ordered by what the row holds
 * inline and counted, only the first `depth` candidates are ranked with `ts_rank`, the page is
 * cut, and only the page's postmortems are read and get a `ts_headline` — the best part the
 * actor may read. (The count as a window over the ordering cost 1–2 ms more per common word:
 * the window keeps every match before the sort may see the first.)
 */
function rankedPageSql(shape: SearchShape): SQL {
  const { reader } = shape;
  return sql`with ${matchCtes(shape)},
    candidates as (
      select m.postmortem_id, m.number
      from matches m
      order by m.first desc, m.created_at desc, m.postmortem_id desc
      limit ${sql.placeholder('depth')}
    ),
    page as (
      select c.postmortem_id, c.number,
        ts_rank(s.document, q.query)::float8 + coalesce(r.rank, 0) as rank
      from candidates c
      join ${searchPostmortems} s on s.postmortem_id = c.postmortem_id
      cross join q
      left join restricted_hits r on r.postmortem_id = c.postmortem_id
      order by rank desc, c.number desc
      limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')}
    )
    select p.id, p.number, p.title, p.phase, p.created_at, page.rank,
      (select count(*) from matches) as total,
      snippet.part as snippet_part, snippet.headline as snippet_headline
    from page
    join ${postmortems} p on p.id = page.postmortem_id
    cross join q
    ${snippetJoin(reader, sql`page.postmortem_id`)}
    order by page.rank desc, page.number desc`;
}

/** The page of a search by filters alone, newest first, with its total. */
function filteredPageSql(shape: SearchShape): SQL {
  return sql`
    with ${matchCtes(shape)},
    page as (select * from matches order by created_at desc, postmortem_id desc
      limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')})
    select p.id, p.number, p.title, p.phase, p.created_at, null::float8 as rank,
      (select count(*) from matches) as total
    from page join ${postmortems} p on p.id = page.postmortem_id
    order by page.created_at desc, page.postmortem_id desc`;
}

/**
 * What a search statement is built for: whose visibility it checks, whether the search has
 * words (a page ranked by them, else newest first), whether it only counts the hits, and which
 * filters its text holds.
 */
export interface SearchShape {
  reader: SearchReader;
  ranked: boolean;
  /** The number of hits alone (`n`), for a page past the last one. */
  count: boolean;
  filters: SearchFilterSet;
}

/** The shape of this actor's search: its text holds the filters the search sets. */
export function searchShape(actor: Actor, query: SearchQuery, count = false): SearchShape {
  return {
    reader: actor.role === 'admin' ? 'admin' : 'account',
    ranked: !!query.q.trim(),
    count,
    filters: searchFilterSetOf(query),
  };
}

/**
 * A search statement, with placeholders for everything a search varies (`searchValues`), so
 * that it is built once per shape: a ranked page (`id, number, title, phase, created_at, rank,
 * total, snippet_part, snippet_headline`), a page by filters alone, newest first (the same
 * without snippets, rank null), or the count. Visibility and every filter are conditions of it,
 * so a postmortem the reader may not see is neither a hit, nor a snippet, nor part of the total.
 */
export function searchStatement(shape: SearchShape): SQL {
  if (shape.count) {
    return sql`with ${matchCtes(shape)} select count(*) as n from matches`;
  }
  return shape.ranked ? rankedPageSql(shape) : filteredPageSql(shape);
}

/** The values of a search statement's placeholders, for this actor and search. */
export function searchValues(actor: Actor, query: SearchQuery): Record<string, unknown> {
  return {
    ...searchFilterValues(query),
    actorId: actor.id,
    words: query.q.trim(),
    depth: Math.max(rankedMatchesMax, query.offset + query.limit),
    limit: query.limit,
    offset: query.offset,
  };
}
