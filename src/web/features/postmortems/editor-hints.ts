import nlp from 'compromise/two';
import {
  type BlamelessFinding,
  type BlamelessOptions,
  findBlamelessFindings,
} from '../../../analysis/blameless/find-blameless-findings.ts';
import { provideTagger } from '../../../analysis/blameless/tagger.ts';

const bundledTagger = () => nlp;

/**
 * The hints the editor shows for one text as it is typed: the server's linter, run in the
 * browser with the context the server lints with (participants, services, team settings), so
 * that a hint here is the finding the saved report will have.
 */
export function editorHints(
  field: string,
  text: string,
  context: BlamelessOptions = {},
): BlamelessFinding[] {
  provideTagger(bundledTagger);
  return findBlamelessFindings([{ field, text }], context);
}
