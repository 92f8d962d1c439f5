import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsFileName, isBuildFresh, writeBuildInputs } from '../../scripts/build-state.mjs';

const work = mkdtempSync(join(tmpdir(), 'debrief-build-state-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An output directory recorded as built from two source files, as `scripts/build.mjs` does. */
function builtFromTwoFiles(name: string) {
  const output = join(work, name, 'out');
  const first = join(work, name, 'first.ts');
  const second = join(work, name, 'second.ts');
  mkdirSync(output, { recursive: true });
  writeFileSync(first, 'export const first = 1;\n');
  writeFileSync(second, 'export const second = 2;\n');
  writeBuildInputs(output, [first, second]);
  return { output, first, second };
}

describe('a build is reused only while its inputs are unchanged', () => {
  it('is not fresh before it was ever built', () => {
    expect(isBuildFresh(join(work, 'never-built'))).toBe(false);
  });

  it('is fresh right after it was built, and stays fresh while nothing changes', () => {
    const { output } = builtFromTwoFiles('unchanged');
    expect(isBuildFresh(output)).toBe(true);
    expect(isBuildFresh(output)).toBe(true);
  });

  it('is stale once an input is edited, even to the same size', () => {
    const { output, second } = builtFromTwoFiles('edited');
    writeFileSync(second, 'export const second = 3;\n');
    const later = new Date(Date.now() + 5_000);
    utimesSync(second, later, later);
    expect(isBuildFresh(output)).toBe(false);
  });

  it('is stale once an input is deleted', () => {
    const { output, first } = builtFromTwoFiles('deleted');
    rmSync(first);
    expect(isBuildFresh(output)).toBe(false);
  });

  it('is stale once an input is written in place, though its directory looks untouched', () => {
    const { output, first } = builtFromTwoFiles('in-place');
    const directoryBefore = statSync(dirname(first)).mtimeMs;
    writeFileSync(first, 'export const first = 9;\n');
    const later = new Date(Date.now() + 5_000);
    utimesSync(first, later, later);
    // What a check of directory mtimes alone would see: nothing.
    expect(statSync(dirname(first)).mtimeMs).toBe(directoryBefore);
    expect(isBuildFresh(output)).toBe(false);
  });

  it('is stale once an input is put back with an older mtime, as `cp -p` or `tar x` do', () => {
    const { output, second } = builtFromTwoFiles('older');
    writeFileSync(second, 'export const second = 4;\n');
    const earlier = new Date(Date.now() - 86_400_000);
    utimesSync(second, earlier, earlier);
    expect(isBuildFresh(output)).toBe(false);
  });

  it("is stale once an input's whole directory is gone", () => {
    const { output, first } = builtFromTwoFiles('directory-gone');
    const sources = join(dirname(first), 'sources');
    mkdirSync(sources);
    const nested = join(sources, 'nested.ts');
    writeFileSync(nested, 'export const nested = 1;\n');
    writeBuildInputs(output, [first, nested]);
    expect(isBuildFresh(output)).toBe(true);
    rmSync(sources, { recursive: true });
    expect(isBuildFresh(output)).toBe(false);
  });

  it('is fresh for inputs at the repository root, named by their bare name', () => {
    const output = join(work, 'root-inputs');
    mkdirSync(output, { recursive: true });
    writeBuildInputs(output, ['package.json', 'tsconfig.json']);
    expect(isBuildFresh(output)).toBe(true);
  });

  it('is not fresh when the record was written in an earlier layout', () => {
    const { output } = builtFromTwoFiles('earlier-layout');
    const record = JSON.parse(readFileSync(join(output, inputsFileName), 'utf8'));
    writeFileSync(join(output, inputsFileName), JSON.stringify({ inputs: record.directories }));
    expect(isBuildFresh(output)).toBe(false);
  });
});
