import { matchesOf } from './matches-of.ts';
import type { Span } from './span.ts';

/** Straight or curly double quotes, and curly single quotes (a straight one is an apostrophe). */
const quoted =
  /"[^"\n]{2,400}"|“[^”\n]{2,400}”|‘[^’\n]{2,400}’(?!\p{L})|«[^»\n]{2,400}»|„[^“”\n]{2,400}[“”]/gu;

/**
 * The quoted passages of a text: a participant's own words ("I should have checked") are
 * theirs to say; a finding inside them is a hint, not an error.
 */
export function quotedSpans(text: string): Span[] {
  return matchesOf(quoted, text).map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** Whether a span lies inside one of the quoted passages. */
export const isInside = (spans: readonly Span[], span: Span) =>
  spans.some((q) => span.start >= q.start && span.end <= q.end);
