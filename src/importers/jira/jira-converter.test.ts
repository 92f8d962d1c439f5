import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutationArb } from '../../../test/fuzz/support/mutations.ts';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { jiraConverter } from './jira-converter.ts';

const root = sharedFixture('payloads');
const present = existsSync(root);
if (!present) {
  console.warn(`fixtures not found at ${root}: Jira converter tests skipped`);
}
const name = 'jira/zulip-fixtures/issue_updated__status.json';
const read = () => readFileSync(join(root, name), 'utf8');
/** A status change of a follow-up issue, in our own words. */
const ownName = 'jira/checkout-follow-up-in-progress.json';
const readOwn = () => readFileSync(ownFixture(`payloads/${ownName}`), 'utf8');

describe('jira converter on the project’s own delivery', () => {
  it('names the webhook event when there is no changelog', () => {
    const body = JSON.parse(readOwn()) as Record<string, unknown>;
    delete body.changelog;
    body.webhookEvent = 'jira:issue_created';
    const result = jiraConverter.convertText(JSON.stringify(body), 'created.json');
    expect(result.events.map((e) => e.text)).toEqual([
      "OPS-412 issue created: Alert on the checkout pool's saturation, not only on errors",
    ]);
  });

  it('detects Jira webhooks and nothing else', () => {
    expect(jiraConverter.detect({ fileName: ownName, head: readOwn().slice(0, 4096) })).toBe(0.9);
    expect(jiraConverter.detect({ fileName: 'x.json', head: '{"page":{}}' })).toBe(0);
  });

  it('throws only VALIDATION_FAILED on mutated text and on dropped, flipped or corrupted fields', () => {
    const text = readOwn();
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 8 }), (at, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + insert.length);
        try {
          jiraConverter.convertText(mutated, ownName);
        } catch (error) {
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(mutationArb, (mutation) => {
        try {
          jiraConverter.convertText(mutate(Buffer.from(text), mutation).toString('utf8'), ownName);
        } catch (error) {
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!present)('jira converter on the recorded delivery', () => {
  it('converts the status change, twice identically', () => {
    const first = jiraConverter.convertText(read(), name);
    expect(jiraConverter.convertText(read(), name)).toEqual(first);
    expect(first.source).toBe('jira');
    expect(first.events).toHaveLength(1);
    const [event] = first.events;
    expect(event).toMatchObject({
      externalId: 'jira:TEST-1:1485797534721:0:status',
      text: 'TEST-1 status: To Do → In Progress',
      kind: 'action',
      actor: 'James Williams',
      sourceRef: 'TEST-1',
      originalTimestamp: '1485797534721',
      originalZone: 'UTC',
    });
    expect(event?.occurredAt.toISOString()).toBe('2017-01-30T17:32:14.721Z');
    expect(event?.details.created).toEqual({
      original: '2017-01-30T18:30:41.962+0100',
      at: '2017-01-30T17:30:41.962Z',
      zone: '+01:00',
    });
    expect(event?.details).toMatchObject({ from: 'To Do', to: 'In Progress', priority: 'Medium' });
  });

  it('names the webhook event when there is no changelog', () => {
    const body = JSON.parse(read()) as Record<string, unknown>;
    delete body.changelog;
    body.webhookEvent = 'jira:issue_created';
    const result = jiraConverter.convertText(JSON.stringify(body), 'created.json');
    expect(result.events.map((e) => e.text)).toEqual(['TEST-1 issue created: Fix That']);
  });

  it('detects Jira webhooks and nothing else', () => {
    expect(jiraConverter.detect({ fileName: name, head: read().slice(0, 4096) })).toBe(0.9);
    expect(jiraConverter.detect({ fileName: 'x.json', head: '{"page":{}}' })).toBe(0);
  });

  it('throws only VALIDATION_FAILED on mutated text', () => {
    const text = read();
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 8 }), (at, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + insert.length);
        try {
          jiraConverter.convertText(mutated, name);
        } catch (error) {
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('throws only VALIDATION_FAILED on dropped, flipped or corrupted fields', () => {
    const original = Buffer.from(read());
    fc.assert(
      fc.property(mutationArb, (mutation) => {
        try {
          jiraConverter.convertText(mutate(original, mutation).toString('utf8'), name);
        } catch (error) {
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
