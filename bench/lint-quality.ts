/**
 * Linter quality benchmark: precision and recall of Debrief's blameless linter on the labelled
 * set (src/analysis/blameless/labelled-sentences.tsv), next to alex (insensitive writing) and
 * write-good (style) on the same sentences, in one run. A peer "flags" a sentence when it
 * reports anything about it; Debrief when it reports an error (hints from quotes do not count).
 * Also times each over the whole set, with Debrief's time as the baseline.
 *
 *   npm run bench:lint-quality
 */
import { text as alex } from 'alex';
import writeGood from 'write-good';
import { findBlamelessFindings } from '../src/analysis/blameless/find-blameless-findings.ts';
import { provideTagger } from '../src/analysis/blameless/tagger.ts';
import { requireTagger } from '../src/app/blameless/require-tagger.ts';
import { readLabelledSentences, scoreOn } from '../test/support/labelled-sentences.ts';

provideTagger(requireTagger);
const sentences = readLabelledSentences();

const linters: Array<[string, (text: string) => boolean]> = [
  [
    'debrief',
    (text) => findBlamelessFindings([{ field: 'text', text }]).some((f) => f.severity === 'error'),
  ],
  ['alex', (text) => alex(text).messages.length > 0],
  ['write-good', (text) => writeGood(text).length > 0],
];

const timeOf = (flags: (text: string) => boolean) => {
  const start = performance.now();
  for (const { sentence } of sentences) {
    flags(sentence);
  }
  return performance.now() - start;
};

const blaming = sentences.filter((s) => s.blame).length;
console.log(
  `${sentences.length} labelled sentences (${blaming} blaming, ${sentences.length - blaming} clean)`,
);
let baselineMs = 0;
for (const [name, flags] of linters) {
  timeOf(flags); // warm-up
  const ms = timeOf(flags);
  baselineMs ||= ms;
  const { precision, recall } = scoreOn(sentences, flags);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(
    `${name.padEnd(11)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  ${ms.toFixed(0)} ms (${(ms / baselineMs).toFixed(2)}× debrief)`,
  );
}
