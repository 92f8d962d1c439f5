import { type NameEvidence, reaches } from './name-evidence.ts';
import type { PeopleIndex } from './people-index.ts';
import { roleNouns } from './person-words.ts';
import { theyMeansThings } from './technical-they.ts';

const letter = '[\\p{L}\\p{M}]';
const notAfterLetter = `(?<!${letter}|[\\d_'’-])`;
const notBeforeLetter = `(?!${letter}|\\d)`;
const multiWordRoles = [
  'release manager',
  'incident commander',
  'on[- ]call',
  'night shift',
  'new hire',
];
const roles = [...multiWordRoles, ...[...roleNouns].map((r) => r.replace('-', '[- ]'))].sort(
  (a, b) => b.length - a.length,
);
const determiners = 'the|our|their|a|an|that|this|his|her|my|your|one|some|whichever|every';
const pronouns = 'i|we|he|she|they|you|someone|somebody|anyone|anybody|everyone|everybody|whoever';
const nameWord = `${letter}+(?:-${letter}+)?`;
/** A word of a noun phrase: not a verb or a relative pronoun that would start a clause. */
const phraseWord = `(?!(?:that|which|who|was|were|is|are|had|has|have|and|or)(?![\\p{L}-]))${letter}[\\p{L}\\p{M}-]*`;
/** What may follow a role: "on call", "who was on duty", "in charge", "of the change". */
const roleModifier = [
  '(?:who\\s+(?:was|were|is|are)\\s+)?(?:on\\s+(?:duty|call|shift)|in\\s+charge)',
  `(?:of|behind)\\s+(?:the|this|that|a|an)\\s+(?:${phraseWord}\\s+)?${phraseWord}`,
].join('|');

/**
 * The regular-expression source of a person in a template, `{who}`: a role with its
 * determiner, up to three modifiers before it and one phrase after it ("our new DBA", "the SRE
 * on duty", "the engineer who was on call", "the author of the change"), a personal pronoun,
 * or up to three capitalised words in any script ("Nguyễn Văn An", "Дмитрий", "王伟"). What the
 * pattern admits is only a candidate: {@link classifyPerson} decides.
 */
export const personSlot = [
  `${notAfterLetter}(?:`,
  `(?<role>(?:${determiners})\\s+(?:(?!(?:by|of|to|was|were|is|are|and|or|with|for|in|on|at|from|that|which|who|had|has|have)(?![\\p{L}-]))${letter}[\\p{L}\\p{M}-]*\\s+){0,3}?(?:${roles.join('|')})${notBeforeLetter}(?:\\s+(?:${roleModifier}))?)`,
  `|(?<pronoun>(?:${pronouns})${notBeforeLetter})`,
  `|(?<name>${nameWord}(?:\\s+${nameWord}){0,2}?${notBeforeLetter})`,
  ')',
].join('');

const sentenceStartBefore = /(?:^|[.!?:;]\s*["“']?|\n\s*(?:[-*+]\s+)?)$/;

/**
 * Whether a `{who}` candidate is a person: any role phrase or pronoun ("they" only when it
 * does not stand for pods or services), a name when its evidence reaches `needed`.
 */
export function classifyPerson(
  groups: Record<string, string | undefined>,
  text: string,
  at: number,
  people: PeopleIndex,
  needed: NameEvidence,
): boolean {
  if (groups.role) {
    return true;
  }
  if (groups.pronoun) {
    return groups.pronoun.toLowerCase() !== 'they' || !theyMeansThings(text, at);
  }
  const name = groups.name;
  if (!name) {
    return false;
  }
  const [first = '', ...rest] = name.split(/\s+/);
  const atStart = sentenceStartBefore.test(text.slice(Math.max(0, at - 40), at));
  const firstEvidence = people.evidenceFor(first, atStart);
  if (firstEvidence === 'none') {
    return false;
  }
  return [firstEvidence, ...rest.map((word) => people.evidenceFor(word, false))].some((evidence) =>
    reaches(evidence, needed),
  );
}
