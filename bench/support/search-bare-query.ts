import { rankedMatchesMax } from '../../src/storage/repositories/search-statements.ts';

/**
 * The bare query: what a person would write for the same page over the same search rows and
 * indexes — match, the filters on the row's columns, the same bounded ranking (the first
 * `rankedMatchesMax` matches by title match then recency, ranked by `ts_rank`), the top 20.
 * Nothing else: no visibility, no total, no restricted parts, no snippets. With `full`, every
 * match is ranked instead. `filters` is the search's query string (`severity=sev1,sev2&…`).
 */
export function bareSearchQuery(q: string, filters: string, full = false): string {
  const params = new URLSearchParams(filters);
  const list = (name: string) =>
    params
      .get(name)
      ?.split(',')
      .map((v) => `'${v}'`)
      .join(',');
  const conditions: string[] = [];
  if (params.get('severity')) {
    conditions.push(`s.severity in (${list('severity')})`);
  }
  if (params.get('kind')) {
    conditions.push(`s.kinds && array[${list('kind')}]`);
  }
  if (params.get('service')) {
    conditions.push(`s.services && array[${list('service')}]`);
  }
  if (params.get('from')) {
    conditions.push(`s.last_started_at >= '${params.get('from')}'`);
  }
  if (params.get('phase')) {
    conditions.push(`s.phase in (${list('phase')})`);
  }
  if (params.get('category')) {
    conditions.push(`s.categories && array[${list('category')}]`);
  }
  const words = q.replaceAll("'", "''");
  const where = conditions.map((c) => `and ${c}`).join(' ');
  const query = `websearch_to_tsquery('english', '${words}')`;
  if (full) {
    return `select s.postmortem_id, ts_rank(s.document, query) as rank
      from search_postmortems s, ${query} query
      where s.document @@ query ${where}
      order by rank desc, s.number desc limit 20`;
  }
  return `select s.postmortem_id, ts_rank(s.document, query) as rank
    from (select s.postmortem_id from search_postmortems s, ${query} query
          where s.document @@ query ${where}
          order by s.title_document @@ query desc, s.created_at desc limit ${rankedMatchesMax}) c
      join search_postmortems s using (postmortem_id), ${query} query
    order by rank desc, s.number desc limit 20`;
}
