import { matchesOf } from './matches-of.ts';
import { foldName, type NameEvidence, nameEvidence, reaches } from './name-evidence.ts';
import { personalPronouns, roleNouns, wellKnownTools } from './person-words.ts';
import type { TaggedTerm } from './tagged-sentences.ts';

/** Who counts as a person, from the known people and services and from name detection. */
export interface PeopleIndex {
  /** A person's name (not a pronoun nor a role) with at least `needed` evidence (default `inline`). */
  isName(term: TaggedTerm, needed?: NameEvidence): boolean;
  /** A name, a personal pronoun or a role noun. */
  isPerson(term: TaggedTerm): boolean;
  /** The evidence that a word, as written, names a person. */
  evidenceFor(word: string, atSentenceStart: boolean): NameEvidence;
  /** Cheap pre-check on raw text: could a person be named here (a name-like word, a role)? */
  mayHoldName(raw: string): boolean;
}

const words = (names: readonly string[]) =>
  names.flatMap((name) =>
    name
      .split(/\s+/)
      .map(foldName)
      .filter((part) => part.length > 1),
  );

/** The tokenizer splits "on-call" into two hyphenated words. */
const isOnCall = (term: TaggedTerm) => term.normal === 'call' && term.tags.has('Hyphenated');
const candidateWords = /[\p{Lu}\p{Lo}][\p{L}\p{M}]*/gu;
const rolesOrPronouns = new RegExp(
  `(?:^|[^\\p{L}])(?:he|she|someone|somebody|${[...roleNouns].join('|')})(?![\\p{L}])`,
  'iu',
);
const namesByTag = ['Person', 'FirstName', 'LastName'];

/**
 * Builds the index. Known people add to name detection and never replace it: knowing the
 * participants must not make the linter blind to anyone else (or to a participant's name
 * written with other accents). A service name is never a person.
 */
export function createPeopleIndex(options: {
  people?: readonly string[];
  services?: readonly string[];
}): PeopleIndex {
  const services = new Set([...wellKnownTools, ...words(options.services ?? [])]);
  const people = new Set(words(options.people ?? []).filter((w) => !services.has(w)));
  const known = { people, services };
  const evidenceFor = (word: string, atSentenceStart: boolean) =>
    nameEvidence(word, known, atSentenceStart);
  const isName = (term: TaggedTerm, needed: NameEvidence = 'inline') => {
    const evidence = evidenceFor(term.text, term.sentenceStart);
    if (reaches(evidence, needed)) {
      return true;
    }
    // The tagger reads context: "Kenji" in "Had Kenji checked…" is tagged a person.
    return (
      evidence !== 'none' &&
      !term.sentenceStart &&
      namesByTag.some((tag) => term.tags.has(tag)) &&
      reaches('strong', needed)
    );
  };
  return {
    isName,
    evidenceFor,
    // Only a word with some evidence of a name, or a role, is worth tagging the sentence for.
    mayHoldName: (raw) => {
      const words = matchesOf(candidateWords, raw);
      return (
        words.some(([word]) => evidenceFor(word, false) !== 'none') || rolesOrPronouns.test(raw)
      );
    },
    isPerson: (term) =>
      !services.has(term.normal) &&
      (personalPronouns.has(term.normal) ||
        roleNouns.has(term.normal) ||
        isOnCall(term) ||
        isName(term)),
  };
}
