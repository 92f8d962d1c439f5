import { isKnownName, type TaggedTerm } from './tagged-sentences.ts';

const personalPronouns = new Set([
  'i',
  'we',
  'he',
  'she',
  'they',
  'you',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'everyone',
  'everybody',
  'nobody',
  'whoever',
]);

/** Nouns that name people by their role; "the engineer forgot to…" is about a person. */
const roleNouns = new Set([
  'engineer',
  'engineers',
  'operator',
  'operators',
  'developer',
  'developers',
  'dev',
  'devs',
  'on-call',
  'oncall',
  'responder',
  'responders',
  'admin',
  'admins',
  'administrator',
  'administrators',
  'sre',
  'sres',
  'team',
  'teams',
  'teammate',
  'teammates',
  'colleague',
  'colleagues',
  'reviewer',
  'reviewers',
  'author',
  'manager',
  'managers',
  'staff',
  'employee',
  'employees',
  'contractor',
  'person',
  'people',
  'human',
  'humans',
  'intern',
  'folks',
  'commander',
  'lead',
]);

/** Tools whose names are also people's names; the service catalogue covers the rest. */
const wellKnownTools = new Set([
  'jenkins',
  'travis',
  'cassandra',
  'ruby',
  'django',
  'hudson',
  'jarvis',
]);

/** Who counts as a person, from the known people and services (or name detection). */
export interface PeopleIndex {
  /** A person's name (not a pronoun nor a role). */
  isName(term: TaggedTerm): boolean;
  /** A name, a personal pronoun or a role noun. */
  isPerson(term: TaggedTerm): boolean;
  /** Cheap pre-check on raw text: could a name start at or near here (a capital letter, a known name)? */
  mayHoldName(raw: string): boolean;
}

const words = (names: readonly string[]) =>
  names.flatMap((name) => {
    const full = name.trim().toLowerCase();
    return full ? [full, ...full.split(/\s+/).filter((part) => part.length > 1)] : [];
  });

/** The tokenizer splits "on-call" into two hyphenated words. */
const isOnCall = (term: TaggedTerm) => term.normal === 'call' && term.tags.has('Hyphenated');
const capitalised = /^\p{Lu}/u;
const capitalisedWord = /\p{Lu}[\p{Ll}'’]+/gu;
const namesByTag = ['Person', 'FirstName', 'LastName'];

/**
 * Builds the index. With a list of people, only their names count (matched per word and
 * capitalised, so a participant called "Will" is not the modal verb); without one, the
 * tagger's person-name detection decides. A service name is never a person.
 */
export function createPeopleIndex(options: {
  people?: readonly string[];
  services?: readonly string[];
}): PeopleIndex {
  const services = new Set([
    ...wellKnownTools,
    ...words(options.services ?? []).map((w) => w.replace(/['’]s$/, '')),
  ]);
  const people = new Set(words(options.people ?? []).filter((w) => !services.has(w)));
  const isService = (term: TaggedTerm) => services.has(term.normal);
  const isName = (term: TaggedTerm) => {
    if (isService(term) || !capitalised.test(term.text)) {
      return false;
    }
    if (people.size > 0) {
      return people.has(term.normal);
    }
    return namesByTag.some((tag) => term.tags.has(tag)) || isKnownName(term.normal);
  };
  const knownNames = [...people];
  return {
    isName,
    mayHoldName: (raw) => {
      if (knownNames.length === 0) {
        for (const [word] of raw.matchAll(capitalisedWord)) {
          if (isKnownName(word.toLowerCase().replace(/['’]s$/, ''))) {
            return true;
          }
        }
        return false;
      }
      const lower = raw.toLowerCase();
      return knownNames.some((name) => lower.includes(name));
    },
    isPerson: (term) =>
      !isService(term) &&
      (personalPronouns.has(term.normal) ||
        roleNouns.has(term.normal) ||
        isOnCall(term) ||
        isName(term)),
  };
}
