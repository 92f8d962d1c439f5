import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'why', 'whys')).toBe('1 why');
    expect(plural(0, 'postmortem')).toBe('0 postmortems');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});
