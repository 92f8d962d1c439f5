import type { CompiledRules } from './compile-rules.ts';
import { coordinatedSubject } from './coordinated-subject.ts';
import { matchesOf } from './matches-of.ts';
import type { PeopleIndex } from './people-index.ts';
import { roleNouns } from './person-words.ts';
import type { Span } from './span.ts';
import { lastTermIndexAt, subjectAfter, subjectBefore, termIndexAt } from './subject-grammar.ts';
import { isSystemArtefactObject } from './system-artefact-object.ts';
import type { TaggedSentences, TaggedTerm } from './tagged-sentences.ts';

/** What a grammar matcher needs: the text, its sentences, who is a person. */
export interface GrammarContext {
  text: string;
  sentences: TaggedSentences;
  people: PeopleIndex;
}

/** Roles and pronouns that make "X broke checkout" about a person ("we" owns, "it" is a thing). */
const blamedRoles = new Set(
  [...roleNouns, 'he', 'she', 'someone', 'somebody'].filter(
    (r) => !['team', 'teams', 'people', 'staff'].includes(r),
  ),
);

/** Triggers that may open a clause and take their subject after them. */
const leadingTriggers = /^(?:if\s+only|obviously|clearly|simply)$/i;
/**
 * "should have"/"could have" (and "should not have", "shouldn't have") are counterfactual only
 * before a participle: not "we should have alerting".
 */
