/** A kind of fix that adds process or pressure on people rather than changing the system. */
export interface PunitivePattern {
  id: string;
  pattern: RegExp;
  /** How the message names it ("more approvals"). */
  label: string;
}

const anyOf = (terms: readonly string[]) =>
  new RegExp(`\\b(?:${terms.map((t) => t.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** People-facing "fixes". Data, so that the table tests read like the rule set. */
export const punitivePatterns: readonly PunitivePattern[] = [
  {
    id: 'approvals',
    pattern: anyOf(['approvals?', 'approve', 'approved by', 'sign[- ]?offs?', 'signs? off']),
    label: 'more approvals or sign-offs',
  },
  {
    id: 'reviews',
    pattern: anyOf([
      '(?:additional|extra|second|mandatory|manual|manager|more|stricter) (?:code |peer )?reviews?',
      'review board',
      'requires? (?:a |an )?(?:code |peer |manual )?review',
      'two-person review',
    ]),
    label: 'more reviews',
  },
  {
    id: 'meetings',
    pattern: anyOf(['meetings?', 'weekly call', 'stand-?ups?', 'check-?ins? with']),
    label: 'more meetings',
  },
  {
    id: 'training',
    pattern: anyOf([
      'training',
      're-?train\\w*',
      'train (?:the |all )?(?:team|engineers|staff|people|operators|on-?call)',
      'awareness',
      'workshop',
      'educate',
    ]),
    label: 'training',
  },
  {
    id: 'carefulness',
    pattern: anyOf([
      'be (?:more |extra )?(?:careful|vigilant|attentive|diligent|cautious)',
      '(?:more|extra) care(?:ful)?',
      'pay (?:more )?attention',
      'double[- ]check',
      'think twice',
    ]),
    label: '"be more careful"',
  },
  {
    id: 'reminders',
    pattern: anyOf(['remind\\w*']),
    label: 'reminders',
  },
  {
    id: 'discipline',
    pattern: anyOf([
      'disciplin\\w*',
      'reprimand\\w*',
      'held accountable',
      'hold \\w+ accountable',
      'written warning',
      'performance review',
    ]),
    label: 'discipline',
  },
];

/**
 * Signs that an item also changes the system. Mechanisms, not objects: "sign-off on config
 * changes" is still only a sign-off, so nouns like "config" or "deploy" are not here.
 */
export const technicalChangePattern = anyOf([
  'canar(?:y|ies)',
  'alert\\w*',
  'monitor\\w*',
  'dashboards?',
  'metrics?',
  'automat\\w*',
  'roll ?backs?',
  'roll back',
  'feature flags?',
  'rate[- ]limit\\w*',
  'circuit[- ]breakers?',
  'timeouts?',
  'retr(?:y|ies)',
  'back-?off',
  'failover',
  'redundan\\w*',
  'autoscal\\w*',
  'health[- ]?checks?',
  'probes?',
  'tests?',
  'testing',
  'lint\\w*',
  'validat\\w*',
  'guardrails?',
  'quotas?',
  'CI',
  'pre-?commit',
  'pipeline checks?',
  'schema checks?',
  'fuzz\\w*',
  'chaos',
  'load[- ]shedding',
  'idempoten\\w*',
]);
