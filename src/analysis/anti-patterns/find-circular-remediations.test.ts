import { describe, expect, it } from 'vitest';
import { actionItem } from '../../../test/support/domain-builders.ts';
import {
  compileServiceMatchers,
  findCircularRemediations,
  mentionedServices,
} from './find-circular-remediations.ts';
import { buildServiceGraph, findDependencyPath } from './service-graph.ts';

const graph = buildServiceGraph([
  { name: 'alerting', dependsOn: ['chat-gateway'] },
  { name: 'chat-gateway', dependsOn: ['slack-proxy'] },
  { name: 'slack-proxy', dependsOn: [] },
  { name: 'chat', dependsOn: [] },
  { name: 'pager', dependsOn: ['sms-provider'] },
  { name: 'loop-a', dependsOn: ['loop-b'] },
  { name: 'loop-b', dependsOn: ['loop-a'] },
]);

const run = (items: ReturnType<typeof actionItem>[], failedServices: string[]) =>
  findCircularRemediations({ actionItems: items, failedServices, graph });

describe('findCircularRemediations', () => {
  it('detects a two-hop dependency on a failed service and reports the path', () => {
    const findings = run(
      [actionItem({ title: 'Page the on-call on queue growth', reliesOnServices: ['alerting'] })],
      ['slack-proxy'],
    );
    expect(findings.map((f) => [f.rule, f.severity, f.target.id])).toEqual([
      ['circular-remediation', 'error', 'item-1'],
    ]);
    expect(findings[0]?.message).toContain('alerting → chat-gateway → slack-proxy');
  });

  it('detects a catalogue service named in the title', () => {
    const item = actionItem({ title: 'Page the on-call through the chat tool' });
    expect(run([item], ['chat'])).toHaveLength(1);
    expect(run([item], ['pager'])).toHaveLength(0);
  });

  it('detects a direct reliance, case-insensitively', () => {
    const item = actionItem({ title: 'Notify on failure', reliesOnServices: ['Slack-Proxy'] });
    expect(run([item], ['slack-proxy'])).toHaveLength(1);
  });

  it('reads the success criterion and failed services outside the catalogue', () => {
    const item = actionItem({
      title: 'Announce incidents',
      successCriterion: 'The statuspage-bot posts within a minute',
    });
    expect(run([item], ['statuspage-bot'])).toHaveLength(1);
  });

  it('is silent when the reliance is independent of what failed', () => {
    const items = [
      actionItem({ title: 'Page via the pager', reliesOnServices: ['pager'] }),
      actionItem({ id: 'b', title: 'Chat-gateway-free paging', reliesOnServices: ['loop-a'] }),
    ];
    expect(run(items, ['slack-proxy'])).toEqual([]);
  });

  it('does not match a service name inside a longer word', () => {
    expect(run([actionItem({ title: 'Use the chatops bot' })], ['chat'])).toEqual([]);
    expect(run([actionItem({ title: 'Fix chat-gateway retries' })], ['chat'])).toEqual([]);
  });

  it('skips items marked won’t do, and does nothing when no service failed', () => {
    const item = actionItem({ reliesOnServices: ['alerting'] });
    expect(run([{ ...item, status: 'wont_do', wontDoReason: 'x' }], ['slack-proxy'])).toEqual([]);
    expect(run([item], [])).toEqual([]);
  });
});

describe('findCircularRemediations: relying on a failed service, or repairing it', () => {
  const verdict = (item: ReturnType<typeof actionItem>, failed = ['slack-proxy']) =>
    run([item], failed).map((f) => [f.severity, f.message]);

  it.each([
    ['Harden slack-proxy against connection storms', 'prevent'],
    ['Add a second replica to slack-proxy', 'repair'],
    ["Raise slack-proxy's connection pool limit", 'prevent'],
    ['Load-test slack-proxy before each release', 'process'],
    ['Alert on slack-proxy saturation', 'detect'],
    ['Upgrade the slack-proxy client library', 'repair'],
  ] as const)('a fix that works on the failed service itself is silent: "%s"', (title, kind) => {
    expect(verdict(actionItem({ title, kind }))).toEqual([]);
  });

  it('hardening wins over the declared reliance when the item repairs the failed service', () => {
    const item = actionItem({
      title: 'Harden slack-proxy against connection storms',
      kind: 'prevent',
      reliesOnServices: ['slack-proxy'],
    });
    expect(verdict(item)).toEqual([]);
  });

  it.each([
    ['Page the on-call through alerting when the queue grows', 'detect'],
    ['Notify the incident channel via chat-gateway', 'process'],
    ['Roll back with alerting hooks', 'mitigate'],
  ] as const)(
    'a fix that goes through a service depending on the failed one is flagged with the path: "%s"',
    (title, kind) => {
      const [finding] = run([actionItem({ title, kind })], ['slack-proxy']);
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toMatch(/(alerting → )?chat-gateway → slack-proxy/);
    },
  );

  it('is an error when the reliance is declared, so the whole path is certain', () => {
    const item = actionItem({ title: 'Page the on-call', reliesOnServices: ['alerting'] });
    expect(verdict(item)).toEqual([
      [
        'error',
        '"Page the on-call" relies on alerting → chat-gateway → slack-proxy, which failed in this incident.',
      ],
    ]);
  });

  it.each([
    'Page the on-call by SMS when alerting is down',
    'Page the on-call without chat-gateway',
    'Send pages through the pager instead of alerting',
  ])('a fix that avoids the failed path is silent: "%s"', (title) => {
    expect(verdict(actionItem({ title, kind: 'detect' }))).toEqual([]);
  });

  it('an unclear mention in a repair or prevent item is not reliance', () => {
    expect(verdict(actionItem({ title: 'Document alerting ownership', kind: 'prevent' }))).toEqual(
      [],
    );
    expect(
      verdict(actionItem({ title: 'Document alerting ownership', kind: 'process' })),
    ).toHaveLength(1);
  });

  it('a service the fix changes (its services field) counts as worked on, not relied on', () => {
    const item = actionItem({
      title: 'Double the pool size',
      kind: 'prevent',
      services: ['slack-proxy'],
    });
    expect(verdict(item)).toEqual([]);
  });
});

describe('findDependencyPath', () => {
  it('returns the start itself when it failed, and survives cycles', () => {
    expect(findDependencyPath(graph, 'alerting', new Set(['alerting']))).toEqual(['alerting']);
    expect(findDependencyPath(graph, 'loop-a', new Set(['nothing']))).toBeUndefined();
  });

  it('prefers the shortest path', () => {
    const diamond = buildServiceGraph([
      { name: 'a', dependsOn: ['b', 'c'] },
      { name: 'b', dependsOn: ['d'] },
      { name: 'd', dependsOn: ['c'] },
    ]);
    expect(findDependencyPath(diamond, 'a', new Set(['c']))).toEqual(['a', 'c']);
  });
});

describe('mentionedServices', () => {
  it('escapes names with regex characters', () => {
    expect(
      mentionedServices(
        'Route through api.v2 now',
        compileServiceMatchers(['api.v2', 'API']),
      ).sort(),
    ).toEqual(['api', 'api.v2']);
    expect(mentionedServices('apixv2', compileServiceMatchers(['api.v2']))).toEqual([]);
  });
});
