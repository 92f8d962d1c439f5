import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LintableText } from '../../analysis/blameless/find-blameless-findings.ts';
import { lintTextsByContent, lintTextsByDigest } from './load-blameless-linter.ts';

const team = { people: ['Alice Chen', 'Bob Moreau'], services: ['Atlas'] };
const settings = { disabledRules: [], extraTerms: [] };

/** A group of texts as a store would hand it: with a digest, counting how often it is read. */
function storedGroup(texts: LintableText[]) {
  const group = { digest: randomUUID(), texts, reads: 0 };
  return {
    group,
    read: async () => {
      group.reads += 1;
      return { digest: group.digest, texts: group.texts };
    },
  };
}

describe('findings of a group of texts known by digest', () => {
  it('equal the texts linted one by one, and are read once per digest and context', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' },
      { field: 'timeline_events.b.text', text: 'Checkout recovered.' },
      { field: 'timeline_events.c.text', text: 'Root cause: human error.' },
    ]);
    const context = { ...team, settings };
    const first = await lintTextsByDigest(group.digest, context, read);
    expect(first).toEqual(await lintTextsByContent(group.texts, context));
    expect(first.map((f) => [f.rule, f.target.field])).toEqual([
      ['person-as-cause', 'timeline_events.a.text'],
      ['human-error', 'timeline_events.c.text'],
    ]);
    expect(await lintTextsByDigest(group.digest, context, read)).toEqual(first);
    expect(group.reads).toBe(1);
  });

  it('gives a changed text fresh findings under its new digest', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'A config change was deployed.' },
    ]);
    const context = { ...team, settings };
    expect(await lintTextsByDigest(group.digest, context, read)).toEqual([]);
    const before = group.digest;
    group.texts = [{ field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' }];
    group.digest = randomUUID();
    const after = await lintTextsByDigest(group.digest, context, read);
    expect(after.map((f) => f.rule)).toEqual(['person-as-cause']);
    expect(group.reads).toBe(2);
    // The old digest still stands for the old texts.
    expect(await lintTextsByDigest(before, context, read)).toEqual([]);
  });

  it('lints again when the policy or the people change, with the same digest', async () => {
    const { group, read } = storedGroup([
      { field: 'timeline_events.a.text', text: 'Bob deployed the bad config.' },
    ]);
    const context = { ...team, settings };
    expect((await lintTextsByDigest(group.digest, context, read)).map((f) => f.rule)).toEqual([
      'person-as-cause',
    ]);
    const disabled = { ...team, settings: { ...settings, disabledRules: ['person-as-cause'] } };
    expect(await lintTextsByDigest(group.digest, disabled, read)).toEqual(
      await lintTextsByContent(group.texts, disabled),
    );
    expect(await lintTextsByDigest(group.digest, disabled, read)).toEqual([]);
    const otherPeople = { people: ['Alice Chen'], services: ['Atlas'], settings };
    await lintTextsByDigest(group.digest, otherPeople, read);
    expect(group.reads).toBe(3);
  });
});
