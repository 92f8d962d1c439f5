import { stemmer } from 'stemmer';

// Words that say nothing about what happened; kept short on purpose (domain words stay).
const stopwords = new Set(
  `a about after again all also an and any are as at be been before being but by can could did
  do does due during each for from had has have he her his how i if in into is it its just more
  most no not of on once only or other our out over own same she should so some such than that
  the their them then there these they this those through to too under until up very was we
  were what when where which while who why will with would you your incident postmortem issue
  issues problem problems caused cause time times we our us`.split(/\s+/),
);

/** Lower-cased, stemmed terms of a text; numbers such as `503` are kept, they often name the failure. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 2 || stopwords.has(word)) {
      continue;
    }
    terms.push(/^\d+$/.test(word) ? word : stemmer(word));
  }
  return terms;
}

/** A sparse, unit-length TF-IDF vector. */
export type TermVector = Map<string, number>;

/**
 * TF-IDF vectors of documents against each other: term frequency dampened by a logarithm (a
 * word repeated ten times is not ten times the evidence), inverse document frequency smoothed
 * as ln(1 + n/df), so that rarer terms weigh more but a term present in every document still
 * weighs something. Vectors are normalised to length 1.
 */
export function tfIdfVectors(documents: readonly string[][]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const n = documents.length;
  return documents.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const vector: TermVector = new Map();
    let norm = 0;
    for (const [term, count] of counts) {
      // The unsmoothed ln(n/df) gave a term found everywhere no weight, so candidates that all
      // share one recurring issue had nothing in common and formed no theme.
      const weight = (1 + Math.log(count)) * Math.log(1 + n / (documentFrequency.get(term) ?? 1));
      vector.set(term, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    for (const [term, weight] of vector) {
      vector.set(term, weight / length);
    }
    return vector;
  });
}

/** Cosine similarity of two unit vectors: 0 (nothing shared) to 1 (same terms, same weights). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) {
    dot += weight * (large.get(term) ?? 0);
  }
  return dot;
}
