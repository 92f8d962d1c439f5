import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LintableText } from '../../analysis/blameless/find-blameless-findings.ts';
import { lintTextsByContent, lintTextsByStamp } from './load-blameless-linter.ts';

const team = { people: ['Alice Chen', 'Bob Moreau'], services: ['Atlas'] };
const settings = { disabledRules: [], extraTerms: [] };

/** A group of texts as a store would hand it: with a stamp, counting how often it is read. */
function storedGroup(texts: LintableText[]) {
  const group = { stamp: randomUUID() as string | null, texts, reads: 0 };
  return {
    group,
    read: async () => {
      group.reads += 1;
      return { stamp: group.stamp, texts: group.texts };
    },
  };
}

describe('findings of a group of texts known by stamp', () => {
  it('equal the texts linted one by one, and are read once per stamp and context', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' },
      { field: 'timeline_events.b.text', text: 'Checkout recovered.' },
      { field: 'timeline_events.c.text', text: 'Root cause: human error.' },
    ]);
    const context = { ...team, settings };
    const first = await lintTextsByStamp(group.stamp, context, read);
    expect(first).toEqual(await lintTextsByContent(group.texts, context));
    expect(first.map((f) => [f.rule, f.target.field])).toEqual([
      ['person-as-cause', 'timeline_events.a.text'],
      ['human-error', 'timeline_events.c.text'],
    ]);
    expect(await lintTextsByStamp(group.stamp, context, read)).toEqual(first);
    expect(group.reads).toBe(1);
  });

  it('gives a changed text fresh findings under its new stamp', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'A config change was deployed.' },
    ]);
    const context = { ...team, settings };
    expect(await lintTextsByStamp(group.stamp, context, read)).toEqual([]);
    const before = group.stamp;
    group.texts = [{ field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' }];
    group.stamp = randomUUID();
    const after = await lintTextsByStamp(group.stamp, context, read);
    expect(after.map((f) => f.rule)).toEqual(['person-as-cause']);
    expect(group.reads).toBe(2);
    // The old stamp still stands for the old texts.
    expect(await lintTextsByStamp(before, context, read)).toEqual([]);
  });

  it('lints again when the policy or the people change, with the same stamp', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' },
    ]);
    const context = { ...team, settings };
    expect((await lintTextsByStamp(group.stamp, context, read)).map((f) => f.rule)).toEqual([
      'person-as-cause',
    ]);
    const disabled = { ...team, settings: { ...settings, disabledRules: ['person-as-cause'] } };
    expect(await lintTextsByStamp(group.stamp, disabled, read)).toEqual(
      await lintTextsByContent(group.texts, disabled),
    );
    expect(await lintTextsByStamp(group.stamp, disabled, read)).toEqual([]);
    const otherPeople = { people: ['Alice Chen'], services: ['Atlas'], settings };
    await lintTextsByStamp(group.stamp, otherPeople, read);
    expect(group.reads).toBe(3);
  });

  it('reads a group without a stamp every time and keeps nothing for it', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' },
    ]);
    group.stamp = null;
    const context = { ...team, settings };
    expect((await lintTextsByStamp(null, context, read)).map((f) => f.rule)).toEqual([
      'person-as-cause',
    ]);
    group.texts = [{ field: 'timeline_events.a.text', text: 'A config change was deployed.' }];
    expect(await lintTextsByStamp(null, context, read)).toEqual([]);
    expect(group.reads).toBe(2);
  });
});
