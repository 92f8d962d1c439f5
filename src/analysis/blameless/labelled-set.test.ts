import { describe, expect, it } from 'vitest';
import { readLabelledSentences, scoreOn } from '../../../test/support/labelled-sentences.ts';
import { findBlamelessFindings } from './find-blameless-findings.ts';

const sentences = readLabelledSentences();

/** Every person named in the set, as a stored postmortem would list its participants. */
const participants = [
  ...new Set(
    sentences.flatMap(({ sentence }) =>
      [
        ...sentence.matchAll(
          /(?<![.!?]\s|^)\b\p{Lu}[\p{L}\p{M}]+|[\p{Script=Han}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}]+/gu,
        ),
      ].map(([word]) => word),
    ),
  ),
];

const flagsWith = (options: Parameters<typeof findBlamelessFindings>[1]) => (text: string) =>
  findBlamelessFindings([{ field: 'sentence', text }], options).some((f) => f.severity === 'error');

describe('the labelled set', () => {
  it('holds at least 300 sentences, half blaming, every class', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(300);
    const blaming = sentences.filter((s) => s.blame).length;
    expect(Math.abs(blaming - (sentences.length - blaming))).toBeLessThan(sentences.length * 0.1);
    const classes = new Set(sentences.filter((s) => s.blame).map((s) => s.kind));
    for (const kind of [
      'cause',
      'human-error',
      'character',
      'attribution',
      'neglect',
      'passive',
      'counterfactual',
      'hindsight',
      'judgement',
      'punitive',
    ]) {
      expect(classes).toContain(kind);
    }
  });

  it.each([
    ['names detected', {}],
    [
      'participants known',
      { people: participants, services: ['Kafka', 'Redis', 'Envoy', 'etcd', 'Postgres'] },
    ],
  ] as const)(
    'reaches precision ≥ 0.95 and recall ≥ 0.9 (%s)',
    { timeout: 60_000 },
    (_, options) => {
      const score = scoreOn(sentences, flagsWith(options));
      console.log(
        `blameless linter, ${sentences.length} sentences (${_}): precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`,
      );
      expect({ precision: score.precision, wronglyFlagged: score.wronglyFlagged }).toMatchObject({
        precision: expect.any(Number),
      });
      expect(score.missed.length === 0 ? [] : score.missed).toEqual(score.missed);
      if (score.precision < 0.95 || score.recall < 0.9) {
        console.log({ missed: score.missed, wronglyFlagged: score.wronglyFlagged });
      }
      expect(score.precision).toBeGreaterThanOrEqual(0.95);
      expect(score.recall).toBeGreaterThanOrEqual(0.9);
    },
  );
});
