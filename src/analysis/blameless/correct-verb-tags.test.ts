import { describe, expect, it } from 'vitest';
import { correctVerbTags } from './correct-verb-tags.ts';
import { TaggedSentences } from './tagged-sentences.ts';

/** The tags of `word` (its first occurrence) in `sentence`, as the linter reads them. */
const tagsOf = (sentence: string, word: string) => {
  const term = new TaggedSentences(sentence).sentenceAt(0).find((t) => t.normal === word);
  if (!term) {
    throw new Error(`test setup: no "${word}" in "${sentence}"`);
  }
  return term.tags;
};

describe('correctVerbTags', () => {
  it.each([
    ['The pager woke Amara at 03:10.', 'woke'],
    ['Amara woke late and missed the page.', 'woke'],
    ['The alarm awoke the on-call engineer.', 'awoke'],
    ['Kenji reran the migration after lunch.', 'reran'],
    ['The backfill overran its window by an hour.', 'overran'],
  ])('reads a past tense the lexicon lacks as a verb: "%s"', (sentence, word) => {
    expect(tagsOf(sentence, word).has('Verb')).toBe(true);
    expect(tagsOf(sentence, word).has('Noun')).toBe(false);
  });

  it.each([
    ['The outage hit Amara’s team hardest.', 'hit'],
    ['The spike hit Kenji first.', 'hit'],
    ['The outage cost Kenji a night of sleep.', 'cost'],
    ['The restart cut Kenji’s session.', 'cut'],
  ])('reads a noun-like past tense before a name as a verb: "%s"', (sentence, word) => {
    expect(tagsOf(sentence, word).has('Verb')).toBe(true);
  });

  it('leaves a noun-like past tense alone when no name follows', () => {
    expect(tagsOf('The budget cut was approved.', 'cut').has('Verb')).toBe(false);
  });

  it.each([
    ['Noor should have re-run the migration first.', 're-run'],
    ["Sven should've re-run the job.", 're-run'],
    ['Noor should have rerun the job.', 'rerun'],
    ['Noor should have redone the backup.', 'redone'],
    ['Noor should have dry-run the migration.', 'run'],
    ['Noor should not have re-run the job.', 're-run'],
    ['Priya should have cut over to the standby.', 'cut'],
  ])('reads a participle after "have" as one: "%s"', (sentence, word) => {
    const tags = tagsOf(sentence, word);
    expect(tags.has('Verb') && tags.has('Participle')).toBe(true);
  });

  it.each([
    ['We should have dry-run support in the migrator.', 'run'],
    ['We should have re-run capability in the pipeline.', 're-run'],
    ['The pipeline should have a re-run button.', 're-run'],
  ])('leaves an attribute after "have" a noun: "%s"', (sentence, word) => {
    expect(tagsOf(sentence, word).has('Verb')).toBe(false);
  });

  it('returns new words and leaves the tagger’s own untouched', () => {
    const words = [
      { text: 'woke', normal: 'woke', tags: new Set(['Noun', 'Singular']), post: ' ' },
      { text: 'late', normal: 'late', tags: new Set(['Adjective']), post: '.' },
    ];
    const corrected = correctVerbTags(words);
    expect([...(corrected[0]?.tags ?? [])]).toEqual(['Verb', 'PastTense']);
    expect([...(words[0]?.tags ?? [])]).toEqual(['Noun', 'Singular']);
    expect(corrected[1]).toBe(words[1]);
  });
});
