import { describe, expect, it } from 'vitest';
import { findBlamelessFindings } from './find-blameless-findings.ts';
import { suggestFix } from './suggest-fix.ts';

const fixesIn = (text: string) =>
  findBlamelessFindings([{ field: 'f', text }]).map((f) => [f.excerpt, suggestFix(f)]);

describe('suggestFix', () => {
  it('replaces the words where the rule has a wording, keeping the first letter’s case', () => {
    expect(fixesIn('Human error, again: pure operator error.')).toEqual([
      ['Human error', 'A step the system made easy to take'],
      ['operator error', 'a step the tooling allowed'],
    ]);
  });

  it('deletes hindsight adverbs and has nothing for sentences that need a rewrite', () => {
    expect(fixesIn('Obviously, Bob restarted the wrong node.')).toEqual([['Obviously', '']]);
    expect(fixesIn('Had Bob checked the graph, we would have known.')).toEqual([
      ['Had Bob checked', undefined],
    ]);
  });
});
