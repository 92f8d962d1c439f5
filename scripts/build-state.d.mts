/** The repository root. */
export const root: string;
/** Name of the file, inside a build's output directory, listing the inputs it was built from. */
export const inputsFileName: string;
/** Records the state of `files` as the inputs of `outputDir` (paths absolute or root-relative). */
export function writeBuildInputs(outputDir: string, files: Iterable<string>): void;
/** True when `outputDir` holds a build whose every input is unchanged since it was built. */
export function isBuildFresh(outputDir: string): boolean;
