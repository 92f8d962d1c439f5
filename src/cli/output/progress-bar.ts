/** Where progress goes: stderr, or anything with `write` and an optional `isTTY`. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Shows how far a long task has got. */
export interface ProgressBar {
  update(done: number, note?: string): void;
  finish(note?: string): void;
}

const width = 28;
const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/**
 * A progress bar on a terminal (redrawn in place, at most every 100 ms); on anything else, a
 * plain line per quarter so logs stay readable; nothing at all when `quiet`.
 */
export function createProgressBar(
  stream: ProgressStream,
  label: string,
  total: number,
  options: { quiet?: boolean; now?: () => number } = {},
): ProgressBar {
  const now = options.now ?? Date.now;
  let lastDraw = 0;
  let lastQuarter = -1;
  const fraction = (done: number) => (total > 0 ? Math.min(1, done / total) : 1);
  const draw = (done: number, note: string) => {
    const f = fraction(done);
    const filled = Math.round(f * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    stream.write(
      `\r${label} [${bar}] ${Math.floor(f * 100)}% ${megabytes(done)}/${megabytes(total)} MB ${note}\u001b[K`,
    );
  };
  return {
    update(done, note = '') {
      if (options.quiet) {
        return;
      }
      if (stream.isTTY) {
        if (now() - lastDraw >= 100) {
          lastDraw = now();
          draw(done, note);
        }
        return;
      }
      const quarter = Math.floor(fraction(done) * 4);
      if (quarter > lastQuarter && quarter < 4) {
        lastQuarter = quarter;
        stream.write(`${label}: ${quarter * 25}% ${note}\n`.replace(/ \n$/, '\n'));
      }
    },
    finish(note = '') {
      if (options.quiet) {
        return;
      }
      if (stream.isTTY) {
        draw(total, note);
        stream.write('\n');
      } else {
        stream.write(`${label}: 100% ${note}\n`.replace(/ \n$/, '\n'));
      }
    },
  };
}
