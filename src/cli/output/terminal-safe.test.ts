import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-safe.ts';

describe('terminalSafe', () => {
  it('removes colour, cursor, title and hyperlink sequences', () => {
    expect(terminalSafe('\u001b[31mred\u001b[0m')).toBe('red');
    expect(terminalSafe('a\u001b[2J\u001b[1;1Hb')).toBe('ab');
    expect(terminalSafe('\u001b]0;owned\u0007title')).toBe('title');
    expect(terminalSafe('\u001b]8;;https://x.example\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(terminalSafe('\u009b31mC1\u009b0m')).toBe('C1');
  });

  it('removes other control characters but keeps tabs, newlines and text', () => {
    expect(terminalSafe('line\r\u0008\u0007 one\tcol\nline two')).toBe('line one\tcol\nline two');
    expect(terminalSafe('Ünïcødé – “quotes” 🚒')).toBe('Ünïcødé – “quotes” 🚒');
  });
});
