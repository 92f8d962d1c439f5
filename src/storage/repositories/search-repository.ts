import { type SQL, sql } from 'drizzle-orm';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import {
  type SearchFilters,
  type SearchHit,
  type SearchPart,
  type SearchQuery,
  snippetStart,
  snippetStop,
  toSnippetSegments,
} from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import {
  incidentMembers,
  postmortemMembers,
  postmortems,
  publications,
  restrictedSections,
  searchDocuments,
  searchPostmortems,
} from '../schema.ts';
import { restrictedSectionVisibleTo } from '../visibility.ts';

/** The text-search configuration of every document and query. */
const config = sql.raw(`'english'::regconfig`);

/** A snippet: up to two fragments around the matched words, marked for `toSnippetSegments`. */
const headlineOptions = `StartSel=${snippetStart}, StopSel=${snippetStop}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

const listOf = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const textArray = (values: readonly string[]) => sql`array[${listOf(values)}]::text[]`;

/** The filters as SQL over a search row `s` (`search_postmortems`; visibility is separate). */
export function searchFilterConditions(filters: SearchFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.phase?.length) {
    conditions.push(sql`s.phase in (${listOf(filters.phase)})`);
  }
  if (filters.severity?.length) {
    conditions.push(sql`s.severity in (${listOf(filters.severity)})`);
  }
  if (filters.kind?.length) {
    conditions.push(sql`s.kinds && ${textArray(filters.kind)}`);
  }
  if (filters.service?.length) {
    conditions.push(sql`s.services && ${textArray(filters.service)}`);
  }
  if (filters.category?.length) {
    conditions.push(sql`s.categories && ${textArray(filters.category)}`);
  }
  // Some reviewed incident started in the range: the last start on or after `from`, the first
  // on or before `to` (each filter alone is "any incident", as before the search row).
  if (filters.from) {
    conditions.push(sql`s.last_started_at >= ${filters.from}::date::timestamp at time zone 'UTC'`);
  }
  if (filters.to) {
    conditions.push(
      sql`s.first_started_at < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`,
    );
  }
  if (filters.published !== undefined) {
    const published = sql`exists (select 1 from ${publications} pb where pb.postmortem_id = s.postmortem_id and pb.status = 'published')`;
    conditions.push(filters.published ? published : sql`not ${published}`);
  }
  return conditions;
}

/**
 * SQL condition on a search row `s`: the actor may see this postmortem — `postmortemVisibleTo`
 * over the row's copies of the postmortem's restriction and of its restricted incidents (kept
 * by the same triggers, in the same commit): a member of the postmortem if it is restricted,
 * and of every restricted incident it reviews.
 */
function searchRowVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  // The actor's memberships are read once per query (uncorrelated), not once per match.
  return sql`((s.restricted = false or s.postmortem_id = any(array(
      select m.postmortem_id from ${postmortemMembers} m where m.user_id = ${actor.id})))
    and (cardinality(s.restricted_incident_ids) = 0 or s.restricted_incident_ids <@ array(
      select im.incident_id from ${incidentMembers} im where im.user_id = ${actor.id})))`;
}

/**
 * SQL condition on a search document `d`: the actor may read this part. A restricted section's
 * part (`restricted:<key>`) only under the restricted-section rule, so its words are neither a
 * hit, nor a snippet, nor counted for anyone else.
 */
const restrictedPrefix = 'restricted:';

function partVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  // Looked up by key for each restricted part (a few per search); `offset 0` keeps PostgreSQL
  // from turning it into a hash of every restricted section the actor may read, built twice per
  // search whether or not a restricted part is met.
  return sql`(d.part not like 'restricted:%' or exists (
    select 1 from ${restrictedSections}
    where ${restrictedSections.postmortemId} = d.postmortem_id
      and ${restrictedSections.sectionKey} = substr(d.part, ${restrictedPrefix.length + 1})
      and ${restrictedSectionVisibleTo(actor)}
    offset 0))`;
}

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
function matchCtes(actor: Actor, query: SearchQuery): SQL {
  const where = sql.join([searchRowVisibleTo(actor), ...searchFilterConditions(query)], sql` and `);
  const words = query.q.trim();
  if (!words) {
    return sql`matches as (
        select s.postmortem_id, s.number, s.created_at, false as first
        from ${searchPostmortems} s where ${where}
      )`;
  }
  return sql`q as (select websearch_to_tsquery(${config}, ${words}) as query),
    restricted_hits as (
      select d.postmortem_id, sum(ts_rank(d.document, q.query))::float8 as rank
      from ${searchDocuments} d, q
      where d.part like 'restricted:%' and d.document @@ q.query and ${partVisibleTo(actor)}
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
function snippetJoin(actor: Actor, postmortemId: SQL): SQL {
  return sql`left join lateral (
      select best.part, ts_headline(${config}, best.body, q.query, ${headlineOptions}) as headline
      from (
        select d.part, d.body, d.document @@ q.query as matches,
          ts_rank(d.document, q.query) as rank
        from ${searchDocuments} d
        where d.postmortem_id = ${postmortemId} and ${partVisibleTo(actor)}
        order by matches desc, rank desc, d.part
        limit 1
      ) best
      where best.matches or best.rank > 0
    ) snippet on true`;
}

/**
 * The page of a search with words, with its total and each hit's snippet, as one statement:
 * the matches are ordered by what the row holds inline and counted in the same pass (the
 * window runs over every match before the first `depth` are kept), only those candidates are
 * ranked with `ts_rank`, the page is cut, and only the page's postmortems are read and get a
 * `ts_headline` — the best part the actor may read, as `snippets` cuts it.
 */
function rankedPageSql(actor: Actor, query: SearchQuery): SQL {
  const depth = Math.max(rankedMatchesMax, query.offset + query.limit);
  return sql`with ${matchCtes(actor, query)},
    candidates as (
      select m.postmortem_id, m.number, count(*) over () as total
      from matches m
      order by m.first desc, m.created_at desc, m.postmortem_id desc
      limit ${depth}
    ),
    page as (
      select c.postmortem_id, c.number, c.total,
        ts_rank(s.document, q.query)::float8 + coalesce(r.rank, 0) as rank
      from candidates c
      join ${searchPostmortems} s on s.postmortem_id = c.postmortem_id
      cross join q
      left join restricted_hits r on r.postmortem_id = c.postmortem_id
      order by rank desc, c.number desc
      limit ${query.limit} offset ${query.offset}
    )
    select p.id, p.number, p.title, p.phase, p.created_at, page.rank, page.total,
      snippet.part as snippet_part, snippet.headline as snippet_headline
    from page
    join ${postmortems} p on p.id = page.postmortem_id
    cross join q
    ${snippetJoin(actor, sql`page.postmortem_id`)}
    order by page.rank desc, page.number desc`;
}

interface HitRow extends Record<string, unknown> {
  id: string;
  number: number;
  title: string;
  phase: string;
  created_at: string | Date;
  rank: number | null;
  total: string | number;
  snippet_part?: string | null;
  snippet_headline?: string | null;
}

interface SnippetRow extends Record<string, unknown> {
  postmortem_id: string;
  part: string;
  headline: string;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Full-text search over the search rows and documents the database keeps (the search_triggers
 * and search_per_postmortem migrations). A search is one statement — page, total and snippets
 * in one snapshot, so it needs no transaction — plus a count when the page is past the last
 * hit. Visibility and every filter are conditions of that statement, so a postmortem the actor
 * may not see is neither a hit, nor a snippet, nor part of the total.
 */
export const searchRepository = {
  async search(
    db: Database,
    actor: Actor,
    query: SearchQuery,
  ): Promise<{ hits: SearchHit[]; total: number }> {
    const words = query.q.trim();
    // The page is cut from the search rows; only its postmortems are read.
    const rows = rowsOf<HitRow>(
      await db.execute(
        words
          ? rankedPageSql(actor, query)
          : sql`
        with ${matchCtes(actor, query)},
        page as (select * from matches order by created_at desc, postmortem_id desc
          limit ${query.limit} offset ${query.offset})
        select p.id, p.number, p.title, p.phase, p.created_at, null::float8 as rank,
          (select count(*) from matches) as total
        from page join ${postmortems} p on p.id = page.postmortem_id
        order by page.created_at desc, page.postmortem_id desc`,
      ),
    );
    const total = rows[0] ? Number(rows[0].total) : await this.count(db, actor, query);
    return {
      total,
      hits: rows.map((row) => ({
        postmortemId: row.id,
        number: Number(row.number),
        title: row.title,
        phase: row.phase as PostmortemPhase,
        createdAt: new Date(row.created_at),
        rank: row.rank === null ? null : Number(row.rank),
        snippets:
          row.snippet_part && row.snippet_headline !== null && row.snippet_headline !== undefined
            ? [
                {
                  part: row.snippet_part as SearchPart,
                  segments: toSnippetSegments(row.snippet_headline),
                },
              ]
            : [],
      })),
    };
  },

  /** The number of hits alone (for a page past the last one). */
  async count(db: Database, actor: Actor, query: SearchQuery): Promise<number> {
    const [row] = rowsOf<{ n: string | number }>(
      await db.execute(sql`with ${matchCtes(actor, query)} select count(*) as n from matches`),
    );
    return Number(row?.n ?? 0);
  },

  /**
   * The snippet of each of these postmortems, as the search cuts it for its page (the search
   * itself cuts them in its own statement; this is the same step alone).
   */
  async snippets(
    db: Database,
    actor: Actor,
    postmortemIds: string[],
    words: string,
  ): Promise<
    Map<string, Array<{ part: SearchPart; segments: ReturnType<typeof toSnippetSegments> }>>
  > {
    const result = new Map<
      string,
      Array<{ part: SearchPart; segments: ReturnType<typeof toSnippetSegments> }>
    >();
    if (postmortemIds.length === 0) {
      return result;
    }
    const rows = rowsOf<SnippetRow>(
      await db.execute(sql`
        select ids.postmortem_id, snippet.part, snippet.headline
        from unnest(array[${listOf(postmortemIds)}]::uuid[]) ids(postmortem_id)
        cross join websearch_to_tsquery(${config}, ${words}) q(query)
        ${snippetJoin(actor, sql`ids.postmortem_id`)}
        where snippet.part is not null`),
    );
    for (const row of rows) {
      result.set(row.postmortem_id, [
        { part: row.part as SearchPart, segments: toSnippetSegments(row.headline) },
      ]);
    }
    return result;
  },
};
