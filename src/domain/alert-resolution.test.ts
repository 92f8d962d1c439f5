import { describe, expect, it } from 'vitest';
import { type AlertSignal, lastAlertResolution } from './alert-resolution.ts';

const signal = (alertKey: string, kind: string, iso: string): AlertSignal => ({
  alertKey,
  kind,
  occurredAt: new Date(iso),
  externalId: `${alertKey}:${kind}:${iso}`,
});

describe('lastAlertResolution', () => {
  it('is null while one of the attached alerts still fires', () => {
    expect(
      lastAlertResolution([
        signal('a', 'detection', '2026-11-16T10:00:00Z'),
        signal('b', 'detection', '2026-11-16T10:01:00Z'),
        signal('a', 'resolution', '2026-11-16T10:30:00Z'),
      ]),
    ).toBeNull();
  });

  it('is the latest resolution once every alert resolved', () => {
    expect(
      lastAlertResolution([
        signal('a', 'detection', '2026-11-16T10:00:00Z'),
        signal('b', 'detection', '2026-11-16T10:01:00Z'),
        signal('b', 'resolution', '2026-11-16T10:45:00Z'),
        signal('a', 'resolution', '2026-11-16T10:30:00Z'),
      ]),
    ).toEqual({
      at: new Date('2026-11-16T10:45:00Z'),
      externalId: 'b:resolution:2026-11-16T10:45:00Z',
      alerts: 2,
    });
  });

  it('takes an alert that fired again after resolving as open', () => {
    expect(
      lastAlertResolution([
        signal('a', 'detection', '2026-11-16T10:00:00Z'),
        signal('a', 'resolution', '2026-11-16T10:30:00Z'),
        signal('a', 'detection', '2026-11-16T10:40:00Z'),
      ]),
    ).toBeNull();
  });
});
