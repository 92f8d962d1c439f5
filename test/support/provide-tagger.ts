// Vitest setup file: tests that call the blameless linter directly get the tagger the browser
// bundles (compromise's ES modules); the CLI and the server provide their own at their rim.
import nlp from 'compromise/two';
import { provideTagger } from '../../src/analysis/blameless/tagger.ts';

provideTagger(() => nlp);
