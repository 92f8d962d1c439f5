import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { slackConverter } from './slack-converter.ts';

const slackDir = sharedFixture('payloads/slack');
const present = existsSync(slackDir);
if (!present) {
  console.warn(`Slack fixtures not found at ${slackDir}: text-input property tests skipped`);
}
const fixture = (path: string) => (present ? readFileSync(join(slackDir, path), 'utf8') : '[]');

/** Replaces the value at a random path of a JSON tree with a value of another type. */
function flip(value: unknown, picks: number[], replacement: unknown): unknown {
  const [pick, ...rest] = picks;
  if (pick === undefined) {
    return replacement;
  }
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    copy[pick % copy.length] = flip(copy[pick % copy.length], rest, replacement);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const key = entries[pick % Math.max(entries.length, 1)]?.[0];
    return key === undefined
      ? replacement
      : { ...value, [key]: flip((value as Record<string, unknown>)[key], rest, replacement) };
  }
  return replacement;
}

/** Converts one text; only a VALIDATION_FAILED DomainError may escape. */
async function convertText(text: string): Promise<void> {
  try {
    for await (const chunk of slackConverter.convert(
      { kind: 'text', fileName: 'fuzz.json', text },
      {},
    )) {
      for (const event of chunk.events) {
        expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
      }
    }
  } catch (error) {
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  }
}

const anyJson = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.object(),
);

describe.skipIf(!present)('Slack day file and envelope under mutation', () => {
  const texts = [
    fixture('zulip-slack-import-fixtures/normal_thread.json'),
    fixture('zulip-slack-import-fixtures/thread_with_broadcast_reply.json'),
    fixture('zulip-slack-events-api/message_with_normal_text.json'),
  ];

  it('survives flipped types anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(2),
        fc.array(fc.nat(), { maxLength: 5 }),
        anyJson,
        async (target, picks, replacement) => {
          const text = texts[target] ?? '[]';
          await convertText(JSON.stringify(flip(JSON.parse(text), picks, replacement)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives truncation and noise, and detection never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.nat(), fc.string({ maxLength: 8 }), async (t, cut, noise) => {
        const text = texts[t] ?? '[]';
        const at = cut % (text.length + 1);
        const mutated = text.slice(0, at) + noise + text.slice(noise ? at : text.length);
        const score = slackConverter.detect({ fileName: 'fuzz.json', head: mutated });
        expect(score >= 0 && score <= 1).toBe(true);
        await convertText(mutated);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Slack text input on arbitrary JSON', () => {
  it('never throws anything but a DomainError', async () => {
    const message = fc.record(
      {
        type: fc.constantFrom('message', 'app_mention', 'x'),
        subtype: fc.constantFrom('thread_broadcast', 'message_changed', 'bot_message', 'x'),
        ts: fc.oneof(fc.string(), fc.constant('1700000000.000100'), fc.double()),
        thread_ts: fc.oneof(fc.string(), fc.constant('1700000000.000100')),
        channel: fc.oneof(fc.string(), fc.integer()),
        text: fc.oneof(fc.string(), fc.integer()),
        user: fc.string(),
        blocks: fc.oneof(fc.json(), fc.constant([{ type: 'rich_text', elements: [{}] }])),
        message: fc.oneof(fc.json(), fc.object()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(message, { maxLength: 4 }),
          fc.record({ type: fc.constant('event_callback'), event: fc.oneof(message, anyJson) }),
          fc.json(),
        ),
        async (value) => {
          await convertText(typeof value === 'string' ? value : JSON.stringify(value));
        },
      ),
      { numRuns: 400 },
    );
  });
});
