import type nlpTwo from 'compromise/two';

/** compromise's part-of-speech tagger (its `two` build): tokenizer, tagger and lexicon. */
export type Tagger = typeof nlpTwo;

let load: (() => Tagger) | undefined;
let loaded: Tagger | undefined;

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
