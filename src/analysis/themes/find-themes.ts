import type { Severity } from '../../domain/incident.ts';
import { similarity, vectorize } from './theme-similarity.ts';

/** What the clustering needs of an incident (or of a postmortem's incident). */
export interface ThemeCandidate {
  id: string;
  title: string;
  /** Summary, report sections, contributing factors, timeline text: whatever words there are. */
  text: string;
  services: string[];
  /** Contributing-factor categories from its postmortem, if any. */
  factorCategories: string[];
  occurredAt: Date;
  severity: Severity;
  /** From start to resolution, when known. */
  durationSeconds: number | null;
  hasPostmortem: boolean;
}

/** How similar two candidates must be, and how close in time, to belong to one theme. */
export interface ThemeOptions {
  /** Candidates further apart than this never link directly. */
  windowDays: number;
  /** Combined similarity (0–1) at or above which two candidates link. */
  threshold: number;
}

export const defaultThemeOptions: ThemeOptions = { windowDays: 30, threshold: 0.3 };

/** A group of related incidents with their aggregate impact. */
export interface Theme {
  ids: string[];
  /** The terms the group shares most, as a label. */
  terms: string[];
  services: string[];
  factorCategories: string[];
  count: number;
  totalDurationSeconds: number;
  withoutPostmortem: number;
  severities: Partial<Record<Severity, number>>;
  from: Date;
  to: Date;
}

/** Similarity matrix of the candidates (0 for pairs further apart than the window) and their vectors. */
export function similarityMatrix(
  candidates: readonly ThemeCandidate[],
  windowDays: number,
): { matrix: number[][]; vectors: Array<Map<string, number>> } {
  const vectors = vectorize(candidates);
  const window = windowDays * 86_400_000;
  const matrix = candidates.map(() => new Array<number>(candidates.length).fill(0));
  candidates.forEach((ca, a) => {
    for (let b = a + 1; b < candidates.length; b += 1) {
      const cb = candidates[b] as ThemeCandidate;
      if (Math.abs(ca.occurredAt.getTime() - cb.occurredAt.getTime()) > window) {
        continue;
      }
      const score = similarity(vectors, a, b, ca, cb);
      (matrix[a] as number[])[b] = score;
      (matrix[b] as number[])[a] = score;
    }
  });
  return { matrix, vectors: vectors.texts };
}

/**
 * Average-linkage clustering: repeatedly merges the two groups whose members are, on average,
 * most similar, while that average reaches the threshold. Unlike linking every similar pair,
 * it does not chain A–B–C into one group when A and C have nothing in common.
 */
export function clusterBySimilarity(matrix: number[][], threshold: number): number[][] {
  let clusters = matrix.map((_, i) => [i]);
  // Average similarity between clusters, kept up to date as they merge (Lance–Williams).
  let between = matrix.map((row) => [...row]);
  for (;;) {
    let best = { i: -1, j: -1, score: threshold };
    for (let i = 0; i < clusters.length; i += 1) {
      for (let j = i + 1; j < clusters.length; j += 1) {
        const score = between[i]?.[j] ?? 0;
        if (score >= best.score && (best.i === -1 || score > best.score)) {
          best = { i, j, score };
        }
      }
    }
    if (best.i === -1) {
      return clusters;
    }
    const { i, j } = best;
    const ci = clusters[i] as number[];
    const cj = clusters[j] as number[];
    const merged = [...ci, ...cj];
    const mergedRow = clusters.map(
      (_, k) =>
        ((between[k]?.[i] ?? 0) * ci.length + (between[k]?.[j] ?? 0) * cj.length) / merged.length,
    );
    const keep = (_: unknown, k: number) => k !== i && k !== j;
    const rest = clusters.map((_, k) => k).filter((k) => keep(null, k));
    between = [
      ...rest.map((k) => [...rest.map((l) => between[k]?.[l] ?? 0), mergedRow[k] ?? 0]),
      [...rest.map((k) => mergedRow[k] ?? 0), 0],
    ];
    clusters = [...rest.map((k) => clusters[k] as number[]), merged];
  }
}

function topTerms(vectors: Array<Map<string, number>>, members: number[]): string[] {
  const weight = new Map<string, number>();
  const seenIn = new Map<string, number>();
  for (const member of members) {
    for (const [term, w] of vectors[member] ?? []) {
      weight.set(term, (weight.get(term) ?? 0) + w);
      seenIn.set(term, (seenIn.get(term) ?? 0) + 1);
    }
  }
  return [...weight.entries()]
    .filter(([term]) => (seenIn.get(term) ?? 0) >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([term]) => term);
}

/**
 * Groups related incidents into themes (two or more members), largest first, each with its
 * aggregate impact: count, total duration, services, severities, how many had no postmortem.
 */
export function findThemes(
  candidates: readonly ThemeCandidate[],
  options: ThemeOptions = defaultThemeOptions,
): Theme[] {
  const { matrix, vectors } = similarityMatrix(candidates, options.windowDays);
  return clusterBySimilarity(matrix, options.threshold)
    .filter((members) => members.length >= 2)
    .map((members) => {
      const items = members
        .map((m) => candidates[m] as ThemeCandidate)
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      const severities: Partial<Record<Severity, number>> = {};
      for (const item of items) {
        severities[item.severity] = (severities[item.severity] ?? 0) + 1;
      }
      return {
        ids: items.map((item) => item.id),
        terms: topTerms(vectors, members),
        services: [...new Set(items.flatMap((item) => item.services))].sort(),
        factorCategories: [...new Set(items.flatMap((item) => item.factorCategories))].sort(),
        count: items.length,
        totalDurationSeconds: items.reduce((sum, item) => sum + (item.durationSeconds ?? 0), 0),
        withoutPostmortem: items.filter((item) => !item.hasPostmortem).length,
        severities,
        from: (items[0] as ThemeCandidate).occurredAt,
        to: (items.at(-1) as ThemeCandidate).occurredAt,
      };
    })
    .sort((a, b) => b.count - a.count || a.from.getTime() - b.from.getTime());
}
