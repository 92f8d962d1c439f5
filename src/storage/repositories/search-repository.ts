import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import {
  type SearchHit,
  type SearchPart,
  type SearchQuery,
  toSnippetSegments,
} from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { executePrepared, type PreparedStatement, prepareStatement } from '../execute-prepared.ts';
import {
  type SearchShape,
  searchShape,
  searchStatement,
  searchValues,
} from './search-statements.ts';

interface HitRow {
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

function toSearchHit(row: HitRow): SearchHit {
  return {
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
  };
}

/**
 * How many sets of filters get a statement text of their own. Each text stays prepared on each
 * connection that ran it, with its plan (about 170 kB on PostgreSQL), so their number is
 * bounded: the sets met after these share the text that holds every filter. With two kinds of
 * reader, a page with words or without, and the count, that is at most 72 statements per
 * connection (about 12 MB), and a handful in practice (none, a severity, a phase and a kind…).
 */
export const ownFilterSetsMax = 8;

const built = new Map<string, PreparedStatement>();
const ownFilterSets = new Set<string>();

/** The statement of a shape, built on first use. */
function statementOf(requested: SearchShape): PreparedStatement {
  const set = requested.filters === 'any' ? 'any' : requested.filters.join(',');
  if (ownFilterSets.size < ownFilterSetsMax) {
    ownFilterSets.add(set);
  }
  const own = ownFilterSets.has(set);
  const shape: SearchShape = own ? requested : { ...requested, filters: 'any' };
  const key = `${shape.reader}/${shape.ranked}/${shape.count}/${own ? set : 'any'}`;
  let statement = built.get(key);
  if (!statement) {
    statement = prepareStatement(searchStatement(shape));
    built.set(key, statement);
  }
  return statement;
}

/**
 * Full-text search over the search rows and documents the database keeps (the search_triggers
 * and search_per_postmortem migrations). A search is one statement (search-statements.ts) —
 * page, total and snippets in one snapshot, so it needs no transaction — plus a count when the
 * page is past the last hit. Each is a prepared statement of one text whatever the filters.
 */
export const searchRepository = {
  async search(
    db: Database,
    actor: Actor,
    query: SearchQuery,
  ): Promise<{ hits: SearchHit[]; total: number }> {
    const rows = await executePrepared<HitRow>(
      db,
      statementOf(searchShape(actor, query)),
      searchValues(actor, query),
    );
    const total = rows[0] ? Number(rows[0].total) : await this.count(db, actor, query);
    return { total, hits: rows.map(toSearchHit) };
  },

  /** The number of hits alone (for a page past the last one). */
  async count(db: Database, actor: Actor, query: SearchQuery): Promise<number> {
    const [row] = await executePrepared<{ n: string | number }>(
      db,
      statementOf(searchShape(actor, query, true)),
      searchValues(actor, query),
    );
    return Number(row?.n ?? 0);
  },
};
