import { isKnownName, isLexiconWord } from './tagged-sentences.ts';

/**
 * How sure we are that a capitalised word names a person, weakest first:
 * - `initial`: an unknown capitalised word opening a sentence (could be "Checkout");
 * - `inline`: an unknown capitalised word inside a sentence ("caused by Oluwaseun");
 * - `strong`: a name the lexicon knows, or written in a non-Latin script or with diacritics
 *   ("Søren", "Дмитрий", "王伟"), which in English prose are names, not products;
 * - `known`: a participant of the review.
 */
export const nameEvidenceLevels = ['none', 'initial', 'inline', 'strong', 'known'] as const;
/** One of {@link nameEvidenceLevels}. */
export type NameEvidence = (typeof nameEvidenceLevels)[number];

/** Whether `evidence` reaches `needed`. */
export const reaches = (evidence: NameEvidence, needed: NameEvidence) =>
  nameEvidenceLevels.indexOf(evidence) >= nameEvidenceLevels.indexOf(needed);

const foldedLetters: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

/** Lower-case, possessive removed, accents folded: "Søren's" and "soren" are one name. */
export function foldName(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s?$/u, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøæœßđıþð]/g, (letter) => foldedLetters[letter] ?? letter);
}

const nonLatinLetters =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Ethiopic}]/u;
const beyondLatin1 = /[\u0100-\uffff]/;
const capitalised = /^\p{Lu}\p{Ll}/u;
/** Product-looking words: "PagerDuty", "S3", "AWS", "kubectl"-style suffixes. */
const productLike =
  /\p{Ll}\p{Lu}|\d|^\p{Lu}{2,}$|(?:bot|ctl|db|sql|ops|io|js|api|hub|lab|mq|kube|cd|ci)$/u;

/**
 * The evidence that `word` (one word, as written) names a person, given who is known to be a
 * person or a service. Services and well-known tools are never people.
 */
export function nameEvidence(
  word: string,
  known: { people: ReadonlySet<string>; services: ReadonlySet<string> },
  atSentenceStart: boolean,
): NameEvidence {
  const folded = foldName(word);
  if (!folded || known.services.has(folded)) {
    return 'none';
  }
  if (known.people.has(folded)) {
    return 'known';
  }
  // Every script of `nonLatinLetters` lies beyond Latin-1: most words need not run it.
  if (beyondLatin1.test(word) && nonLatinLetters.test(word)) {
    return 'strong';
  }
  if (!capitalised.test(word)) {
    return 'none';
  }
  if (isKnownName(folded) || isKnownName(word.toLowerCase().replace(/['’]s?$/u, ''))) {
    return 'strong';
  }
  if (word.normalize('NFD') !== word || /[łøæœßđıþð]/i.test(word)) {
    return 'strong';
  }
  if (productLike.test(word) || productLike.test(folded) || isLexiconWord(folded)) {
    return 'none';
  }
  return atSentenceStart ? 'initial' : 'inline';
}
