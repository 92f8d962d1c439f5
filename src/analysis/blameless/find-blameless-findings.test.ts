import { describe, expect, it } from 'vitest';
import { blamelessRules } from './blameless-rules.ts';
import {
  type BlamelessFinding,
  findBlamelessFindings,
  findingKey,
} from './find-blameless-findings.ts';

const findIn = (text: string, field = 'sections.summary') =>
  findBlamelessFindings([{ field, text }]);

const rulesOf = (findings: BlamelessFinding[]) => findings.map((f) => f.rule);

describe('findBlamelessFindings', () => {
  it.each([
    ['human-error', 'The outage was caused by human error.', 'human error'],
    ['human-error', 'Root cause: operator error during the failover.', 'operator error'],
    ['character-judgement', 'Bob was careless with the config.', 'careless'],
    ['character-judgement', 'This was negligence, plain and simple.', 'negligence'],
    ['blame-words', 'It was entirely his fault that checkout broke.', 'his fault'],
    ['blame-words', 'The on-call engineer is to blame.', 'to blame'],
    ['blame-words', 'We found the culprit: Alice.', 'culprit'],
    ['hindsight', 'Alice should have checked the dashboard.', 'should have'],
    ['hindsight', "He should've known better.", "should've"],
    ['hindsight', 'She should’ve waited for the canary.', 'should’ve'],
    ['hindsight', 'If only someone had looked at the alert.', 'If only'],
    ['hindsight', 'The engineer forgot to drain the node.', 'forgot to'],
    ['hindsight', 'The team neglected to run the migration check.', 'neglected to'],
    ['punitive-framing', 'Whoever pushed this must be held accountable.', 'held accountable'],
    ['punitive-framing', 'He was reprimanded afterwards.', 'reprimanded'],
  ])('%s fires on "%s"', (rule, text, excerpt) => {
    const findings = findIn(text);
    expect(rulesOf(findings)).toEqual([rule]);
    const [finding] = findings;
    const start = text.indexOf(excerpt);
    expect(finding).toEqual({
      rule,
      severity: 'error',
      message: expect.any(String),
      suggestion: expect.any(String),
      target: { field: 'sections.summary', start, end: start + excerpt.length },
      excerpt,
    });
  });

  it('stays silent on technical uses of flagged words', () => {
    expect(findIn('Lazy loading of the module delayed the first request.')).toEqual([]);
    expect(findIn('The service failed to start after the deploy.')).toEqual([]);
  });

  it('accepts rules written without the global flag', () => {
    const rule = { id: 'custom', pattern: /yolo/i, message: 'm', suggestion: 's' };
    const findings = findBlamelessFindings(
      [{ field: 'f', text: 'YOLO deploy, yolo again' }],
      [rule],
    );
    expect(findings.map((f) => f.target.start)).toEqual([0, 13]);
  });

  it('has a test sentence for every rule', () => {
    const tested = [
      'human-error',
      'character-judgement',
      'blame-words',
      'hindsight',
      'punitive-framing',
    ];
    expect(blamelessRules.map((r) => r.id).sort()).toEqual([...tested].sort());
  });

  it.each([
    'The service failed to start after the deploy.',
    'The health check failed to detect the stuck worker.',
    'The deploy pipeline had no canary stage, so the faulty config reached every region.',
    'The runbook did not mention the failover flag; the responder followed the runbook.',
    'Alerts fired 12 minutes after the error rate rose, because the threshold was 10%.',
    'The default timeout of 30 s let requests pile up behind the slow dependency.',
    'Error budgets were exhausted; the fault tolerance tests did not cover this path.',
    '',
  ])('stays silent on system-focused wording: "%s"', (text) => {
    expect(findIn(text)).toEqual([]);
  });

  it('ignores case and spacing', () => {
    expect(rulesOf(findIn('HUMAN ERROR'))).toEqual(['human-error']);
    const findings = findIn('caused by human\n  error');
    expect(findings.map((f) => f.excerpt)).toEqual(['human\n  error']);
  });

  it('matches whole words only', () => {
    expect(findIn('The shouldhave flag and the culprits table')).toEqual([]);
  });

  it('spans point at the matched text, every time it occurs', () => {
    const text = '🚨 Impact: human error, then more human error. Bob should have known.';
    const findings = findIn(text);
    expect(rulesOf(findings)).toEqual(['human-error', 'human-error', 'hindsight']);
    for (const finding of findings) {
      expect(text.slice(finding.target.start, finding.target.end)).toBe(finding.excerpt);
    }
    expect(findings[0]?.target.start).toBeLessThan(findings[1]?.target.start ?? 0);
  });

  it('reports every rule that fires in one text', () => {
    const text = 'A careless human error; he should have known and must be held accountable.';
    expect(rulesOf(findIn(text)).sort()).toEqual(
      ['character-judgement', 'hindsight', 'human-error', 'punitive-framing'].sort(),
    );
  });

  it('keeps the input order of texts and names each field', () => {
    const findings = findBlamelessFindings([
      { field: 'sections.impact', text: 'Pure human error.' },
      { field: 'sections.summary', text: 'Nothing to see.' },
      { field: 'action_items.a1.title', text: 'Reprimand whoever should have known' },
    ]);
    expect(findings.map((f) => [f.target.field, f.rule])).toEqual([
      ['sections.impact', 'human-error'],
      ['action_items.a1.title', 'hindsight'],
      ['action_items.a1.title', 'punitive-framing'],
    ]);
  });

  it('gives the same answer on every call', () => {
    const texts = [{ field: 'f', text: 'human error and human error' }];
    expect(findBlamelessFindings(texts)).toEqual(findBlamelessFindings(texts));
    expect(findBlamelessFindings(texts)).toHaveLength(2);
  });

  it('runs only the rules it is given', () => {
    expect(findBlamelessFindings([{ field: 'f', text: 'human error' }], [])).toEqual([]);
  });
});

describe('findingKey', () => {
  const only = (text: string, field = 'sections.summary') => {
    const [finding] = findIn(text, field);
    if (!finding) {
      throw new Error(`test setup: no finding in "${text}"`);
    }
    return finding;
  };

  it('is stable when the text around the finding changes', () => {
    const before = only('It was human error.');
    const after = only('After a long night of paging, it was human error again.');
    expect(before.target.start).not.toBe(after.target.start);
    expect(findingKey(after)).toBe(findingKey(before));
  });

  it('ignores the case of the matched words', () => {
    expect(findingKey(only('Human Error'))).toBe(findingKey(only('human error')));
  });

  it('tells apart rules, fields and words', () => {
    const keys = [
      findingKey(only('human error')),
      findingKey(only('human error', 'sections.impact')),
      findingKey(only('operator error')),
      findingKey(only('should have')),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the rule and the field', () => {
    expect(findingKey(only('Human error', 'sections.impact'))).toBe(
      'human-error:sections.impact:human error',
    );
  });
});
