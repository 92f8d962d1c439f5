import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type Lexicon, nameLexicon, nameTags, type Tagger } from './tagger.ts';

const full = (
  (createRequire(import.meta.url)('compromise/two') as Tagger).model() as {
    one: { lexicon: Lexicon };
  }
).one.lexicon;

const readers = (lexicon: Lexicon) => (word: string) => {
  const tag = lexicon[word];
  const name = typeof tag === 'string' && nameTags.has(tag);
  return { name, known: tag !== undefined && !name };
};

describe('nameLexicon, the copy of the lexicon the lint bundle carries', () => {
  // The bundle stores it as JSON (scripts/build.mjs): read it back the same way.
  const copy = JSON.parse(JSON.stringify(nameLexicon(full))) as Lexicon;

  it('holds every word of the tagger, in the same order', () => {
    expect(Object.keys(copy)).toEqual(Object.keys(full));
  });

  it('answers every name and lexicon check as the tagger’s lexicon does', () => {
    const fromFull = readers(full);
    const fromCopy = readers(copy);
    // Words the lexicon does not hold, object properties among them, answer alike too.
    const words = [...Object.keys(full), 'oluwaseun', 'constructor', 'tostring', '__proto__'];
    const differing = words.filter(
      (word) => JSON.stringify(fromFull(word)) !== JSON.stringify(fromCopy(word)),
    );
    expect(differing).toEqual([]);
    expect(words.filter((word) => fromFull(word).name).length).toBeGreaterThan(1000);
  });
});
