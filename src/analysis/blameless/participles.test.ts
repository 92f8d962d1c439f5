import { describe, expect, it } from 'vitest';
import { templateParts } from './blame-templates.ts';
import { isIrregularParticiple } from './participles.ts';

describe('isIrregularParticiple', () => {
  it.each(['run', 're-run', 'rerun', 'redone', 'dry-run', 'cut', 'known', 'rewritten'])(
    'knows "%s"',
    (word) => {
      expect(isIrregularParticiple(word)).toBe(true);
    },
  );

  it.each(['rest', 'ready', 'preset', 'outset', 'checked', 'run-book', 'support'])(
    'does not take "%s" for one',
    (word) => {
      expect(isIrregularParticiple(word)).toBe(false);
    },
  );
});

describe('the templates’ {pp}', () => {
  const pp = new RegExp(`^(?:${templateParts.pp})$`, 'i');

  it.each(['checked', 'double-checked', 're-run', 'rerun', 'dry-run', 'redone', 'known'])(
    'matches "%s"',
    (word) => {
      expect(pp.test(word)).toBe(true);
    },
  );

  it.each(['been', 'had', 'ready', 'run-time'])('does not match "%s"', (word) => {
    expect(pp.test(word)).toBe(false);
  });
});
