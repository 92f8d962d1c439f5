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
 * Prepositions that open a phrase after its noun: "the engineer on call", "the author of the
 * change", "the page to the DBA". Not "by": "the change by Alice" still names Alice.
 */
export const postModifierPrepositions: ReadonlySet<string> = new Set([
  'of',
  'on',
  'in',
  'at',
  'for',
  'from',
  'with',
  'behind',
  'to',
]);
/** Nouns of quantity hand the subject to their "of" phrase: "the rest of the team". */
const quantityNouns = new Set([
  'rest',
  'most',
  'some',
  'all',
  'each',
  'one',
  'none',
  'any',
  'half',
  'many',
  'several',
  'both',
  'either',
  'neither',
  'majority',
  'member',
  'members',
  'few',
  'couple',
  'handful',
  'pair',
  'group',
  'number',
  'lot',
  'lots',
]);
const phraseTags = ['Determiner', 'Adjective', 'Noun', 'Possessive', 'Hyphenated', 'Value'];

const phraseBreak = new RegExp(`${clauseBreak.source}|["“”«»]`);
/** Whether a comma, dash, bracket or quote stands between the word at `index` and the next. */
export const breaksAfter = (terms: readonly TaggedTerm[], index: number) =>
  phraseBreak.test(terms[index]?.post ?? '') || phraseBreak.test(terms[index + 1]?.pre ?? '');
const isMainVerb = (term: TaggedTerm) =>
  term.tags.has('Verb') && !hasAny(term, ['Auxiliary', 'Copula', 'Modal']);

/** The first word of the noun phrase ending at `index`: "the on-call engineer" from "engineer". */
function phraseStart(terms: readonly TaggedTerm[], index: number): number {
  let start = index;
  for (let previous = terms[start - 1]; previous; previous = terms[start - 1]) {
    // "behind" may be tagged an adjective; the "on" of "on-call" is part of the word.
    const isPreposition =
      postModifierPrepositions.has(previous.normal) && previous.post.trim() !== '-';
    const isPhraseWord = hasAny(previous, phraseTags) && !isPreposition;
    if (breaksAfter(terms, start - 1) || !isPhraseWord) {
      break;
    }
    start -= 1;
  }
  return start;
}

/** The noun before a preposition at `opener`, one adjective or participle between allowed. */
function nounBeforePreposition(terms: readonly TaggedTerm[], opener: number): number | undefined {
  // "the engineer responsible for the deploy", "the runbook given to the operator".
  const between = terms[opener - 1];
  const at =
    between && hasAny(between, ['Adjective', 'PastTense', 'Participle']) ? opener - 2 : opener - 1;
  const noun = terms[at];
  if (!noun || !isNominal(noun)) {
    return undefined;
  }
  for (let i = at; i < opener; i += 1) {
    if (breaksAfter(terms, i)) {
      return undefined;
    }
  }
  const isQuantity = noun.tags.has('Value') || quantityNouns.has(noun.normal);
  return terms[opener]?.normal === 'of' && isQuantity ? undefined : at;
}

/**
 * The noun a prepositional phrase or relative clause starting at `start` belongs to ("the
 * engineer" of "on call", "the person" of "who ran the script"), or the pronoun "whoever" that
 * opens it; `undefined` when the phrase belongs to no noun.
 */
function modifiedNoun(terms: readonly TaggedTerm[], start: number): number | undefined {
  const opener = terms[start - 1];
  if (opener && postModifierPrepositions.has(opener.normal) && !breaksAfter(terms, start - 1)) {
    const noun = nounBeforePreposition(terms, start - 1);
    if (noun !== undefined) {
      return noun;
    }
  }
  let verbs = 0;
  for (let i = start - 1; i >= Math.max(0, start - 8); i -= 1) {
    const term = terms[i];
    verbs += term && isMainVerb(term) ? 1 : 0;
    // A relative clause holds one verb ("who ran the script"); a second one is another clause.
    if (!term || breaksAfter(terms, i) || verbs > 1) {
      return undefined;
    }
    if (term.normal === 'whoever') {
      return i;
    }
    // "that" opens a relative clause only before its verb: not "told the operator that the job…".
    if (term.normal === 'who' || (term.normal === 'that' && terms[i + 1]?.tags.has('Verb'))) {
      const noun = terms[i - 1];
      return noun && isNominal(noun) && !breaksAfter(terms, i - 1) ? i - 1 : undefined;
    }
  }
  return undefined;
}

/**
 * The head of the noun phrase that ends at `index`, past the phrases that modify it: "the
 * engineer on call" → engineer, "the author of the change" → author, "the person who ran the
 * script" → person, "the page to the on-call engineer" → page, "the rest of the team" → team.
 */
export function headOf(terms: readonly TaggedTerm[], index: number): number {
  let head = index;
  for (let hops = 0; hops < 4; hops += 1) {
    const owner = modifiedNoun(terms, phraseStart(terms, head));
    if (owner === undefined) {
      break;
    }
    head = owner;
  }
  return head;
}

/**
 * The subject before `index`: the head of the nearest noun phrase, or the nearest pronoun,
 * skipping adverbs, negations and auxiliaries, within the clause; a known person counts even
 * when the tagger misreads it. `clause-start` when the clause begins there (no subject before:
 * look after), `none` when something else (a verb, a preposition) stands before.
 */
export function subjectBefore(
  terms: readonly TaggedTerm[],
  index: number,
  isPerson: (term: TaggedTerm) => boolean,
): TaggedTerm | 'clause-start' | 'none' {
  // "the owner of the thing that broke": "that" and "which" belong to the noun right before.
  let isThingRelative = false;
  for (let i = index - 1; i >= 0; i -= 1) {
    const term = terms[i];
    if (!term || clauseBreak.test(term.post)) {
      return 'clause-start';
    }
    if (isPerson(term) || isNominal(term)) {
      const head = isThingRelative ? i : headOf(terms, i);
      return isObjectOfGerund(terms, head) ? 'none' : (terms[head] ?? term);
    }
    if (relativePronouns.has(term.normal) || hasAny(term, transparentTags)) {
      isThingRelative ||= term.normal !== 'who' && relativePronouns.has(term.normal);
      continue;
    }
    return 'none';
  }
  return 'clause-start';
}

/** A name or pronoun after a common noun and before a verb: "the migration [that] Noor ran". */
const opensRelativeClause = (
  head: TaggedTerm | undefined,
  term: TaggedTerm,
  next: TaggedTerm | undefined,
) =>
  head !== undefined &&
  !hasAny(head, ['ProperNoun', 'Pronoun']) &&
  hasAny(term, ['ProperNoun', 'Pronoun']) &&
  next?.tags.has('Verb') === true;

/**
 * The subject after `index` ("If only someone had…", "Obviously, the on-call engineer…"):
 * the last word of the first noun phrase, determiners and adjectives skipped; a name or pronoun
 * that opens a relative clause ends the phrase ("Obviously the migration Noor ran…": migration).
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
    if (!inPhrase || opensRelativeClause(head, term, terms[i + 1])) {
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
