import type { Lexicon } from '../../analysis/blameless/tagger.ts';

/**
 * The tagger's lexicon as {@link nameLexicon} of the installed compromise, made at build time.
 * In the sources and in lib/ there is none (`undefined`: the lexicon comes from the tagger);
 * the lint bundle's build replaces this module with one that holds the table
 * (scripts/build.mjs), so that `debrief lint` checks names without loading compromise.
 */
export function prebuiltLexicon(): Lexicon | undefined {
  return undefined;
}
