import { isIrregularParticiple } from './participles.ts';

/** What a correction reads and rewrites of a tagged word. */
interface Word {
  text: string;
  normal: string;
  tags: ReadonlySet<string>;
  post: string;
}

/** Past tenses the tagger's lexicon lacks: it reads them as nouns wherever they stand. */
const unknownPastTenses = new Set(['woke', 'awoke', 'reran', 'overran']);
/**
 * Past tenses spelled like nouns, which the tagger joins to the noun before them when a name
 * follows: "the outage hit Amara", "the restart cut Kenji's session".
 */
const nounLikePastTenses = new Set([
  'hit',
  'cut',
  'cost',
  'put',
  'set',
  'let',
  'quit',
  'read',
  'cast',
  'burst',
  'shed',
  'split',
  'spread',
  'beat',
]);
const objectPronouns = new Set(['me', 'him', 'her', 'us', 'them']);
/** Particles of phrasal verbs the tagger may read as adjectives ("cut over", "run back"). */
const particles = new Set(['over', 'back', 'up', 'down', 'off', 'out', 'in', 'on', 'through']);

const isWord = (word: Word | undefined): word is Word => word !== undefined && word.text !== '';
const isVerb = (word: Word) => word.tags.has('Verb');
const isSpace = (post: string) => /^\s+$/.test(post);
const isNameOrObject = (word: Word | undefined) =>
  word !== undefined &&
  (word.tags.has('ProperNoun') || word.tags.has('Person') || objectPronouns.has(word.normal));
const asVerb = <T extends Word>(word: T, tense: readonly string[]): T => ({
  ...word,
  tags: new Set(['Verb', ...tense, ...(word.tags.has('Hyphenated') ? ['Hyphenated'] : [])]),
});

/** The next word with text after `index` (contractions leave empty words: "should've" → "", "have"). */
function nextWord(words: readonly Word[], index: number): number {
  let next = index + 1;
  while (next < words.length && !isWord(words[next])) {
    next += 1;
  }
  return next;
}

const isPerfectHave = (word: Word) =>
  /^(?:have|has|had)$/.test(word.normal) || /['’]ve$/.test(word.text);
const isSkippedAfterHave = (word: Word | undefined) =>
  word !== undefined && (!isWord(word) || word.tags.has('Negative') || word.tags.has('Adverb'));

/**
 * The index of the last part of a participle the tagger missed after "have" ("re-run",
 * "dry-run", "redone", "cut over"), or `undefined`. A noun or adjective right after it makes
 * the word an attribute instead: "we should have dry-run support" is a wish, not hindsight.
 */
function missedParticiple(words: readonly Word[], have: number): number | undefined {
  let at = have + 1;
  while (isSkippedAfterHave(words[at])) {
    at += 1;
  }
  // A hyphenated verb is read by its last part: "dry" "-" "run".
  while (words[at]?.tags.has('Hyphenated') && words[at]?.post === '-') {
    at += 1;
  }
  const word = words[at];
  if (!word || isVerb(word) || !isIrregularParticiple(word.normal)) {
    return undefined;
  }
  const next = /[^\s-]/.test(word.post) ? undefined : words[nextWord(words, at)];
  const isAttribute =
    next !== undefined &&
    ((next.tags.has('Noun') && !next.tags.has('Pronoun') && !next.tags.has('ProperNoun')) ||
      (next.tags.has('Adjective') && !particles.has(next.normal)));
  return isAttribute ? undefined : at;
}

/** Whether the word at `index` is a past tense the tagger read as a noun. */
function isMisreadPastTense(words: readonly Word[], index: number): boolean {
  const word = words[index];
  if (!word || isVerb(word)) {
    return false;
  }
  if (unknownPastTenses.has(word.normal)) {
    return true;
  }
  const before = words[index - 1];
  return (
    nounLikePastTenses.has(word.normal) &&
    before?.tags.has('Noun') === true &&
    isSpace(before.post) &&
    isSpace(word.post) &&
    isNameOrObject(words[nextWord(words, index)])
  );
}

/**
 * The tagger's words with the verbs it reads as nouns put right, where the misreading changes
 * who a sentence is about: past tenses its lexicon lacks ("the pager woke Amara": a noun
 * "woke" made Amara the head of the subject), past tenses spelled like nouns before a name
 * ("the outage hit Amara's team"), and participles after "have" ("Noor should have re-run the
 * migration": a noun "re-run" made it a wish). The words given are left as they are.
 */
export function correctVerbTags<T extends Word>(words: readonly T[]): T[] {
  const corrected = words.map((word, index) =>
    isMisreadPastTense(words, index) ? asVerb(word, ['PastTense']) : word,
  );
  words.forEach((word, index) => {
    const at = isPerfectHave(word) ? missedParticiple(corrected, index) : undefined;
    const participle = at === undefined ? undefined : corrected[at];
    if (at !== undefined && participle) {
      corrected[at] = asVerb(participle, ['PastTense', 'Participle']);
    }
  });
  return corrected;
}
