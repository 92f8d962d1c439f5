import { describe, expect, it } from 'vitest';
import { shortenAtWord } from './shorten-at-word.ts';

describe('shortenAtWord', () => {
  it('returns text shorter than the limit unchanged, without an ellipsis', () => {
    expect(shortenAtWord('The pool ran dry.', 400)).toBe('The pool ran dry.');
  });

  it('returns text of exactly the limit unchanged, without an ellipsis', () => {
    expect(shortenAtWord('The pool ran dry.', 17)).toBe('The pool ran dry.');
  });

  it('cuts after the last whole word that fits with the ellipsis', () => {
    // 'The connection pool' is 19 characters: with the ellipsis, 20.
    expect(shortenAtWord('The connection pool on db-7 ran dry', 20)).toBe('The connection pool…');
    expect(shortenAtWord('The connection pool on db-7 ran dry', 19)).toBe('The connection…');
  });

  it('keeps a word that ends just before the limit and cuts the one that crosses it', () => {
    expect(shortenAtWord('Checkout timed out for forty minutes', 21)).toBe('Checkout timed out…');
  });

  it('leaves no whitespace before the ellipsis when the limit falls in a run of spaces', () => {
    expect(shortenAtWord('Checkout timed out   for forty minutes', 21)).toBe('Checkout timed out…');
    expect(shortenAtWord('Checkout timed out\n\tfor forty minutes', 20)).toBe(
      'Checkout timed out…',
    );
  });

  it('cuts a single word longer than the limit where the limit falls', () => {
    const dashboard = 'https://grafana.corp.example.com/d/pool-saturation?from=now-6h';
    expect(shortenAtWord(dashboard, 20)).toBe('https://grafana.cor…');
  });

  it('keeps the words before a long word rather than cutting into it', () => {
    const text = 'See https://grafana.corp.example.com/d/pool-saturation?from=now-6h';
    expect(shortenAtWord(text, 30)).toBe('See…');
  });

  it('never splits an emoji in two halves of a surrogate pair', () => {
    // 'db-7' is 4 code units, each 🔥 two: the 8th would be the first half of the third.
    const shortened = shortenAtWord('db-7🔥🔥🔥🔥', 8);
    expect(shortened).toBe('db-7🔥…');
    expect(shortened.length).toBe(7);
  });

  it('keeps an emoji made of several code points whole or leaves it out', () => {
    // 👩‍💻 is 👩, a zero-width joiner and 💻: five code units that read as one.
    expect(shortenAtWord('on-call👩‍💻👩‍💻', 12)).toBe('on-call…');
    expect(shortenAtWord('on-call👩‍💻👩‍💻', 13)).toBe('on-call👩‍💻…');
  });

  it('cuts before an emoji near the limit when a word ends before it', () => {
    expect(shortenAtWord('Paged 🔥🔥 again at 03:12', 10)).toBe('Paged…');
  });

  it('stays within the limit, ellipsis included', () => {
    const text =
      'Kenji Tanaka saw the pool on db-7 run dry; the deploy pipeline shipped the change.';
    for (let limit = 1; limit < text.length; limit += 1) {
      const shortened = shortenAtWord(text, limit);
      expect(shortened.length).toBeLessThanOrEqual(limit);
      expect(shortened.endsWith('…')).toBe(true);
    }
  });
});
