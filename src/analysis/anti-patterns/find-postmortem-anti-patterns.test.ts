import { describe, expect, it } from 'vitest';
import { actionItem } from '../../../test/support/domain-builders.ts';
import { defaultPolicy } from '../../domain/policy.ts';
import { worstSeverity } from './anti-pattern-finding.ts';
import { findBlameGame } from './find-blame-game.ts';
import {
  findPostmortemAntiPatterns,
  mostSeriousSeverity,
  type PostmortemAntiPatternInput,
} from './find-postmortem-anti-patterns.ts';

const input: PostmortemAntiPatternInput = {
  postmortem: { id: 'pm-1', phase: 'analysis', createdAt: new Date('2026-11-02T10:00:00Z') },
  incidents: [{ severity: 'sev4', services: ['chat'] }],
  actionItems: [
    actionItem({ id: 'a', title: 'More training', ownerName: null }),
    actionItem({ id: 'b', title: 'Page the on-call through chat', reliesOnServices: ['chat'] }),
  ],
  services: [{ name: 'chat', dependsOn: [] }],
  phaseHistory: [{ phase: 'analysis', enteredAt: new Date('2026-11-02T10:00:00Z') }],
  unwaivedBlamelessCount: 2,
  today: new Date('2026-11-20T10:00:00Z'),
  policy: defaultPolicy,
};

describe('findPostmortemAntiPatterns', () => {
  it('runs every detector and puts errors first', () => {
    const findings = findPostmortemAntiPatterns(input);
    expect(findings.map((f) => f.rule)).toEqual([
      'circular-remediation',
      'incomplete-action-item',
      'punitive-action-item',
      'analysis-paralysis',
      'blame-game',
    ]);
    expect(worstSeverity(findings)).toBe('error');
  });

  it('skips the detectors whose input is left out (the cheap run)', () => {
    const { services, phaseHistory, unwaivedBlamelessCount, ...cheap } = input;
    expect(findPostmortemAntiPatterns(cheap).map((f) => f.rule)).toEqual([
      'incomplete-action-item',
      'punitive-action-item',
    ]);
  });

  it('never throws on empty or odd content', () => {
    const odd = {
      ...input,
      incidents: [],
      actionItems: [actionItem({ title: '', successCriterion: null, reliesOnServices: ['('] })],
      services: [{ name: '', dependsOn: ['('] }],
      phaseHistory: [],
    };
    expect(() => findPostmortemAntiPatterns(odd)).not.toThrow();
  });
});

describe('helpers', () => {
  it('picks the most serious severity', () => {
    expect(mostSeriousSeverity([{ severity: 'sev3' }, { severity: 'sev2' }])).toBe('sev2');
    expect(mostSeriousSeverity([])).toBe('sev4');
  });

  it('reports blame game only for unwaived findings', () => {
    expect(findBlameGame('pm-1', 0)).toEqual([]);
    expect(findBlameGame('pm-1', 3).map((f) => [f.rule, f.target])).toEqual([
      ['blame-game', { type: 'postmortem', id: 'pm-1' }],
    ]);
    expect(worstSeverity([])).toBeNull();
  });
});
