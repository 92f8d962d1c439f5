import { describe, expect, it } from 'vitest';
import { blamelessRules } from './blameless-rules.ts';
import {
  type BlamelessFinding,
  type BlamelessOptions,
  findBlamelessFindings,
  findingKey,
} from './find-blameless-findings.ts';

const findIn = (text: string, options: BlamelessOptions = {}, field = 'sections.summary') =>
  findBlamelessFindings([{ field, text }], options);
const rulesOf = (findings: BlamelessFinding[]) => findings.map((f) => f.rule);
const team = { people: ['Alice Chen', 'Bob Moreau'], services: ['Atlas', 'checkout'] };

// Blaming sentence → its rule, and a system-focused rewrite → silence.
const pairs: Array<[string, string, string]> = [
  ['person-as-cause', 'Bob deployed the bad config.', 'A config change was deployed.'],
  [
    'person-as-cause',
    'The outage was caused by Alice.',
    'The outage was caused by a config change.',
  ],
  ['person-as-cause', "Alice's change broke checkout.", 'The schema change broke checkout.'],
  [
    'person-as-cause',
    'It failed because Bob skipped the canary.',
    'It failed because the pipeline has no canary.',
  ],
  ['human-error', 'Root cause: human error.', 'Root cause: the failover flag had no confirmation.'],
  [
    'human-error',
    'It was operator error during the failover.',
    'The failover runbook was out of date.',
  ],
  ['human-error', 'Assumed user error at the time.', 'Assumed a client-side problem at the time.'],
  ['character-judgement', 'This was negligence.', 'This path had no test.'],
  ['character-judgement', 'Bob was careless with the config.', 'The config had no schema check.'],
  ['character-judgement', 'An incompetent rollout.', 'A rollout without a canary.'],
  [
    'character-judgement',
    'A lazy review let it through.',
    'Lazy loading delayed the first request.',
  ],
  ['character-judgement', 'The sloppy migration broke it.', 'The migration ran without a dry run.'],
  ['blame-words', 'It was the fault of the on-call.', 'The page went to an empty rotation.'],
  ['blame-words', 'The engineer is to blame.', 'The alert threshold was too high.'],
  [
    'hindsight',
    'Alice should have checked the dashboard.',
    'The dashboard should have shown the error rate.',
  ],
  [
    'hindsight',
    'We could have caught this earlier.',
    'The job could have been faster if the cache was warm.',
  ],
  [
    'hindsight',
    'The engineer failed to drain the node.',
    'The service failed to start after the deploy.',
  ],
  ['hindsight', 'The team neglected to run the check.', 'The check did not run in the pipeline.'],
  [
    'hindsight',
    'He forgot to renew the certificate.',
    'The certificate renewal job was not scheduled.',
  ],
  ['hindsight', 'If only someone had looked at the alert.', 'If only the cache had been warm.'],
  [
    'hindsight',
    'Obviously, the on-call engineer restarted the wrong node.',
    'Obviously, the monitoring did not cover this path.',
  ],
  [
    'hindsight',
    'The engineer on call should have noticed the alert.',
    'The alert should have paged the engineer on call.',
  ],
  ['hindsight', 'Bob clearly missed the alert.', 'The alert was clearly wrong.'],
  ['hindsight', 'She simply restarted the wrong node.', 'Restarting simply fixed it.'],
  ['hindsight', 'He just had to run the script.', 'The script had to run twice.'],
  [
    'neglect',
    'Noor woke late and missed the page.',
    'The pager woke Noor at 03:10 and she acknowledged within two minutes.',
  ],
  [
    'punitive-framing',
    'Whoever did this will be held accountable.',
    'The fix will be tracked to completion.',
  ],
  ['punitive-framing', 'Disciplinary action follows.', 'A follow-up review follows.'],
  ['punitive-framing', 'He was reprimanded afterwards.', 'The runbook was updated afterwards.'],
];

