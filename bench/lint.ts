/**
 * Linter benchmark: Debrief's blameless-language linter (`lintMarkdown`, Markdown parsing
 * included) against alex (the retext-based insensitive-writing linter, `markdown()`) on the
 * same fixture postmortems, in one run, in interleaved rounds so that machine noise hits both
 * alike.
 *
 *   npm run bench:lint
 *
 * Prints ms per 10 KB for each, and the speed ratio (alex time / Debrief time; the goal is ≥ 5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdown as alex } from 'alex';
import { lintMarkdown } from '../src/cli/lint/lint-markdown.ts';
import { lintCorpus } from './support/lint-corpus.ts';
import { median } from './support/statistics.ts';

const corpus = lintCorpus();
const rounds = 8;

const files = corpus.folders.flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8')),
);
const kilobytes = files.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1024;

function time(run: (text: string) => unknown): number {
  const start = performance.now();
  for (const text of files) {
    run(text);
  }
  return performance.now() - start;
}

const debrief = (text: string) => lintMarkdown(text);
const baseline = (text: string) => alex(text);

// Warm-up: module initialisation and JIT, for both.
time(debrief);
time(baseline);

const debriefTimes: number[] = [];
const alexTimes: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  // Alternate which goes first, so neither always runs on a warmer machine.
  if (round % 2 === 0) {
    debriefTimes.push(time(debrief));
    alexTimes.push(time(baseline));
  } else {
    alexTimes.push(time(baseline));
    debriefTimes.push(time(debrief));
  }
}

const per10kb = (ms: number) => (ms / kilobytes) * 10;
const debriefMs = median(debriefTimes);
const alexMs = median(alexTimes);
const findings = files.reduce((sum, text) => sum + lintMarkdown(text).length, 0);
const alexMessages = files.reduce((sum, text) => sum + alex(text).messages.length, 0);

console.log(
  `${corpus.name}: ${files.length} files, ${kilobytes.toFixed(0)} KB, ${rounds} interleaved rounds (median)`,
);
console.log(
  `debrief lint  ${debriefMs.toFixed(1)} ms  ${per10kb(debriefMs).toFixed(2)} ms/10 KB  ${findings} findings`,
);
console.log(
  `alex          ${alexMs.toFixed(1)} ms  ${per10kb(alexMs).toFixed(2)} ms/10 KB  ${alexMessages} messages`,
);
console.log(`ratio (alex / debrief): ${(alexMs / debriefMs).toFixed(1)}× faster (goal ≥ 5×)`);
