import { describe, expect, it } from 'vitest';
import { filesOf, runSlackConverter as run } from '../../../test/support/slack-export-input.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportWarning } from '../imported-event.ts';
import type { ImportInput } from '../source-converter.ts';
import { slackConverter } from './slack-converter.ts';

describe('slackConverter on bad input', () => {
  it('names the day file that is not JSON', async () => {
    const input: ImportInput = {
      kind: 'files',
      fileName: 'bad.zip',
      files: filesOf([
        ['channels.json', '[{"id":"C1","name":"ops"}]'],
        ['ops/2024-01-01.json', '[{"ts": "1.0"'],
      ]),
    };
    const error = await run(input).catch((e: unknown) => e);
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isDomainError(error) && error.details).toMatchObject({
      errors: [{ path: 'ops/2024-01-01.json' }],
    });
  });

  it('turns a bot alert into a detection and skips a message with a float ts', async () => {
    const input: ImportInput = {
      kind: 'files',
      fileName: 'export',
      files: filesOf([
        ['channels.json', '[{"id":"C1","name":"ops"}]'],
        [
          'ops/2024-01-01.json',
          JSON.stringify([
            {
              subtype: 'bot_message',
              username: 'Alertmanager',
              text: '[FIRING:1] HighErrorRate',
              ts: '1704067200.123456',
            },
            { type: 'message', text: 'float', ts: 1704067201.5 },
          ]),
        ],
      ]),
    };
    const { events, warnings } = await run(input);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'detection', actor: 'Alertmanager' });
    expect(events[0]?.occurredAt.toISOString()).toBe('2024-01-01T00:00:00.123Z');
    expect(warnings.some((warning) => warning.code === 'SLACK_MESSAGE_SKIPPED')).toBe(true);
  });
});

describe('slackConverter on a large day file', () => {
  it('hands a day on in slices of at most 250 messages, naming messages by their place in the file', async () => {
    const start = Date.UTC(2026, 10, 16, 10);
    const messages = Array.from({ length: 600 }, (_, i) =>
      i === 400
        ? { type: 'message', user: 'U1', text: 'no timestamp here' }
        : {
            type: 'message',
            user: 'U1',
            text: `checkout latency check ${i}`,
            ts: `${Math.floor((start + i * 1000) / 1000)}.000${String(i).padStart(3, '0')}`,
          },
    );
    const input: ImportInput = {
      kind: 'files',
      fileName: 'export',
      files: filesOf([
        ['channels.json', JSON.stringify([{ id: 'C1', name: 'incident' }])],
        ['users.json', JSON.stringify([{ id: 'U1', real_name: 'Ada Responder' }])],
        ['incident/2026-11-16.json', JSON.stringify(messages)],
      ]),
    };
    const sizes: number[] = [];
    const warnings: ImportWarning[] = [];
    for await (const chunk of slackConverter.convert(input, {})) {
      sizes.push(chunk.events.length);
      warnings.push(...(chunk.warnings ?? []));
    }
    expect(sizes.filter((size) => size > 0)).toEqual([250, 249, 100]);
    expect(warnings.map((w) => w.where)).toContain('incident/2026-11-16.json#/400');
  });
});
