/**
 * Build-check benchmark: what `bin/debrief.js` pays on every command to tell whether lib/ was
 * built from the sources as they are now (`isBuildFresh('lib')`, scripts/build-state.mjs).
 *
 *   npm run bench:build-check [-- --rounds 9 --checks 50]   # after `npm run build`
 *
 * The baseline, measured in the same interleaved rounds, is what no sound check can skip:
 * one `stat` of every recorded input, paths prepared beforehand, nothing parsed or compared
 * (see scripts/build-state.mjs for why directory mtimes or a newest-mtime stamp are not
 * enough). Each round times `--checks` calls of each; medians per call are printed.
 */
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { inputsFileName, isBuildFresh, root } from '../scripts/build-state.mjs';
import { numberArgument } from './support/bench-args.ts';
import { upperMedian } from './support/statistics.ts';

const rounds = numberArgument('--rounds', 9);
const checks = numberArgument('--checks', 50);

/** Every input path the lib/ record names, absolute, read from whichever layout it has. */
function recordedInputs(): string[] {
  const record = JSON.parse(readFileSync(join(root, 'lib', inputsFileName), 'utf8'));
  if (record.directories) {
    return Object.entries(record.directories as Record<string, Record<string, unknown>>).flatMap(
      ([directory, files]) => Object.keys(files).map((name) => join(root, directory, name)),
    );
  }
  return Object.keys(record.inputs as Record<string, unknown>).map((path) => join(root, path));
}

function perCall(run: () => void): number {
  const started = performance.now();
  for (let call = 0; call < checks; call += 1) {
    run();
  }
  return (performance.now() - started) / checks;
}

if (!isBuildFresh('lib')) {
  console.error('lib/ is not built from the current sources; run `npm run build` first.');
  process.exit(1);
}
const inputs = recordedInputs();
console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
const floor: number[] = [];
const check: number[] = [];
for (let round = 0; round <= rounds; round += 1) {
  const statOnly = perCall(() => {
    for (const path of inputs) {
      statSync(path, { throwIfNoEntry: false });
    }
  });
  const fresh = perCall(() => isBuildFresh('lib'));
  // The first round warms the file system's caches and the JIT: not counted.
  if (round > 0) {
    floor.push(statOnly);
    check.push(fresh);
  }
}
console.log(`${inputs.length} inputs recorded for lib/; medians of ${rounds} rounds × ${checks}`);
console.log(`stat of every input (baseline): ${upperMedian(floor).toFixed(2)} ms`);
console.log(
  `isBuildFresh('lib'): ${upperMedian(check).toFixed(2)} ms (${(upperMedian(check) / upperMedian(floor)).toFixed(2)}× the baseline)`,
);
console.log(
  `load average after: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
