import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commaListItemsMax } from './comma-list.ts';
import { importFieldsSchema } from './imports.ts';

const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.error?.issues.map((issue) => [issue.code, issue.path.join('.')]);

describe('importFieldsSchema: channels', () => {
  it.each([
    ['one name', 'incidents', ['incidents']],
    ['names with and without #', '#incidents, ops-alerts', ['incidents', 'ops-alerts']],
    ['empty items and spaces', ' ,#incidents,, ops ,', ['incidents', 'ops']],
    ['a space after the #', '# incidents', ['incidents']],
    ['one flag per channel (the CLI)', ['#incidents', 'ops,#sre'], ['incidents', 'ops', 'sre']],
  ])('reads %s', (_, channels, expected) => {
    expect(importFieldsSchema.parse({ channels }).channels).toEqual(expected);
  });

  it('has no channels when none are named', () => {
    expect(importFieldsSchema.parse({}).channels).toBeUndefined();
    expect(importFieldsSchema.parse({ channels: ' , ' }).channels).toEqual([]);
  });

  it('refuses a bare # and a name past 80 characters, each at its index', () => {
    const result = importFieldsSchema.safeParse({
      channels: `incidents,#,${'c'.repeat(81)},#${'d'.repeat(80)}`,
    });
    expect(issuesOf(result)).toEqual([
      ['too_small', 'channels.1'],
      ['too_big', 'channels.2'],
    ]);
  });

  it('refuses more channels than a comma list carries', () => {
    const channels = Array.from({ length: commaListItemsMax + 1 }, (_, i) => `c${i}`).join(',');
    expect(issuesOf(importFieldsSchema.safeParse({ channels }))).toEqual([['too_big', 'channels']]);
  });
});
