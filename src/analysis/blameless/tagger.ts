import type nlpTwo from 'compromise/two';

/** compromise's part-of-speech tagger (its `two` build): tokenizer, tagger and lexicon. */
export type Tagger = typeof nlpTwo;

/**
 * The tagger's lexicon as a word table: a word's tag, or any other value for a word it knows
 * (a plain object, looked up as the tagger's own lexicon is).
 */
export type Lexicon = Record<string, unknown>;

let load: (() => Tagger) | undefined;
let loaded: Tagger | undefined;
let loadLexicon: (() => Lexicon) | undefined;
let lexicon: Lexicon | undefined;

/**
 * Says how to load the tagger; it is loaded on first use, not before. The rim decides how: on
 * Node the single-file CommonJS build is required when a text first needs it (one file to
 * compile instead of its 330 ES modules), the browser bundles it with the editor. The first
 * provider wins: every rim provides the same compromise, and a tagger once loaded is never
 * loaded again.
 */
export function provideTagger(loader: () => Tagger): void {
  load ??= loader;
}

/** The tagger, loaded on the first call. */
export function tagger(): Tagger {
  if (!loaded) {
    if (!load) {
      throw new Error('The blameless linter needs its tagger: call provideTagger() first.');
    }
    loaded = load();
  }
  return loaded;
}

/**
 * Says where the tagger's lexicon can be read without loading the tagger: a rim that carries
 * a copy made at build time (`debrief lint`) provides it, so that a text whose sentences need
 * no tagging never loads compromise. The copy must be {@link nameLexicon} of the same
 * compromise. Without a provider the lexicon comes from the tagger.
 */
export function provideLexicon(loader: () => Lexicon): void {
  loadLexicon ??= loader;
}

/** The tagger's lexicon (provided copy or the tagger's own), loaded on the first call. */
export function taggerLexicon(): Lexicon {
  lexicon ??= loadLexicon
    ? loadLexicon()
    : (tagger().model() as { one: { lexicon: Lexicon } }).one.lexicon;
  return lexicon;
}

/** The tags by which the lexicon knows a word as a name. */
export const nameTags: ReadonlySet<unknown> = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
]);

/**
 * What {@link taggerLexicon}'s readers need of the tagger's lexicon, half its size: a name's
 * tag (`nameTags`) as is, every other word as `1`. Same keys, in the same order.
 */
export function nameLexicon(full: Lexicon): Lexicon {
  const table: Lexicon = {};
  for (const [word, tag] of Object.entries(full)) {
    table[word] = typeof tag === 'string' && nameTags.has(tag) ? tag : 1;
  }
  return table;
}
