import type { TaggedTerm } from './tagged-sentences.ts';

/** Words between a subject and its verb that do not change who acts: "Bob clearly should…". */
const transparentTags = ['Adverb', 'Negative', 'Auxiliary', 'Modal', 'Copula'];
/** Relative pronouns: "the engineer who should have…" is about the engineer. */
const relativePronouns = new Set(['who', 'that', 'which']);
const nominalTags = ['Noun', 'Pronoun', 'ProperNoun'];
const clauseBreak = /[,;:()\u2013\u2014]|\s-\s/;

const hasAny = (term: TaggedTerm, tags: readonly string[]) => tags.some((t) => term.tags.has(t));
const isNominal = (term: TaggedTerm) => hasAny(term, nominalTags);

/** "Appointing an incident manager could have helped": the subject is the act, not the manager. */
function isObjectOfGerund(terms: readonly TaggedTerm[], index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const term = terms[i];
    if (!term || clauseBreak.test(term.post)) {
      return false;
    }
    if (term.tags.has('Gerund')) {
      return true;
    }
    if (!hasAny(term, ['Determiner', 'Adjective', 'Noun', 'Hyphenated'])) {
      return false;
    }
  }
  return false;
}

/**
 * The subject before `index`: the nearest noun or pronoun, skipping adverbs, negations and
 * auxiliaries, within the clause; a known person counts even when the tagger misreads it. `clause-start` when the clause begins there (no subject
 * before: look after), `none` when something else (a verb, a preposition) stands before.
 */
export function subjectBefore(
  terms: readonly TaggedTerm[],
  index: number,
  isPerson: (term: TaggedTerm) => boolean,
): TaggedTerm | 'clause-start' | 'none' {
  for (let i = index - 1; i >= 0; i -= 1) {
    const term = terms[i];
    if (!term || clauseBreak.test(term.post)) {
      return 'clause-start';
    }
    if (isPerson(term) || isNominal(term)) {
      return isObjectOfGerund(terms, i) ? 'none' : term;
    }
    if (relativePronouns.has(term.normal) || hasAny(term, transparentTags)) {
      continue;
    }
    return 'none';
  }
  return 'clause-start';
}

/**
 * The subject after `index` ("If only someone had…", "Obviously, the on-call engineer…"):
 * the last word of the first noun phrase, determiners and adjectives skipped.
 */
export function subjectAfter(terms: readonly TaggedTerm[], index: number): TaggedTerm | undefined {
  let head: TaggedTerm | undefined;
  for (let i = index; i < terms.length; i += 1) {
    const term = terms[i];
    if (!term) {
      break;
    }
    const inPhrase = isNominal(term) || term.tags.has('Hyphenated');
    if (!head && !inPhrase) {
      if (hasAny(term, ['Determiner', 'Adjective', 'Possessive'])) {
        continue;
      }
      return undefined;
    }
    if (!inPhrase) {
      break;
    }
    if (isNominal(term)) {
      head = term;
    }
    if (clauseBreak.test(term.post)) {
      break;
    }
  }
  return head;
}

/** The index of the first term that overlaps [start, end), or -1. */
export function termIndexAt(terms: readonly TaggedTerm[], start: number, end: number): number {
  return terms.findIndex((t) => t.end > start && t.start < end);
}

/** The index of the last term that overlaps [start, end), or -1. */
export function lastTermIndexAt(terms: readonly TaggedTerm[], start: number, end: number): number {
  return terms.findLastIndex((t) => t.end > start && t.start < end);
}
