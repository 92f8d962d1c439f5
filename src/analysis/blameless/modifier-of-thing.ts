import type { PeopleIndex } from './people-index.ts';
import { headOf, lastTermIndexAt, postModifierPrepositions } from './subject-grammar.ts';
import type { TaggedSentences } from './tagged-sentences.ts';

const prepositionBefore = new RegExp(
  `(?:^|[^\\p{L}])(?:${[...postModifierPrepositions].join('|')})\\s+$`,
  'iu',
);

/**
 * Whether the person at [`at`, `at + length`) only modifies a thing that heads the noun phrase:
 * "the tooling of the operator failed to warn" is about the tooling, while "the rest of the team
 * failed to notice" and "the manager of the operator failed to escalate" are about people. The
 * sentence is tagged only when a preposition stands right before the person.
 */
export function isModifierOfThing(
  text: string,
  at: number,
  length: number,
  sentences: TaggedSentences,
  people: PeopleIndex,
): boolean {
  if (!prepositionBefore.test(text.slice(Math.max(0, at - 12), at))) {
    return false;
  }
  const terms = sentences.sentenceAt(at);
  const last = lastTermIndexAt(terms, at, at + length);
  const head = last < 0 ? undefined : terms[headOf(terms, last)];
  return head !== undefined && head.end <= at && !people.isPerson(head);
}
