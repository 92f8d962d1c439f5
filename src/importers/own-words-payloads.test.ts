import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownFixture } from '../../test/support/fixture-path.ts';
import { converters } from './converters.ts';
import { detectSource } from './detect-source.ts';
import { dispatchConverter } from './dispatch/dispatch-converter.ts';
import { jiraConverter } from './jira/jira-converter.ts';
import { opsgenieConverter } from './opsgenie/opsgenie-converter.ts';
import { statuspageConverter } from './statuspage/statuspage-converter.ts';

/**
 * The converters whose real fixtures live beside the repository, on bodies this project wrote
 * in their vendors' shapes (test/fixtures/payloads): a fresh clone tests each of them too.
 */
const read = (path: string) => readFileSync(ownFixture(`payloads/${path}`), 'utf8');

describe('converters on the project’s own payloads', () => {
  it('Opsgenie: a Create and a Close of one alert, timed to the nanosecond stamp', () => {
    const created = opsgenieConverter.convertText(
      read('opsgenie/checkout-alert-create.json'),
      'create.json',
    );
    expect(created.events.map((e) => [e.kind, e.occurredAt.toISOString(), e.text])).toEqual([
      [
        'detection',
        '2026-11-16T10:02:00.123Z',
        'Opsgenie alert #412 Create: Checkout error rate above 5% for 5 minutes',
      ],
    ]);
    expect(created.events[0]?.details).toMatchObject({ labels: { service: 'checkout-api' } });
    expect(created.instants.map((i) => i.name)).toEqual(['detected_at']);
    const closed = opsgenieConverter.convertText(
      read('opsgenie/checkout-alert-close.json'),
      'close.json',
    );
    expect(closed.events.map((e) => [e.kind, e.occurredAt.toISOString(), e.actor])).toEqual([
      ['resolution', '2026-11-16T10:24:30.000Z', 'River Osei'],
    ]);
    expect(closed.instants.map((i) => i.name)).toEqual(['resolved_at']);
  });

  it('Statuspage: every update of the incident, the resolution proposing resolved_at', () => {
    const result = statuspageConverter.convertText(
      read('statuspage/checkout-incident-resolved.json'),
      'statuspage.json',
    );
    expect(result.events.map((e) => [e.occurredAt.toISOString(), e.kind])).toEqual(
      expect.arrayContaining([
        ['2026-11-16T10:09:40.000Z', 'communication'],
        ['2026-11-16T10:21:30.000Z', 'communication'],
        ['2026-11-16T10:40:00.000Z', 'resolution'],
      ]),
    );
    expect(result.events).toHaveLength(3);
    expect(result.instants).toMatchObject([
      { name: 'resolved_at', evidenceExternalId: 'statuspage:update:upd3resolved' },
    ]);
  });

  it('Jira: a follow-up issue moving to In Progress, by whom and when', () => {
    const result = jiraConverter.convertText(
      read('jira/checkout-follow-up-in-progress.json'),
      'jira.json',
    );
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      text: 'OPS-412 status: To Do → In Progress',
      actor: 'River Osei',
      sourceRef: 'OPS-412',
    });
    expect(result.events[0]?.occurredAt.toISOString()).toBe('2026-11-16T12:50:00.000Z');
  });

  it('Dispatch: timeline rows at their naive UTC instants, kinds from their words', () => {
    const result = dispatchConverter.convertText(
      read('dispatch/checkout-events.json'),
      'event.json',
    );
    expect(result.events.map((e) => [e.occurredAt.toISOString(), e.kind, e.actor])).toEqual([
      ['2026-11-16T10:04:12.500Z', 'detection', 'Dispatch Core App'],
      ['2026-11-16T10:06:00.000Z', 'action', 'Dispatch Core App'],
      ['2026-11-16T10:40:30.000Z', 'mitigation', 'Incident Participant'],
    ]);
  });

  it('detects each of them from its content', () => {
    const cases: Array<[string, string]> = [
      ['opsgenie/checkout-alert-create.json', 'opsgenie'],
      ['statuspage/checkout-incident-resolved.json', 'statuspage'],
      ['jira/checkout-follow-up-in-progress.json', 'jira'],
      ['dispatch/checkout-events.json', 'dispatch'],
    ];
    for (const [path, source] of cases) {
      expect(detectSource(converters, { fileName: path, head: read(path) }).converter.source).toBe(
        source,
      );
    }
  });
});
