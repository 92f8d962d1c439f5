import { describe, expect, it } from 'vitest';
import { argument, numberArgument } from './bench-args.ts';

const argv = ['/usr/bin/node', 'bench/search.ts', '--rounds', '3', '--engines', 'pglite'];

describe('argument', () => {
  it('reads the value after the option', () => {
    expect(argument('--engines', argv)).toBe('pglite');
  });

  it('is undefined when the option is not given', () => {
    expect(argument('--postmortems', argv)).toBeUndefined();
  });
});

describe('numberArgument', () => {
  it('reads the number after the option', () => {
    expect(numberArgument('--rounds', 6, argv)).toBe(3);
  });

  it('falls back when the option is not given', () => {
    expect(numberArgument('--postmortems', 100_000, argv)).toBe(100_000);
  });
});
