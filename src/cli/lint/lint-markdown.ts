import type { BlamelessSettings } from '../../analysis/blameless/compile-rules.ts';
import {
  type BlamelessFinding,
  findBlamelessFindings,
} from '../../analysis/blameless/find-blameless-findings.ts';
import { suggestFix } from '../../analysis/blameless/suggest-fix.ts';
import { provideLexicon, provideTagger } from '../../analysis/blameless/tagger.ts';
import { requireTagger } from '../../app/blameless/require-tagger.ts';
import { readMarkdownProse, sourceOffset } from './markdown-prose.ts';
import { prebuiltLexicon } from './prebuilt-lexicon.ts';
import { prebuiltTagger } from './prebuilt-tagger.ts';

/** A finding placed in a file: 1-based line and column of its start and end. */
export interface FileFinding extends Omit<BlamelessFinding, 'target'> {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** With `--fix-suggestions`: the wording that replaces the excerpt, where the rule has one. */
  fix?: { replacement: string };
}

/** 1-based line and column of every offset, from the offsets where lines start. */
export function lineLocator(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] ?? 0) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/**
 * Lints the prose of one Markdown postmortem. People and services come from its front matter
 * (`participants:`, `services:`) plus any given; with no people at all, names are detected.
 */
export function lintMarkdown(
  source: string,
  options: {
    settings?: BlamelessSettings;
    people?: string[];
    services?: string[];
    fixSuggestions?: boolean;
  } = {},
): FileFinding[] {
  provideTagger(prebuiltTagger ?? requireTagger);
  const lexicon = prebuiltLexicon();
  if (lexicon) {
    provideLexicon(() => lexicon);
  }
  const prose = readMarkdownProse(source);
  const locate = lineLocator(source);
  const texts = prose.blocks.map((block, i) => ({ field: String(i), text: block.text }));
  const findings = findBlamelessFindings(texts, {
    people: [...prose.participants, ...(options.people ?? [])],
    services: [...prose.services, ...(options.services ?? [])],
    settings: options.settings,
  });
  return findings
    .map(({ target, ...finding }) => {
      const block = prose.blocks[Number(target.field)];
      const start = block ? sourceOffset(block, target.start) : 0;
      const end = block ? sourceOffset(block, target.end) : 0;
      const from = locate(start);
      const to = locate(end);
      const replacement = options.fixSuggestions ? suggestFix(finding) : undefined;
      return {
        ...finding,
        ...(replacement === undefined ? {} : { fix: { replacement } }),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        start,
      };
    })
    .sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule))
    .map(({ start: _start, ...finding }) => finding);
}
