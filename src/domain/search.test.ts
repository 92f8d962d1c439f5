import { describe, expect, it } from 'vitest';
import { snippetStart as a, toSnippetSegments, snippetStop as z } from './search.ts';

describe('toSnippetSegments', () => {
  it('splits a headline into plain and matched segments', () => {
    expect(toSnippetSegments(`The ${a}pool${z} was ${a}exhausted${z} at noon`)).toEqual([
      { text: 'The ', hit: false },
      { text: 'pool', hit: true },
      { text: ' was ', hit: false },
      { text: 'exhausted', hit: true },
      { text: ' at noon', hit: false },
    ]);
  });

  it('keeps a headline without matches whole, and an unterminated mark as a match', () => {
    expect(toSnippetSegments('no match here')).toEqual([{ text: 'no match here', hit: false }]);
    expect(toSnippetSegments(`${a}pool`)).toEqual([{ text: 'pool', hit: true }]);
    expect(toSnippetSegments('')).toEqual([]);
  });
});
