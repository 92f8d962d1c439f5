import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field.ts';

describe('csvField', () => {
  it('leaves a plain field as it is', () => {
    expect(csvField('')).toBe('');
    expect(csvField('checkout-api')).toBe('checkout-api');
    expect(csvField('a=1')).toBe('a=1');
  });

  it('quotes a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('sev1, sev2')).toBe('"sev1, sev2"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\r\ntwo\nthree')).toBe('"one\r\ntwo\nthree"');
  });

  it('keeps whatever a spreadsheet would run as a formula text, a signed number too', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3+cmd|calc')).toBe("'-2+3+cmd|calc");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    // The prefix goes inside the quotes the carriage return calls for.
    expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });
});
