import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting and keeps numbers and empty cells', () => {
    expect(
      toCsv(
        ['group', 'median'],
        [
          ['sev1, sev2', 60],
          ['say "hi"', null],
          ['-5', -5],
        ],
      ),
    ).toBe('group,median\r\n"sev1, sev2",60\r\n"say ""hi""",\r\n-5,-5');
  });

  it('keeps spreadsheet formulas inert', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x")'], ['@cmd']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://x"")"\r\n\'@cmd',
    );
  });

  it('keeps the sign of a plain number only, and ends without a line break', () => {
    expect(
      toCsv(
        ['a, b', 'c'],
        [
          ['+5', '-0.5'],
          ['-1e3', 0],
          ['-', '1-2'],
        ],
      ),
    ).toBe("\"a, b\",c\r\n'+5,-0.5\r\n'-1e3,0\r\n'-,1-2");
  });

  it('keeps a formula inert behind a number, a tab or a carriage return', () => {
    expect(toCsv(['x'], [['-2+3+cmd|calc'], ['\t=1+1'], ['\r=1+1'], ['-1.5']])).toBe(
      "x\r\n'-2+3+cmd|calc\r\n'\t=1+1\r\n\"'\r=1+1\"\r\n-1.5",
    );
  });
});
