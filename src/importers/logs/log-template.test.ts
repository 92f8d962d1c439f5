import { describe, expect, it } from 'vitest';
import { isNotable, toTemplate } from './log-template.ts';

describe('toTemplate', () => {
  it('strips numbers, ids, hex, quoted values and timestamps', () => {
    expect(toTemplate('db timeout to "payments-db" after 5003 ms')).toBe(
      'db timeout to <q> after <n> ms',
    );
    expect(toTemplate("db timeout to 'orders-db' after 17 ms")).toBe(
      'db timeout to <q> after <n> ms',
    );
    expect(
      toTemplate('request 3f2a9c1e-1111-4222-8333-444455556666 failed at 2024-03-05T14:03:01Z'),
    ).toBe('request <id> failed at <ts>');
    expect(toTemplate('pod api-7f9c8d6b5-x2x9z restarted, sha deadbeef12, at 0x1f')).toBe(
      'pod <id> restarted, sha <id>, at <id>',
    );
    expect(toTemplate('  many   spaces\t')).toBe('many spaces');
  });
});

describe('isNotable', () => {
  it('keeps warnings and above, and trouble words unless debug', () => {
    expect(isNotable('warn', 'all good')).toBe(true);
    expect(isNotable('fatal', 'bye')).toBe(true);
    expect(isNotable('info', 'connection timed out')).toBe(true);
    expect(isNotable('', 'worker restarted')).toBe(true);
    expect(isNotable('info', 'served request')).toBe(false);
    expect(isNotable('debug', 'retry after error')).toBe(false);
  });
});
