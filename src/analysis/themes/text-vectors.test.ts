import { describe, expect, it } from 'vitest';
import { cosine, tfIdfVectors, tokenize } from './text-vectors.ts';

describe('tfIdfVectors', () => {
  it('weighs a term present in every document, so that a lone recurring issue still compares', () => {
    const documents = [
      tokenize('Payment webhooks timing out'),
      tokenize('Payment webhooks timing out again'),
    ];
    const [first, second] = tfIdfVectors(documents);
    expect(first?.get('webhook')).toBeGreaterThan(0);
    expect(cosine(first ?? new Map(), second ?? new Map())).toBeGreaterThan(0.8);
  });

  it('weighs a term found in fewer documents above one found in all of them', () => {
    const [vector] = tfIdfVectors([
      tokenize('webhook timeout disk'),
      tokenize('webhook latency'),
      tokenize('webhook retries'),
    ]);
    expect(vector?.get('disk')).toBeGreaterThan(vector?.get('webhook') ?? 1);
  });

  it('gives unit-length vectors, and an empty one to a document without terms', () => {
    const [words, none] = tfIdfVectors([tokenize('disk full on build agents'), tokenize('the')]);
    const length = Math.sqrt([...(words?.values() ?? [])].reduce((sum, w) => sum + w * w, 0));
    expect(length).toBeCloseTo(1, 10);
    expect(none?.size).toBe(0);
  });
});
