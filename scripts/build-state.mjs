// Whether a build output was made from the sources as they are now. Each build writes the
// inputs it was made from (path, mtime, size) next to its output; the build is fresh while
// every input still has the same mtime and size. A file added later matters only once an
// input imports it, and that edit changes the input, so a new file never goes unnoticed.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Name of the file, inside a build's output directory, listing the inputs it was built from. */
export const inputsFileName = '.build-inputs.json';

/** Records the state of `files` as the inputs of `outputDir` (paths absolute or root-relative). */
export function writeBuildInputs(outputDir, files) {
  const inputs = {};
  for (const file of files) {
    const path = relative(root, resolve(root, file));
    const stat = statSync(join(root, path));
    inputs[path] = [stat.mtimeMs, stat.size];
  }
  writeFileSync(resolve(root, outputDir, inputsFileName), `${JSON.stringify({ inputs })}\n`);
}

/** True when `outputDir` holds a build whose every input is unchanged since it was built. */
export function isBuildFresh(outputDir) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(resolve(root, outputDir, inputsFileName), 'utf8')).inputs;
  } catch {
    return false;
  }
  for (const [path, [mtimeMs, size]] of Object.entries(recorded)) {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs !== mtimeMs || stat.size !== size) {
      return false;
    }
  }
  return true;
}
