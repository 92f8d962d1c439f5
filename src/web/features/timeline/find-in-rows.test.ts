import { describe, expect, it } from 'vitest';
import { findInRows } from './find-in-rows.ts';

const row = (text: string, actor: string | null = null) => ({ data: { text, actor } });

describe('findInRows', () => {
  const rows = [row('Pool at 100 percent'), row('Deploy 42 rolled back', 'Grace'), row('Quiet')];

  it('keeps rows whose text or actor contains the query in any case', () => {
    expect(findInRows(rows, 'POOL')).toEqual([rows[0]]);
    expect(findInRows(rows, ' grace ')).toEqual([rows[1]]);
    expect(findInRows(rows, 'nothing like it')).toEqual([]);
  });

  it('returns the same array for an empty query, so nothing below renders again', () => {
    expect(findInRows(rows, '  ')).toBe(rows);
  });
});
