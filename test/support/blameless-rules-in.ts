import {
  type BlamelessOptions,
  findBlamelessFindings,
} from '../../src/analysis/blameless/find-blameless-findings.ts';

/**
 * The two ways the linter meets a person, as `describe.each` rows: names found in the text
 * alone, and the postmortem's participants given by name.
 */
export function blamelessContexts(people: string[]): Array<[string, BlamelessOptions]> {
  return [
    ['names detected', {}],
    ['participants known', { people }],
  ];
}

/** The rules the linter reports for one sentence, in order. */
export const rulesIn = (text: string, options: BlamelessOptions): string[] =>
  findBlamelessFindings([{ field: 'text', text }], options).map((f) => f.rule);
