import { describe, expect, it } from 'vitest';
import { blameTemplates } from './blame-templates.ts';
import { type BlamelessOptions, findBlamelessFindings } from './find-blameless-findings.ts';

const findIn = (text: string, options: BlamelessOptions = {}) =>
  findBlamelessFindings([{ field: 'sections.summary', text }], options);
const errorsIn = (text: string, options: BlamelessOptions = {}) =>
  findIn(text, options)
    .filter((f) => f.severity === 'error')
    .map((f) => f.rule);

// Each class of blame the word rules missed: a blaming sentence and a neighbour that is not.
const classes: Array<[string, string, string]> = [
  ['neglect', 'Amara overlooked the replication alarm.', 'The dashboard overlooked the replica.'],
  ['neglect', 'The DBA did not bother to read the plan.', 'The plan was long and hard to read.'],
  ['neglect', 'Our SRE was distracted during the cut-over.', 'The SRE had three pages open.'],
  ['attributed-mistake', "It was Wojciech's blunder.", "Wojciech's review caught the blunder."],
  [
    'attributed-mistake',
    'Responsibility rests with the release manager.',
    'Ownership rests with the platform team.',
  ],
  [
    'attributed-mistake',
    'Aleksander made a costly error in the zone file.',
    'The resolver made a wrong call to the old endpoint.',
  ],
  [
    'passive-blame',
    'The warning was ignored by Ifeoma.',
    'The warning was acknowledged by Ifeoma.',
  ],
  [
    'passive-blame',
    'The broken image was shipped by the on-call engineer.',
    'The fixed image was shipped by the on-call engineer.',
  ],
  [
    'counterfactual',
    'Had Lucía checked the graph, the page would have gone out.',
    'Had the graph shown the error rate, the page would have gone out.',
  ],
  [
    'counterfactual',
    'If the operator had read the runbook, we would have recovered.',
    'If the operator had been paged, we would have recovered.',
  ],
  [
    'counterfactual',
    'Were Maximilian more careful, the disk would not have filled.',
    'Were the disk larger, it would not have filled.',
  ],
  [
    'neglect',
    'The author of the change ignored the failing test.',
    'The author of the change asked for a second review.',
  ],
  [
    'neglect',
    'The engineer who was on call ignored the page.',
    'The engineer who was on call acknowledged the page.',
  ],
  [
    'counterfactual',
    'If the owner of the service had renewed the certificate, checkout would have stayed up.',
    'If the owner of the service had been told, checkout would have stayed up.',
  ],
  [
    'judgemental-framing',
    'It was clearly wrong to restart the primary.',
    'It was possible to restart the primary.',
  ],
  [
    'judgemental-framing',
    'Bypassing the queue was a boneheaded call.',
    'Bypassing the queue was a deliberate decision.',
  ],
];

describe('blame templates: each class fires, and its neighbour stays silent', () => {
  it.each(classes)('%s: "%s" / "%s"', (rule, blaming, clean) => {
    expect(errorsIn(blaming)).toEqual([rule]);
    expect(errorsIn(clean)).toEqual([]);
  });

  it('covers every template rule', () => {
    const covered = new Set(classes.map(([rule]) => rule));
    for (const rule of blameTemplates.filter((r) => r.id !== 'person-as-cause')) {
      expect(covered).toContain(rule.id);
    }
  });
});

describe('names in every script', () => {
  const names = [
    'José',
    'Søren',
    'Zoë',
    'Łukasz',
    'Дмитрий',
    '王伟',
    'Nguyễn Văn An',
    'Ἀλέξανδρος',
    'Ayşe',
  ];

  it.each(names)('finds blame of %s, with and without participants', (name) => {
    for (const options of [{}, { people: [name] }, { people: ['Somebody Else'] }]) {
      expect(errorsIn(`${name} neglected the capacity alerts.`, options)).toEqual(['neglect']);
      expect(errorsIn(`The outage was caused by ${name}.`, options)).toEqual(['person-as-cause']);
      expect(errorsIn(`${name} restored the replica.`, options)).toEqual([]);
    }
  });

  it('matches a participant written without accents, and never a service', () => {
    expect(errorsIn('Soren broke checkout.', { people: ['Søren Kjær'] })).toEqual([
      'person-as-cause',
    ]);
    expect(errorsIn('Vault broke checkout.', { people: ['Vault'], services: ['Vault'] })).toEqual(
      [],
    );
    expect(errorsIn('Ledger-Sync overlooked the lag.', { services: ['ledger-sync'] })).toEqual([]);
  });
});

describe('precision', () => {
  it.each([
    'Human error was not the cause.',
    'Nobody was careless here.',
    'We ruled out operator error.',
    'Rather than calling it human error, we asked why the button was there.',
    'Mina did not ignore the page; it never arrived.',
  ])('a denial clears the words: "%s"', (text) => {
    expect(errorsIn(text)).toEqual([]);
  });

  it('keeps a finding when the denial belongs to another clause', () => {
    expect(errorsIn('Bob was careless and did not check the config.')).toEqual([
      'character-judgement',
    ]);
    expect(errorsIn('The outage would not have happened if Noa had waited.')).toEqual([
      'counterfactual',
    ]);
  });

  it('turns findings in quoted speech into hints', () => {
    const findings = findIn('Kaito wrote: "I should have checked the dashboard."');
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['hindsight', 'hint']]);
    expect(findIn('Kaito wrote: “human error on my part”.').map((f) => f.severity)).toEqual([
      'hint',
    ]);
  });

  it.each([
    'The pods failed to become ready.',
    'The pods crashed and they never became ready.',
    'The replicas fell behind, so they missed the cut-over window.',
    'Kafka ignored the retention setting.',
    'The backups were deleted by the retention policy.',
  ])('technical subjects stay silent: "%s"', (text) => {
    expect(errorsIn(text)).toEqual([]);
  });

  it('"they" after people is people', () => {
    expect(errorsIn('The responders were tired and they ignored the alert.')).toEqual(['neglect']);
  });
});
