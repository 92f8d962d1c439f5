// Whether a build output was made from the sources as they are now. Each build writes the
// inputs it was made from (path, mtime, size) next to its output; the build is fresh while
// every input still has the same mtime and size. A file added later matters only once an
// input imports it, and that edit changes the input, so a new file never goes unnoticed.
//
// Every input is looked at on every check (≈ 620 for lib/, a few ms): cheaper checks miss real
// edits. A directory's mtime moves when a file is added, removed or renamed in it, not when one
// is written in place (as most editors save); and "no input newer than the build" misses a file
// put back with an older mtime (`cp -p`, `tar x`, `rsync -t`, an editor's undo to a backup).
// The record is grouped by directory, so the check builds one string per file and parses less.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Name of the file, inside a build's output directory, listing the inputs it was built from. */
export const inputsFileName = '.build-inputs.json';

/** The record's layout; a record in another (an older build's) counts as not fresh. */
const recordFormat = 2;

/** Records the state of `files` as the inputs of `outputDir` (paths absolute or root-relative). */
export function writeBuildInputs(outputDir, files) {
  const directories = {};
  for (const file of files) {
    const path = relative(root, resolve(root, file));
    const stat = statSync(join(root, path));
    directories[dirname(path)] ??= {};
    directories[dirname(path)][basename(path)] = [stat.mtimeMs, stat.size];
  }
  writeFileSync(
    resolve(root, outputDir, inputsFileName),
    `${JSON.stringify({ format: recordFormat, directories })}\n`,
  );
}

/** True when `outputDir` holds a build whose every input is unchanged since it was built. */
export function isBuildFresh(outputDir) {
  let directories;
  try {
    const record = JSON.parse(readFileSync(resolve(root, outputDir, inputsFileName), 'utf8'));
    if (record.format !== recordFormat) {
      return false;
    }
    directories = record.directories;
  } catch {
    return false;
  }
  for (const directory in directories) {
    const prefix = directory === '.' ? root : join(root, directory, '/');
    const files = directories[directory];
    for (const name in files) {
      const [mtimeMs, size] = files[name];
      const stat = statSync(prefix + name, { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs !== mtimeMs || stat.size !== size) {
        return false;
      }
    }
  }
  return true;
}
