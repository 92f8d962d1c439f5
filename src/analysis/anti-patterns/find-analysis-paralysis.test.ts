import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../domain/business-days.ts';
import { defaultPolicy } from '../../domain/policy.ts';
import { countBusinessDays } from './count-business-days.ts';
import {
  type AnalysisParalysisInput,
  analysisBusinessDays,
  findAnalysisParalysis,
} from './find-analysis-paralysis.ts';

// Monday 2026-11-02.
const monday = new Date('2026-11-02T10:00:00Z');
const at = (date: string) => new Date(`${date}T10:00:00Z`);

const base: AnalysisParalysisInput = {
  postmortem: { id: 'pm-1', phase: 'analysis' },
  severity: 'sev3',
  phaseHistory: [
    { phase: 'data_gathering', enteredAt: at('2026-10-30') },
    { phase: 'analysis', enteredAt: monday },
  ],
  today: monday,
  budgetBusinessDays: defaultPolicy.antiPatterns.analysisBudgetBusinessDays,
  holidays: [],
};

const rules = (input: Partial<AnalysisParalysisInput>) =>
  findAnalysisParalysis({ ...base, ...input }).map((f) => f.rule);

describe('countBusinessDays', () => {
  it('is the inverse of addBusinessDays, over weekends and holidays', () => {
    const holidays = ['2026-11-11'];
    for (const days of [0, 1, 4, 5, 6, 12]) {
      const end = new Date(`${addBusinessDays(monday, days, holidays)}T08:00:00Z`);
      expect(countBusinessDays(monday, end, holidays)).toBe(days);
    }
  });

  it('is zero when the end is not after the start', () => {
    expect(countBusinessDays(at('2026-11-05'), at('2026-11-02'))).toBe(0);
  });
});

describe('findAnalysisParalysis', () => {
  it('allows exactly the budget (sev3: 5 business days) and flags the next business day', () => {
    expect(rules({ today: at('2026-11-09') })).toEqual([]);
    // Saturday and Sunday add nothing.
    expect(rules({ today: at('2026-11-08') })).toEqual([]);
    expect(rules({ today: at('2026-11-10') })).toEqual(['analysis-paralysis']);
  });

  it('skips policy holidays when counting', () => {
    expect(rules({ today: at('2026-11-10'), holidays: ['2026-11-04'] })).toEqual([]);
  });

  it('uses the severity’s budget: sev1 gets 10 days', () => {
    expect(rules({ severity: 'sev1', today: at('2026-11-16') })).toEqual([]);
    expect(rules({ severity: 'sev1', today: at('2026-11-17') })).toEqual(['analysis-paralysis']);
  });

  it('adds analysis and documentation, not the other phases, over every visit', () => {
    const history = [
      { phase: 'analysis' as const, enteredAt: at('2026-11-02') },
      { phase: 'data_gathering' as const, enteredAt: at('2026-11-04') },
      { phase: 'analysis' as const, enteredAt: at('2026-11-09') },
      { phase: 'documentation' as const, enteredAt: at('2026-11-10') },
    ];
    // 2 (Tue, Wed) + 1 (Tue) + 2 (Wed, Thu) business days.
    expect(analysisBusinessDays(history, at('2026-11-12'))).toBe(5);
  });

  it('suggests closing or a thematic review for minor incidents only', () => {
    const [minor] = findAnalysisParalysis({ ...base, today: at('2026-11-20') });
    const [major] = findAnalysisParalysis({ ...base, severity: 'sev2', today: at('2026-11-20') });
    expect(minor?.suggestion).toMatch(/thematic/);
    expect(major?.suggestion).not.toMatch(/thematic/);
  });

  it('only applies while in analysis or documentation', () => {
    const postmortem = { id: 'pm-1', phase: 'follow_up' as const };
    expect(rules({ postmortem, today: at('2026-12-20') })).toEqual([]);
  });
});
