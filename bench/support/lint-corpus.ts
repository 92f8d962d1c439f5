import { existsSync } from 'node:fs';
import { ownFixture, sharedFixture } from '../../test/support/fixture-path.ts';

/** The Markdown a lint benchmark reads, and a name to print with its results. */
export interface LintCorpus {
  name: string;
  /** Folders, each linted with its subfolders. */
  folders: string[];
}

/**
 * The public postmortems beside the repository when they are there (the documented runs);
 * otherwise the project's own Markdown, so that a fresh clone still measures. The own corpus is
 * smaller and plainer, so its ratios are not comparable with the documented ones: it says so.
 */
export function lintCorpus(): LintCorpus {
  const shared = sharedFixture('postmortems');
  if (existsSync(shared)) {
    return { name: 'the public postmortems', folders: [shared] };
  }
  console.warn(
    `NOTICE: ${shared} absent; measuring on the project's own Markdown instead (not comparable with the documented ratios).`,
  );
  return {
    name: 'the project’s own Markdown',
    folders: ['postmortems', 'documents', 'lint-drafts', 'report-templates', 'timelines'].map(
      (folder) => ownFixture(folder),
    ),
  };
}
