import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { slackConverter } from './slack-converter.ts';

const exportDir = sharedFixture('payloads/slack/export-hfaran-testarchive');
const present = existsSync(exportDir);
if (!present) {
  console.warn(`Slack fixtures not found at ${exportDir}: property tests on them skipped`);
}
/** Our own export always; the real one when present. Each with a day file to mutate. */
const exportsUnderTest = [
  {
    name: 'our own export',
    dir: ownFixture('slack/export-payments-workspace'),
    day: 'incident-checkout/2026-11-15.json',
  },
  ...(present
    ? [{ name: 'the hfaran export', dir: exportDir, day: 'traveling-sailor/2016-03-26.json' }]
    : []),
];

/** Replaces the value at a random path of a JSON tree with a value of another type. */
function flipTypes(value: unknown, picks: number[], replacement: unknown): unknown {
  const [pick, ...rest] = picks;
  if (pick === undefined) {
    return replacement;
  }
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    const at = pick % copy.length;
    copy[at] = flipTypes(copy[at], rest, replacement);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const key = keys[pick % Math.max(keys.length, 1)];
    return key === undefined
      ? replacement
      : { ...value, [key]: flipTypes((value as Record<string, unknown>)[key], rest, replacement) };
  }
  return replacement;
}

async function runOn(files: Array<[string, string]>, channels?: string[]) {
  async function* stream() {
    for (const [path, text] of files) {
      yield { path, read: async () => text };
    }
  }
  try {
    let count = 0;
    for await (const chunk of slackConverter.convert(
      { kind: 'files', fileName: 'fuzz', files: stream() },
      { channels },
    )) {
      count += chunk.events.length;
    }
    return count;
  } catch (error) {
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    return -1;
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

describe.each(exportsUnderTest)('slackConverter under mutation: $name', ({ dir, day: dayPath }) => {
  const fixture = (path: string) => readFileSync(join(dir, path), 'utf8');
  const channels = fixture('channels.json');
  const users = fixture('users.json');
  const day = fixture(dayPath);

  it('survives flipped types anywhere in channels, users and a day file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(2),
        fc.array(fc.nat(), { maxLength: 5 }),
        anyJson,
        async (target, picks, replacement) => {
          const texts = [channels, users, day].map((text, i) =>
            i === target ? JSON.stringify(flipTypes(JSON.parse(text), picks, replacement)) : text,
          );
          await runOn([
            ['channels.json', texts[0] ?? ''],
            ['users.json', texts[1] ?? ''],
            [dayPath, texts[2] ?? ''],
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives truncation and random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.string({ maxLength: 8 }),
        fc.nat(2),
        async (cut, noise, target) => {
          const mutate = (text: string) => {
            const at = cut % (text.length + 1);
            return (
              text.slice(0, at) + noise + text.slice(at + (noise.length > 0 ? 0 : text.length))
            );
          };
          const texts = [channels, users, day].map((text, i) =>
            i === target ? mutate(text) : text,
          );
          await runOn([
            ['channels.json', texts[0] ?? ''],
            ['users.json', texts[1] ?? ''],
            [dayPath, texts[2] ?? ''],
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('slackConverter on arbitrary exports', () => {
  it('never throws anything but a DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'channels.json',
              'users.json',
              'ops/2024-01-01.json',
              'x/y/2024-13-99.json',
            ),
            fc.oneof(fc.string(), fc.json()),
          ),
          {
            maxLength: 4,
          },
        ),
        fc.option(fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), { nil: undefined }),
        async (files, channels) => {
          await runOn(files, channels);
        },
      ),
      { numRuns: 300 },
    );
  });
});
