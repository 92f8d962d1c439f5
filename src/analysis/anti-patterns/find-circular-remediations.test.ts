import { describe, expect, it } from 'vitest';
import {
  compileServiceMatchers,
  findCircularRemediations,
  mentionedServices,
} from './find-circular-remediations.ts';
import { buildServiceGraph, findDependencyPath } from './service-graph.ts';
import { actionItem } from './test-fixtures.ts';

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
