import { type Comparable, similarity, vectorize } from './theme-similarity.ts';

/** One similar record and how similar (0–1). */
export interface SimilarMatch {
  id: string;
  score: number;
}

/**
 * The records most similar to `target` (by the theme similarity), best first, at most `limit`,
 * none below `minScore`. Word weights are learnt from the target and the records together.
 */
export function rankSimilar(
  target: Comparable,
  others: ReadonlyArray<Comparable & { id: string }>,
  options: { limit: number; minScore: number } = { limit: 5, minScore: 0.2 },
): SimilarMatch[] {
  const all = [target, ...others];
  const vectors = vectorize(all);
  return others
    .map((other, index) => ({
      id: other.id,
      score: similarity(vectors, 0, index + 1, target, other),
    }))
    .filter((match) => match.score >= options.minScore)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, options.limit);
}