describe('findBlamelessFindings: blaming sentences and their rewrites', () => {
  it.each(pairs)('%s fires on "%s" and not on "%s"', (rule, blaming, rewrite) => {
    for (const options of [{}, team]) {
      expect(rulesOf(findIn(blaming, options))).toEqual([rule]);
      expect(findIn(rewrite, options)).toEqual([]);
    }
  });

  it('finds every pattern in a mixed sample and nothing in its rewrite', () => {
    for (const options of [{}, team]) {
      const blaming = findIn(pairs.map(([, sentence]) => sentence).join(' '), options);
      expect(rulesOf(blaming)).toHaveLength(pairs.length);
      expect([...rulesOf(blaming)].sort()).toEqual(pairs.map(([rule]) => rule).sort());
      expect(findIn(pairs.map(([, , rewrite]) => rewrite).join(' '), options)).toEqual([]);
    }
  });

  it.each([
    ['He should have been more careful.', ['hindsight']],
    ['The on-call could have been paged earlier.', []],
    ['We should have alerting on config load failures.', []],
    ['The deploy that Bob ran should have been canaried.', []],
    ['Jenkins broke the build.', []],
    ['Alice paged the database team.', []],
    ['Our monitoring should have caught it.', []],
    ['Restarting simply fixed it.', []],
    ['Appointing an incident manager could have helped.', []],
    ['Restarting the pod, the engineer forgot to drain the node.', ['hindsight']],
    ['The author of the change failed to run the migration.', ['hindsight']],
    ['The person who ran the script should have taken a backup.', ['hindsight']],
    ['Whoever was on call should have acknowledged the page.', ['hindsight']],
    ['The rest of the team should have noticed.', ['hindsight']],
    ['The developer behind the change should have tested it.', ['hindsight']],
    ['The network admin should have double-checked the ACL.', ['hindsight']],
    ['The engineer on call broke the search index.', ['person-as-cause']],
    ['The page to the on-call engineer should have fired earlier.', []],
    ['The runbook given to the operator should have named the flag.', []],
    ['The checklist for the reviewer should have covered migrations.', []],
    ['Paging the engineer on call could have helped.', []],
    ['The dashboard told the operator that the job should have finished.', []],
    ['The owner of the service that broke was paged.', []],
    ['The runbook should have told the operator (in bold) which flag to set.', []],
  ])('reads the grammar, not only the words: "%s"', (text, rules) => {
    expect(rulesOf(findIn(text))).toEqual(rules);
  });

  it('covers every rule', () => {
    expect(new Set(pairs.map(([rule]) => rule))).toEqual(new Set(blamelessRules.map((r) => r.id)));
  });

  it('catches a name as the cause only when it is a person, never the service Atlas', () => {
    expect(rulesOf(findIn('Bob deployed the bad config.', team))).toEqual(['person-as-cause']);
    expect(findIn('Atlas deployed the bad config.', team)).toEqual([]);
    expect(findIn('The outage was caused by Atlas.', team)).toEqual([]);
    expect(findIn('Atlas broke checkout.', team)).toEqual([]);
    expect(findIn('Atlas failed to start.', team)).toEqual([]);
    expect(findIn('Atlas broke checkout.', { people: ['Atlas'], services: ['Atlas'] })).toEqual([]);
  });

  it('knowing the participants never lowers recall: other names are still detected', () => {
    expect(rulesOf(findIn('Carol broke checkout.', team))).toEqual(['person-as-cause']);
    expect(rulesOf(findIn('Carol broke checkout.'))).toEqual(['person-as-cause']);
    expect(findIn('Alice deployed the fix.', team)).toEqual([]);
  });

  it('spans the whole name and the verb', () => {
    const text = 'Then Alice Chen broke the cluster.';
    const [finding] = findIn(text, team);
    expect(finding?.excerpt).toBe('Alice Chen broke');
    expect(finding?.target).toEqual({ field: 'sections.summary', start: 5, end: 21 });
  });
});

describe('findBlamelessFindings: spans, order and settings', () => {
  it('points every span at its text, emoji and repeats included', () => {
    const text = '🚨 Impact: human error, then more human error. Bob should have known.';
    const findings = findIn(text);
    expect(rulesOf(findings)).toEqual(['human-error', 'human-error', 'hindsight']);
    for (const f of findings) {
      expect(text.slice(f.target.start, f.target.end)).toBe(f.excerpt);
    }
    expect(findings.map((f) => f.excerpt)).toEqual(['human error', 'human error', 'should have']);
  });

  it('returns the documented shape with a docs link', () => {
    expect(findIn('Pure human error.')).toEqual([
      {
        rule: 'human-error',
        severity: 'error',
        message: expect.any(String),
        suggestion: expect.any(String),
        docsUrl: 'docs/linter.md#human-error',
        target: { field: 'sections.summary', start: 5, end: 16 },
        excerpt: 'human error',
      },
    ]);
  });

  it('keeps texts in input order, rules in rule-set order', () => {
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

  it('ignores case and spacing, matches whole words only', () => {
    expect(rulesOf(findIn('HUMAN ERROR'))).toEqual(['human-error']);
    expect(findIn('caused by human\n  error').map((f) => f.excerpt)).toEqual(['human\n  error']);
    expect(findIn('The shouldhave flag and the humanerror table')).toEqual([]);
  });

  it('skips disabled rules', () => {
    const settings = { disabledRules: ['human-error'], extraTerms: [] };
    expect(findIn('Pure human error.', { settings })).toEqual([]);
  });

  it('adds extra terms as plain words, to a rule or as a team rule', () => {
    const settings = {
      disabledRules: [],
      extraTerms: [
        { rule: 'human-error', terms: ['fat finger'] },
        { rule: 'team-slang', terms: ['yolo deploy', 'a.b'] },
      ],
    };
    expect(rulesOf(findIn('A fat finger, then a YOLO deploy.', { settings }))).toEqual([
      'human-error',
      'team-slang',
    ]);
    expect(findIn('axb', { settings })).toEqual([]);
    const blank = { disabledRules: [], extraTerms: [{ rule: 'blank', terms: ['  '] }] };
    expect(findIn('Anything at all.', { settings: blank })).toEqual([]);
    expect(findIn('A fat finger.')).toEqual([]);
  });

  it('gives the same answer on every call, and none for empty text', () => {
    const texts = [{ field: 'f', text: 'human error and human error' }];
    expect(findBlamelessFindings(texts)).toEqual(findBlamelessFindings(texts));
    expect(findIn('')).toEqual([]);
  });
});

describe('findingKey', () => {
  const only = (text: string, field = 'sections.summary') => {
    const [finding] = findIn(text, {}, field);
    if (!finding) {
      throw new Error(`test setup: no finding in "${text}"`);
    }
    return finding;
  };

  it('is stable when the text around the finding changes', () => {
    const before = only('It was human error.');
    const after = only('After a long night of paging, it was human error again.');
    expect(findingKey(after)).toBe(findingKey(before));
  });

  it('tells apart rules, fields and words, ignoring case', () => {
    expect(findingKey(only('Human Error'))).toBe(findingKey(only('human error')));
    expect(findingKey(only('Human error', 'sections.impact'))).toBe(
      'human-error:sections.impact:human error',
    );
    const keys = [
      findingKey(only('human error')),
      findingKey(only('human error', 'sections.impact')),
      findingKey(only('operator error')),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
