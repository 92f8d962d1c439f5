import { breaksAfter, subjectBefore } from './subject-grammar.ts';
import type { TaggedTerm } from './tagged-sentences.ts';

/** Conjunctions that join two verb phrases of one subject: "Noor woke late and missed the page". */
const coordinators = new Set(['and', 'but']);

/** A verb that heads a phrase: not a particle ("woke up"), a gerund or an infinitive after "to". */
const headsVerbPhrase = (terms: readonly TaggedTerm[], index: number) => {
  const term = terms[index];
  return (
    term?.tags.has('Verb') === true &&
    !term.tags.has('Particle') &&
    !term.tags.has('Gerund') &&
    !(term.tags.has('Infinitive') && terms[index - 1]?.normal === 'to')
  );
};

/**
 * The subject of a verb phrase joined by "and"/"but" to the one before it, when the word before
 * `index` (adverbs skipped) is such a conjunction: "Noor woke late and failed to acknowledge the
 * page" → Noor, "the pager woke Noor and failed to…" → pager. `undefined` when no conjunction
 * stands there, `none` when no verb phrase of the same clause stands before it.
 */
export function coordinatedSubject(
  terms: readonly TaggedTerm[],
  index: number,
  isPerson: (term: TaggedTerm) => boolean,
): TaggedTerm | 'none' | undefined {
  let conjunction = index - 1;
  while (terms[conjunction]?.tags.has('Adverb') && !breaksAfter(terms, conjunction)) {
    conjunction -= 1;
  }
  const term = terms[conjunction];
  if (!term || !coordinators.has(term.normal) || breaksAfter(terms, conjunction)) {
    return undefined;
  }
  // A comma may stand before the conjunction ("woke late, and missed"), not inside the phrase.
  for (let i = conjunction - 1; i >= Math.max(0, conjunction - 10); i -= 1) {
    if (i < conjunction - 1 && breaksAfter(terms, i)) {
      return 'none';
    }
    if (headsVerbPhrase(terms, i)) {
      const subject = subjectBefore(terms, i, isPerson);
      return subject === 'clause-start' ? 'none' : subject;
    }
  }
  return 'none';
}
