import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.ts';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (text: string) => out.push(text) } };
};

describe('createProgressBar', () => {
  it('redraws in place on a terminal, throttled', () => {
    const { out, stream } = sink(true);
    let t = 0;
    const bar = createProgressBar(stream, 'import', 100, { now: () => t });
    t = 200;
    bar.update(50, '3 events');
    bar.update(60);
    bar.finish('done');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\rimport \[#{14}-{14}\] 50% /);
    expect(out[1]).toContain('100%');
    expect(out[2]).toBe('\n');
  });

  it('writes a plain line per quarter elsewhere, and nothing when quiet', () => {
    const { out, stream } = sink(false);
    const bar = createProgressBar(stream, 'import', 100);
    for (const done of [0, 10, 30, 55, 60, 99]) {
      bar.update(done);
    }
    bar.finish();
    expect(out).toEqual([
      'import: 0%\n',
      'import: 25%\n',
      'import: 50%\n',
      'import: 75%\n',
      'import: 100%\n',
    ]);
    const quiet = sink(false);
    createProgressBar(quiet.stream, 'import', 100, { quiet: true }).finish();
    expect(quiet.out).toEqual([]);
  });
});
