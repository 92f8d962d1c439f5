import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { severities } from '../domain/incident.ts';
import { commaList, commaListItemsMax } from './comma-list.ts';
import { idSchema } from './common.ts';

const severityList = z.object({ severity: commaList(z.enum(severities)).optional() });
const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.error?.issues.map((issue) => [issue.code, issue.path.join('.')]);

describe('commaList', () => {
  it.each([
    ['one value', 'sev1', ['sev1']],
    ['values separated by commas', 'sev1,sev2', ['sev1', 'sev2']],
    ['spaces around the items', ' sev1 ,  sev2 ', ['sev1', 'sev2']],
    ['empty items', ',sev1,,sev2,', ['sev1', 'sev2']],
    ['nothing but commas and spaces', ' , ,', []],
    ['an empty string', '', []],
    ['a repeated key', ['sev1', 'sev2'], ['sev1', 'sev2']],
    ['a repeated key holding comma lists', ['sev1, sev2', ' sev3,'], ['sev1', 'sev2', 'sev3']],
  ])('reads %s', (_, severity, expected) => {
    expect(severityList.parse({ severity })).toEqual({ severity: expected });
  });

  it('keeps the order and the repetitions it was given', () => {
    expect(severityList.parse({ severity: 'sev3,sev1,sev3' })).toEqual({
      severity: ['sev3', 'sev1', 'sev3'],
    });
  });

  it('refuses each unknown item at its own index, quoting it', () => {
    const result = severityList.safeParse({ severity: 'sev1, sev9 ,critical' });
    expect(issuesOf(result)).toEqual([
      ['invalid_value', 'severity.1'],
      ['invalid_value', 'severity.2'],
    ]);
    expect(result.error?.issues.map((issue) => issue.message.split(':')[0])).toEqual([
      '"sev9"',
      '"critical"',
    ]);
  });

  it('indexes the items across the repetitions of a key', () => {
    const result = severityList.safeParse({ severity: ['sev1,sev2', 'sev9'] });
    expect(issuesOf(result)).toEqual([['invalid_value', 'severity.2']]);
  });

  it("validates each item with the item schema's own code", () => {
    const ids = z.object({ ids: commaList(idSchema) });
    const id = '0b8f7c6e-1d2a-4f3b-9c4d-5e6f7a8b9c0d';
    expect(ids.parse({ ids: ` ${id} ,` })).toEqual({ ids: [id] });
    expect(issuesOf(ids.safeParse({ ids: `${id},not-an-id` }))).toEqual([
      ['invalid_format', 'ids.1'],
    ]);
  });

  it('passes on what the item schema makes of an item', () => {
    const trimmedUpper = z.object({ team: commaList(z.string().toUpperCase()) });
    expect(trimmedUpper.parse({ team: 'sre, payments' })).toEqual({ team: ['SRE', 'PAYMENTS'] });
  });

  it(`takes ${commaListItemsMax} items unless told otherwise, and refuses more at the field`, () => {
    const many = (n: number) => Array.from({ length: n }, () => 'sev1').join(',');
    expect(severityList.parse({ severity: many(commaListItemsMax) }).severity).toHaveLength(
      commaListItemsMax,
    );
    expect(issuesOf(severityList.safeParse({ severity: many(commaListItemsMax + 1) }))).toEqual([
      ['too_big', 'severity'],
    ]);
    const two = z.object({ severity: commaList(z.enum(severities), { max: 2 }) });
    expect(issuesOf(two.safeParse({ severity: 'sev1,,sev2, ' }))).toBeUndefined();
    expect(issuesOf(two.safeParse({ severity: ['sev1', 'sev2', 'sev3'] }))).toEqual([
      ['too_big', 'severity'],
    ]);
  });

  it('reports an unknown item and too many items at once', () => {
    const two = z.object({ severity: commaList(z.enum(severities), { max: 2 }) });
    expect(issuesOf(two.safeParse({ severity: 'sev1,sev2,sev9' }))).toEqual([
      ['invalid_value', 'severity.2'],
      ['too_big', 'severity'],
    ]);
  });

  it('refuses what is neither a string nor a list of strings', () => {
    expect(issuesOf(severityList.safeParse({ severity: 3 }))).toEqual([
      ['invalid_union', 'severity'],
    ]);
  });
});
