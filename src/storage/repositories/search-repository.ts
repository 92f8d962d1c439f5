import { and, type SQL, sql } from 'drizzle-orm';
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
  contributingFactors,
  incidents,
  postmortemIncidents,
  postmortems,
  restrictedSections,
  searchDocuments,
  whyNodes,
} from '../schema.ts';
import { postmortemVisibleTo, restrictedSectionVisibleTo } from '../visibility.ts';
import { postmortemFilterConditions } from './postmortem-list-filters.ts';

/** The text-search configuration of every document and query. */
const config = sql.raw(`'english'::regconfig`);

const listOf = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The filters as SQL over `postmortems` (visibility is separate). */
export function searchFilterConditions(filters: SearchFilters): SQL[] {
  const reviewed = (condition: SQL) =>
    sql`exists (select 1 from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id where pi.postmortem_id = ${postmortems.id} and ${condition})`;
  const conditions = postmortemFilterConditions({
    phases: filters.phase,
    severities: filters.severity,
    kinds: filters.kind,
  }).filter((c): c is SQL => c !== undefined);
  if (filters.service?.length) {
    conditions.push(reviewed(sql`i.services && array[${listOf(filters.service)}]::text[]`));
  }
  if (filters.category?.length) {
    const categories = listOf(filters.category);
    conditions.push(sql`(exists (select 1 from ${contributingFactors} cf where cf.postmortem_id = ${postmortems.id} and cf.category in (${categories}))
      or exists (select 1 from ${whyNodes} w where w.postmortem_id = ${postmortems.id} and w.mark <> 'none' and w.category in (${categories})))`);
  }
  if (filters.from) {
    conditions.push(
      reviewed(sql`i.started_at >= ${filters.from}::date::timestamp at time zone 'UTC'`),
    );
  }
  if (filters.to) {
    conditions.push(
      reviewed(sql`i.started_at < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`),
    );
  }
  return conditions;
}

/**
 * SQL condition on a search document `d`: the actor may read this part. A restricted section's
 * part (`restricted:<key>`) only under the restricted-section rule, so its words are neither a
 * hit, nor a snippet, nor counted for anyone else.
 */
function partVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  return sql`(d.part not like 'restricted:%' or exists (
    select 1 from ${restrictedSections}
    where ${restrictedSections.postmortemId} = d.postmortem_id
      and 'restricted:' || ${restrictedSections.sectionKey} = d.part
      and ${restrictedSectionVisibleTo(actor)}))`;
}

interface HitRow extends Record<string, unknown> {
  id: string;
  number: number;
  title: string;
  phase: string;
  created_at: string | Date;
  rank: number | null;
  total: string | number;
}

interface SnippetRow extends Record<string, unknown> {
  postmortem_id: string;
  part: string;
  headline: string;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const headlineOptions = `StartSel=${snippetStart}, StopSel=${snippetStop}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over the search documents the database keeps (the search_triggers migration). Visibility
 * and every filter are conditions of the one query that ranks and counts, so a postmortem the
 * actor may not see is neither a hit nor part of the total.
 */
export const searchRepository = {
  async search(
    db: Database,
    actor: Actor,
    query: SearchQuery,
  ): Promise<{ hits: SearchHit[]; total: number }> {
    const where = and(postmortemVisibleTo(actor), ...searchFilterConditions(query)) as SQL;
    const words = query.q.trim();
    const rows = words
      ? rowsOf<HitRow>(
          await db.execute(sql`
            with matched as (
              select d.postmortem_id, sum(ts_rank(d.document, q.query))::float8 as rank
              from ${searchDocuments} d, websearch_to_tsquery(${config}, ${words}) q(query)
              where d.document @@ q.query and ${partVisibleTo(actor)}
              group by d.postmortem_id
            ), found as (
              select ${postmortems.id} as id, ${postmortems.number} as number, ${postmortems.title} as title,
                ${postmortems.phase} as phase, ${postmortems.createdAt} as created_at, matched.rank
              from matched join ${postmortems} on ${postmortems.id} = matched.postmortem_id
              where ${where}
            )
            select found.*, (select count(*) from found) as total from found
            order by rank desc, number desc
            limit ${query.limit} offset ${query.offset}`),
        )
      : rowsOf<HitRow>(
          await db.execute(sql`
            with found as (
              select ${postmortems.id} as id, ${postmortems.number} as number, ${postmortems.title} as title,
                ${postmortems.phase} as phase, ${postmortems.createdAt} as created_at, null::float8 as rank
              from ${postmortems} where ${where}
            )
            select found.*, (select count(*) from found) as total from found
            order by created_at desc, id desc
            limit ${query.limit} offset ${query.offset}`),
        );
    const total = rows[0] ? Number(rows[0].total) : await this.count(db, actor, query);
    const snippets = words
      ? await this.snippets(
          db,
          actor,
          rows.map((r) => r.id),
          words,
        )
      : new Map();
    return {
      total,
      hits: rows.map((row) => ({
        postmortemId: row.id,
        number: Number(row.number),
        title: row.title,
        phase: row.phase as PostmortemPhase,
        createdAt: new Date(row.created_at),
        rank: row.rank === null ? null : Number(row.rank),
        snippets: snippets.get(row.id) ?? [],
      })),
    };
  },

  /** The number of hits alone (for a page past the last one). */
  async count(db: Database, actor: Actor, query: SearchQuery): Promise<number> {
    const where = and(postmortemVisibleTo(actor), ...searchFilterConditions(query)) as SQL;
    const words = query.q.trim();
    const [row] = rowsOf<{ n: string | number }>(
      await db.execute(
        words
          ? sql`select count(*) as n from ${postmortems} where ${where} and exists (
              select 1 from ${searchDocuments} d where d.postmortem_id = ${postmortems.id}
                and d.document @@ websearch_to_tsquery(${config}, ${words}) and ${partVisibleTo(actor)})`
          : sql`select count(*) as n from ${postmortems} where ${where}`,
      ),
    );
    return Number(row?.n ?? 0);
  },

  /**
   * The best-matching part of each postmortem, cut around the matched words (up to two
   * fragments): one `ts_headline` per hit, since it parses the whole text of the part.
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
        select postmortem_id, part, ts_headline(${config}, body, query, ${headlineOptions}) as headline
        from (
          select d.postmortem_id, d.part, d.body, q.query,
            row_number() over (partition by d.postmortem_id order by ts_rank(d.document, q.query) desc, d.part) as n
          from ${searchDocuments} d, websearch_to_tsquery(${config}, ${words}) q(query)
          where d.postmortem_id in (${listOf(postmortemIds)}) and d.document @@ q.query
            and ${partVisibleTo(actor)}
        ) best
        where n = 1
        order by postmortem_id, n`),
    );
    for (const row of rows) {
      const list = result.get(row.postmortem_id) ?? [];
      list.push({ part: row.part as SearchPart, segments: toSnippetSegments(row.headline) });
      result.set(row.postmortem_id, list);
    }
    return result;
  },
};
