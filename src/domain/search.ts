import type { IncidentKind, Severity } from './incident.ts';
import type { PostmortemPhase } from './postmortem-phases.ts';

/** The searchable parts of a postmortem; a report section is `section:<key>`. */
export const searchParts = [
  'title',
  'incidents',
  'why_tree',
  'factors',
  'action_items',
  'timeline',
] as const;
export type SearchPart =
  | (typeof searchParts)[number]
  | `section:${string}`
  | `restricted:${string}`;

/** Filters of a search; they combine with AND, lists are OR within a filter. */
export interface SearchFilters {
  /** Any reviewed incident of one of these kinds. */
  kind?: IncidentKind[];
  /** The worst severity among the reviewed incidents. */
  severity?: Severity[];
  /** Any reviewed incident touched one of these services. */
  service?: string[];
  /** A contributing factor or a marked why-node in one of these taxonomy categories. */
  category?: string[];
  phase?: PostmortemPhase[];
  /** Any reviewed incident started on or after this day (`YYYY-MM-DD`, UTC). */
  from?: string;
  /** Any reviewed incident started on or before this day (`YYYY-MM-DD`, UTC). */
  to?: string;
  /** With (true) or without (false) a published report, internal or public. */
  published?: boolean;
}

/** A search: words (PostgreSQL web-search syntax; empty lists by recency) and filters. */
export interface SearchQuery extends SearchFilters {
  q: string;
  limit: number;
  offset: number;
}

/** A piece of a snippet: plain text, or a word that matched the query. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/** Where a postmortem matched, cut around the matching words. */
export interface SearchSnippet {
  part: SearchPart;
  segments: SnippetSegment[];
}

/** One postmortem found. */
export interface SearchHit {
  postmortemId: string;
  number: number;
  title: string;
  phase: PostmortemPhase;
  createdAt: Date;
  /** PostgreSQL's `ts_rank` of the open parts, plus that of each matching restricted part the reader may see; null without words. */
  rank: number | null;
  snippets: SearchSnippet[];
}

/** Marks ts_headline puts around a matched word; stripped from every indexed text. */
export const snippetStart = '\u0002';
export const snippetStop = '\u0003';

/** Splits a ts_headline result into plain and highlighted segments. */
export function toSnippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [index, piece] of headline.split(snippetStart).entries()) {
    const [hitText, rest] = index === 0 ? [undefined, piece] : splitOnce(piece, snippetStop);
    if (hitText) {
      segments.push({ text: hitText, hit: true });
    }
    if (rest) {
      segments.push({ text: rest, hit: false });
    }
  }
  return segments;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