const modalPerfect =
  /^(?:(?:should|could)(?:\s+have|['’]ve)|(?:should\s+(?:not|never)|shouldn['’]t)(?:\s+have|['’]ve))$/i;
/**
 * "should not have restarted" judges an act; "should not have been able to delete it" says what
 * the system should have stopped, so a denied perfect counts only before an action.
 */
const deniedPerfect = /(?:not|never|n['’]t)(?:\s+have|['’]ve)$/i;
const isParticiple = (term: TaggedTerm | undefined) =>
  term !== undefined &&
  !term.tags.has('Gerund') &&
  !term.normal.endsWith('ing') &&
  (term.tags.has('PastTense') ||
    term.tags.has('Participle') ||
    /^(?:been|known|done|seen)$/.test(term.normal));

/** Terms of the sentence around a match, with the indexes of the match's first and last word. */
function locate(context: GrammarContext, match: RegExpMatchArray) {
  const start = match.index ?? 0;
  const end = start + match[0].length;
  const terms = context.sentences.sentenceAt(start);
  return {
    terms,
    first: termIndexAt(terms, start, end),
    last: lastTermIndexAt(terms, start, end),
    span: { start, end },
  };
}

/**
 * The subject before the word at `index`, or, where a conjunction stands there, the subject of
 * the verb phrase it joins (see {@link coordinatedSubject}) when `mayShare`.
 */
function subjectBeforeOrShared(
  terms: readonly TaggedTerm[],
  index: number,
  isPerson: (term: TaggedTerm) => boolean,
  mayShare: boolean,
): ReturnType<typeof subjectBefore> {
  const subject = subjectBefore(terms, index, isPerson);
  return subject === 'none' && mayShare
    ? (coordinatedSubject(terms, index, isPerson) ?? subject)
    : subject;
}

/**
 * `person-subject`: the trigger counts only when a person is its subject ("Alice failed to
 * drain the node"), never a system ("the service failed to start").
 */
export function matchPersonSubject(context: GrammarContext, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of matchesOf(pattern, context.text)) {
    const { terms, first, last, span } = locate(context, match);
    const trigger = match[0];
    if (
      first < 0 ||
      (modalPerfect.test(trigger) &&
        !isActivePerfect(terms, last, deniedPerfect.test(trigger), context.people.isPerson))
    ) {
      continue;
    }
    const isLeading = leadingTriggers.test(trigger);
    // "Noor woke late and clearly missed…" shares Noor; "…and clearly the graph showed…" does not.
    const mayShareSubject = !isLeading || terms[last + 1]?.tags.has('Verb') === true;
    const before = /^if\s/i.test(trigger)
      ? 'clause-start'
      : subjectBeforeOrShared(terms, first, context.people.isPerson, mayShareSubject);
    const subject =
      before === 'clause-start' ? (isLeading ? subjectAfter(terms, last + 1) : undefined) : before;
    if (subject && subject !== 'none' && context.people.isPerson(subject)) {
      spans.push(span);
    }
  }
  return spans;
}

const isNameBefore = (terms: readonly TaggedTerm[], index: number, people: PeopleIndex) => {
  const previous = terms[index - 1];
  return (
    previous !== undefined &&
    previous.post.trim() === '' &&
    (people.isName(previous) || previous.tags.has('ProperNoun'))
  );
};

/**
 * "should have checked" is about what the subject did; "could have been paged" is about what
 * happened to it (a system's job), and "should have alerting" is a wish, and so is "should have
 * had an alert on replication lag" (see {@link isSystemArtefactObject}). A hyphenated verb is
 * read by its last part: "should have double-checked".
 */
function isActivePerfect(
  terms: readonly TaggedTerm[],
  last: number,
  isDenied: boolean,
  isPerson: (term: TaggedTerm) => boolean,
): boolean {
  const words = terms.slice(last + 1).filter((t) => t.text);
  const compoundEnd = words.findIndex((t) => !(t.tags.has('Hyphenated') && t.post === '-'));
  const [next, after] = words.slice(Math.max(0, compoundEnd));
  if (!isParticiple(next)) {
    return false;
  }
  if (next?.normal === 'had') {
    return !isSystemArtefactObject(words.slice(Math.max(0, compoundEnd) + 1), isPerson);
  }
  if (next?.normal === 'been') {
    return !isDenied && !(isParticiple(after) && !after?.tags.has('Adjective'));
  }
  return true;
}

/**
 * The person who heads a subject: the name itself ("Willi Hansen", whole), the owner in
 * "Alice's change", or a role ("the release manager", "he").
 */
function nameOf(
  terms: readonly TaggedTerm[],
  subject: TaggedTerm,
  people: PeopleIndex,
): TaggedTerm | undefined {
  if (people.isName(subject, 'initial') && !subject.tags.has('Plural')) {
    let first = terms.indexOf(subject);
    // "Willi Hansen broke…": the whole name, not only its last word.
    while (first > 0 && isNameBefore(terms, first, people)) {
      first -= 1;
    }
    return terms[first];
  }
  if (
    blamedRoles.has(subject.normal) ||
    (subject.normal === 'call' && subject.tags.has('Hyphenated'))
  ) {
    const index = terms.indexOf(subject);
    let first = index;
    while (
      first > 0 &&
      /^(?:the|our|their|a|an|that|this|new|junior|senior|on|release|incident|night)$/.test(
        terms[first - 1]?.normal ?? '',
      )
    ) {
      first -= 1;
    }
    return terms[first];
  }
  const owner = terms[terms.indexOf(subject) - 1];
  return owner?.tags.has('Possessive') && people.isName(owner, 'initial') ? owner : undefined;
}

/**
 * `person-cause`: a named person as the cause. Subject of a causal verb ("Bob broke checkout",
 * "Alice's change caused…"), subject of an action whose object is faulty ("Bob deployed the
 * bad config"), or named right after a cause phrase ("caused by Alice", "because Bob…").
 */
export function matchPersonCause(
  context: GrammarContext,
  causeVerbs: RegExp,
  grammar: Pick<CompiledRules, 'causePhrases' | 'actionVerbs' | 'faultyWords'>,
): Span[] {
  const spans: Span[] = [];
  const { text, people } = context;
  if (!people.mayHoldName(text)) {
    return spans;
  }
  const bySubject = (match: RegExpMatchArray, needsFaultyObject: boolean) => {
    const at = match.index ?? 0;
    // Cheap raw-text checks first: tagging a sentence is the expensive part.
    const clauseBefore =
      text
        .slice(Math.max(0, at - 60), at)
        .split(/[.;:!?\n]/)
        .at(-1) ?? '';
    if (!people.mayHoldName(clauseBefore)) {
      return;
    }
    const after =
      text.slice(at + match[0].length, at + match[0].length + 60).split(/[,;:.!?\n]/)[0] ?? '';
    if (needsFaultyObject && !grammar.faultyWords.test(after)) {
      return;
    }
    const { terms, first, last, span } = locate(context, match);
    const subject = first < 0 ? 'none' : subjectBefore(terms, first, context.people.isPerson);
    if (typeof subject === 'string') {
      return;
    }
    const name = nameOf(terms, subject, context.people);
    if (!name) {
      return;
    }
    if (needsFaultyObject) {
      const object = terms.slice(last + 1, last + 6);
      const clauseEnd = object.findIndex((t) => /[,;:.!?]/.test(t.post));
      const scope = clauseEnd < 0 ? object : object.slice(0, clauseEnd + 1);
      if (!scope.some((t) => grammar.faultyWords.test(t.normal))) {
        return;
      }
    }
    spans.push({ start: name.start, end: span.end });
  };
  for (const match of matchesOf(causeVerbs, text)) {
    bySubject(match, false);
  }
  for (const match of matchesOf(grammar.actionVerbs, text)) {
    bySubject(match, true);
  }
  for (const match of matchesOf(grammar.causePhrases, text)) {
    const after = (match.index ?? 0) + match[0].length;
    if (!people.mayHoldName(text.slice(after, after + 40))) {
      continue;
    }
    const { terms, last, span } = locate(context, match);
    const next = terms[last + 1];
    if (last >= 0 && next && context.people.isName(next)) {
      spans.push({ start: span.start, end: next.end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
