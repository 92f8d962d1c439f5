import { describe, expect, it } from 'vitest';
import { readLabelledSentences } from '../../../test/support/labelled-sentences.ts';
import { blameTemplates, templateParts } from './blame-templates.ts';
import { latin1Letters, latin1Source } from './latin1-source.ts';
import { matchesOf } from './matches-of.ts';
import { personSlot } from './person-slot.ts';

const latin1 = Array.from({ length: 256 }, (_, code) => String.fromCharCode(code));

describe('latin1Letters', () => {
  it('holds exactly the letters and marks of Latin-1, with and without case folding', () => {
    for (const flags of ['u', 'iu']) {
      const unicode = new RegExp('[\\p{L}\\p{M}]', flags);
      const written = new RegExp(`[${latin1Letters}]`, flags);
      expect(latin1.filter((c) => written.test(c))).toEqual(latin1.filter((c) => unicode.test(c)));
    }
  });
});

describe('latin1Source', () => {
  it('writes out letter and mark classes, negated ones too', () => {
    expect(latin1Source('[\\p{L}\\p{M}-]x(?![^\\p{L}])')).toBe(
      `[${latin1Letters}-]x(?![^${latin1Letters}])`,
    );
  });

  it('keeps the pattern as written for other properties and for a property outside a class', () => {
    expect(latin1Source('[\\p{Lu}]')).toBeUndefined();
    expect(latin1Source('\\p{L}+')).toBeUndefined();
    expect(latin1Source('\\P{L}')).toBeUndefined();
  });

  it('leaves escaped brackets and backslashes alone', () => {
    expect(latin1Source('\\[\\\\[\\p{L}\\]]')).toBe(`\\[\\\\[${latin1Letters}\\]]`);
  });

  // Every template on the labelled set, in Latin-1 (other characters turned into apostrophes):
  // the same matches, groups included, either way.
  const texts = readLabelledSentences().map(({ sentence }) => sentence.replace(/[^\0-\xff]/g, "'"));
  const sources = blameTemplates.flatMap((rule) =>
    rule.terms.map((term) =>
      term
        .replace('{who}', personSlot)
        .replace(/\{(adv|pp)\}/g, (_, part: string) => templateParts[part] ?? ''),
    ),
  );

  it.each(sources)('matches as the Unicode pattern on Latin-1 text: %#', (source) => {
    const written = latin1Source(source);
    expect(written).toBeDefined();
    const found = (pattern: RegExp) =>
      [...texts, ...texts.map((t) => t.toUpperCase())].flatMap((text) =>
        matchesOf(pattern, text).map((m) => [m.index, m[0], JSON.stringify(m.groups)]),
      );
    expect(found(new RegExp(written ?? '', 'giu'))).toEqual(found(new RegExp(source, 'giu')));
  });

  it('is tried on texts that reach most templates', () => {
    const reached = sources.filter((source) =>
      texts.some((text) => new RegExp(source, 'iu').test(text)),
    );
    expect(reached.length).toBeGreaterThan(sources.length * 0.8);
  });
});
