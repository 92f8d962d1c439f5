import { cosine, type TermVector, tfIdfVectors, tokenize } from './text-vectors.ts';

/** The parts of a candidate similarity reads. */
export interface Comparable {
  title: string;
  text: string;
  services: string[];
  factorCategories: string[];
}

// A repeat usually gets nearly the same title; the body adds the mechanism. Tuned on the public
// postmortems in the fixtures: repeats score 0.35–0.95, unrelated reports at most 0.26.
const titleWeight = 0.3;

/** Overlap of two sets (0–1); `null` when either is empty: no evidence either way. */
export const jaccard = (a: readonly string[], b: readonly string[]) => {
  if (a.length === 0 || b.length === 0) {
    return null;
  }
  const setA = new Set(a);
  const shared = [...new Set(b)].filter((x) => setA.has(x)).length;
  return shared / (setA.size + new Set(b).size - shared);
};

/**
 * Similarity of two candidates: text (TF-IDF cosine of titles and of whole texts) weighs most; shared
 * services and factor categories add evidence only where both sides have them, so a report
 * without a service list is judged on its words alone.
 */
export function combine(text: number, services: number | null, factors: number | null): number {
  const parts: Array<[number, number]> = [[text, 0.6]];
  if (services !== null) {
    parts.push([services, 0.25]);
  }
  if (factors !== null) {
    parts.push([factors, 0.15]);
  }
  const weight = parts.reduce((sum, [, w]) => sum + w, 0);
  return parts.reduce((sum, [value, w]) => sum + value * w, 0) / weight;
}

/** TF-IDF vectors of the candidates' titles and of their whole text, against each other. */
export function vectorize(candidates: readonly Comparable[]): {
  titles: TermVector[];
  texts: TermVector[];
} {
  return {
    titles: tfIdfVectors(candidates.map((c) => tokenize(c.title))),
    texts: tfIdfVectors(candidates.map((c) => [...tokenize(c.title), ...tokenize(c.text)])),
  };
}

/** Similarity (0–1) of candidates `a` and `b` of one vectorised set. */
export function similarity(
  vectors: { titles: TermVector[]; texts: TermVector[] },
  a: number,
  b: number,
  ca: Comparable,
  cb: Comparable,
): number {
  const empty: TermVector = new Map();
  const text =
    titleWeight * cosine(vectors.titles[a] ?? empty, vectors.titles[b] ?? empty) +
    (1 - titleWeight) * cosine(vectors.texts[a] ?? empty, vectors.texts[b] ?? empty);
  return combine(
    text,
    jaccard(ca.services, cb.services),
    jaccard(ca.factorCategories, cb.factorCategories),
  );
}
