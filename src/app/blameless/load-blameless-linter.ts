type BlamelessLinter = typeof import('../../analysis/blameless/find-blameless-findings.ts');

let linter: Promise<BlamelessLinter> | undefined;

/**
 * The blameless linter, loaded on first use. Its part-of-speech tagger (compromise) costs
 * about a third of a second of CPU and tens of MB to load, which a server that has not yet
 * been asked for findings need not pay at start or hold while idle.
 */
export function loadBlamelessLinter(): Promise<BlamelessLinter> {
  linter ??= import('../../analysis/blameless/find-blameless-findings.ts');
  return linter;
}
