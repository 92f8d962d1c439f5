import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../../test/support/fixture-path.ts';
import { markdownTableConverter } from './markdown-table-converter.ts';

const dfds = sharedFixture('postmortems/dfds-postmortems');
const present = existsSync(dfds);
if (!present) {
  console.warn(`DFDS fixtures not found at ${dfds}: mutation test skipped`);
}

async function convert(text: string) {
  const events = [];
  for await (const chunk of markdownTableConverter.convert(
    { kind: 'text', fileName: 'fuzz.md', text },
    {},
  )) {
    events.push(...chunk.events);
  }
  for (const event of events) {
    expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
  }
  return events;
}

const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '2023-02-14 11:07',
    '20202-01-16 12:00',
    'HH:mm',
    '23:59',
    '00:00 PDT',
    '5:32 PM',
    '12-05 16:21',
    '2024-02-30 10:00',
    '99:99',
    '9999-12-31 23:59 UTC+14',
  ),
);

describe('markdownTableConverter under mutation', () => {
  it('never throws on random tables', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, fc.string({ maxLength: 30 })), { maxLength: 12 }),
        fc.constantFrom('', 'All times in CET.\n', '# 2024-01-01\n', '_All times in EEST_\n'),
        async (rows, prose) => {
          const table = `${prose}\n| Time | Event |\n|---|---|\n${rows.map(([t, e]) => `| ${t} | ${e} |`).join('\n')}\n`;
          await convert(table);
        },
      ),
      { numRuns: 400 },
    );
  });

  it.skipIf(!present)('never throws on a truncated or noisy DFDS postmortem', async () => {
    const text = readFileSync(join(dfds, 'PM2023-001 - Total node failure.md'), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ maxLength: 10 }), async (cut, noise) => {
        const at = cut % (text.length + 1);
        await convert(text.slice(0, at) + noise + text.slice(at + 1));
        await convert(text.slice(0, at));
      }),
      { numRuns: 300 },
    );
  });
});
