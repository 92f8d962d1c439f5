import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuildFresh, writeBuildInputs } from '../../scripts/build-state.mjs';

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
});
