import { readFileSync } from 'node:fs';

/** One sentence of the labelled set: is it blaming, and which class it exercises. */
export interface LabelledSentence {
  blame: boolean;
  kind: string;
  sentence: string;
}

const setFile = new URL('../../src/analysis/blameless/labelled-sentences.tsv', import.meta.url);

/** Reads the linter's labelled set (`blame|clean<TAB>class<TAB>sentence`, `#` comments). */
export function readLabelledSentences(): LabelledSentence[] {
  return readFileSync(setFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label = '', kind = '', ...rest] = line.split('\t');
      if (label !== 'blame' && label !== 'clean') {
        throw new Error(`labelled set: unknown label "${label}" in "${line}"`);
      }
      return { blame: label === 'blame', kind, sentence: rest.join('\t') };
    });
}

/** Precision and recall of a sentence classifier on the set, with the sentences it got wrong. */
export function scoreOn(sentences: readonly LabelledSentence[], flags: (text: string) => boolean) {
  let truePositives = 0;
  let falsePositives = 0;
  const missed: string[] = [];
  const wronglyFlagged: string[] = [];
  for (const { blame, sentence } of sentences) {
    const flagged = flags(sentence);
    if (flagged && blame) {
      truePositives += 1;
    } else if (flagged) {
      falsePositives += 1;
      wronglyFlagged.push(sentence);
    } else if (blame) {
      missed.push(sentence);
    }
  }
  const blaming = sentences.filter((s) => s.blame).length;
  return {
    precision:
      truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: blaming === 0 ? 1 : truePositives / blaming,
    missed,
    wronglyFlagged,
  };
}
