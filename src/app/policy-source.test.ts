import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePolicySource } from './policy-source.ts';

describe('describePolicySource', () => {
  it('is the built-in policy when no file is named', () => {
    expect(describePolicySource(undefined, undefined)).toEqual({
      file: null,
      via: null,
      keysFromFile: [],
    });
  });

  it('lists the settings a file sets, and whether the flag or the environment named it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.yaml');
    writeFileSync(file, 'holidays: [2026-12-25]\ndueBusinessDays:\n  sev1: { analysis: 2 }\n');
    expect(describePolicySource(undefined, file)).toEqual({
      file,
      via: 'environment',
      keysFromFile: ['dueBusinessDays', 'holidays'],
    });
    expect(describePolicySource(file, '/elsewhere.yaml').via).toBe('flag');
  });
});
