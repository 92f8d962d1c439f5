import type { Tagger } from '../../analysis/blameless/tagger.ts';

/**
 * compromise with its word model computed at build time (lib/cli/lint-tagger.cjs, checked
 * against compromise as installed when built). In the sources and in lib/ there is none: the
 * lint bundle's build replaces this module with one that requires that file
 * (scripts/lint-bundle-parts.mjs), ≈ 0.16 s of CPU less to load than compromise itself.
 */
export const prebuiltTagger: (() => Tagger) | undefined = undefined;
