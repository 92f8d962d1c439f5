import { correctVerbTags } from './correct-verb-tags.ts';
import { nameTags, tagger, taggerLexicon } from './tagger.ts';

/** A word with its part-of-speech tags and its offsets in the whole text. */
export interface TaggedTerm {
  text: string;
  /** Lower-case, possessive "'s" removed. */
  normal: string;
  tags: ReadonlySet<string>;
  start: number;
  end: number;
  /** Punctuation and spaces after the word, e.g. ", ". */
  post: string;
  /** Punctuation before the word, e.g. "(" or an opening quote. */
  pre: string;
  /** The sentence's first word: capitalised whatever it is. */
  sentenceStart: boolean;
}

interface CompromiseTerm {
  text: string;
  normal: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseSentence {
  terms: CompromiseTerm[];
}

const toJson = (text: string, tag: boolean) =>
  (tag ? tagger()(text) : tagger().tokenize(text)).json({
    offset: true,
  }) as unknown as CompromiseSentence[];

const possessive = /['’]s$/;

/**
 * Whether the tagger's lexicon knows the word as a name. The tagger sometimes reads a name as
 * a verb in context ("Bob clearly missed…" tags "Bob" as the verb "to bob").
 */
export function isKnownName(normal: string): boolean {
  const tag = taggerLexicon()[normal];
  return typeof tag === 'string' && nameTags.has(tag);
}

/** A word the tagger's lexicon knows as something other than a name ("search", not "ingrid"). */
export function isLexiconWord(normal: string): boolean {
  return taggerLexicon()[normal] !== undefined && !isKnownName(normal);
}

/**
 * Splits a text into sentences (compromise's tokenizer, cheap) and part-of-speech tags only the
 * sentences asked for (the tagger is the expensive part), so that a text with no trigger costs
 * nothing and a text with one costs one sentence. The verbs the tagger reads as nouns are put
 * right ({@link correctVerbTags}).
 */
export class TaggedSentences {
  private ranges: Array<{ start: number; end: number }> | undefined;
  private readonly tagged = new Map<number, TaggedTerm[]>();

  constructor(private readonly text: string) {}

  /** The tagged words of the sentence holding `offset` (empty when it holds no word). */
  sentenceAt(offset: number): TaggedTerm[] {
    const range = this.sentenceRanges().find((r) => offset >= r.start && offset < r.end);
    if (!range) {
      return [];
    }
    const cached = this.tagged.get(range.start);
    if (cached) {
      return cached;
    }
    const tagged = toJson(this.text.slice(range.start, range.end), true).flatMap((sentence) =>
      sentence.terms.map((term, index) => ({
        text: term.text,
        normal: term.normal.replace(possessive, ''),
        tags: new Set(term.tags),
        start: range.start + term.offset.start,
        end: range.start + term.offset.start + term.offset.length,
        post: term.post,
        pre: term.pre,
        sentenceStart: index === 0,
      })),
    );
    const terms = correctVerbTags(tagged);
    this.tagged.set(range.start, terms);
    return terms;
  }

  private sentenceRanges() {
    if (!this.ranges) {
      this.ranges = toJson(this.text, false).flatMap((sentence) => {
        const first = sentence.terms[0];
        const last = sentence.terms.at(-1);
        if (!first || !last) {
          return [];
        }
        return [
          {
            start: first.offset.start,
            end: last.offset.start + last.offset.length + last.post.length,
          },
        ];
      });
    }
    return this.ranges;
  }
}
