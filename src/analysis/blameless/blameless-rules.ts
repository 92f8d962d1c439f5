import type { NameEvidence } from './name-evidence.ts';

/**
 * How a rule decides:
 * - `phrase`: every occurrence of a term is a finding;
 * - `person-subject`: a term is a finding only when a person (name, personal pronoun, role such
 *   as "the engineer") is its grammatical subject: "Alice failed to drain the node", not "the
 *   service failed to start";
 * - `person-cause`: a named person is presented as the cause: subject of a causal verb ("Bob
 *   broke checkout"), of an action on something faulty ("Bob deployed the bad config"), or the
 *   object of a cause phrase ("caused by Alice");
 * - `template`: a pattern over a person, `{who}` (a role, pronoun or name in any script), e.g.
 *   "{who} neglected", "responsibility rests with {who}" (see `blame-templates.ts`).
 */
export type BlamelessRuleKind = 'phrase' | 'person-subject' | 'person-cause' | 'template';

/** One blameless-language rule, as data. Terms are regular-expression fragments, matched as whole words, case-insensitively, with flexible whitespace. */
export interface BlamelessRule {
  id: string;
  kind: BlamelessRuleKind;
  terms: readonly string[];
  message: string;
  suggestion: string;
  /** Anchor in docs/linter.md. */
  docsUrl: string;
  /** `template`: the name evidence a `{who}` needs (default `initial`: any capitalised unknown word). */
  needs?: NameEvidence;
  /** Replacement wording per matched term, for `--fix-suggestions`; `''` means delete the words. */
  replacements?: Readonly<Record<string, string>>;
  /** False when a denial nearby does not clear the words ("would not have happened if Zoë had…"). */
  negatable?: boolean;
}

/** Extra grammar data of the `person-cause` kind. */
export const personCauseGrammar = {
  /** Followed by a name: "caused by Alice", "because Bob…". */
  causePhrases: [
    'caused by',
    'triggered by',
    'introduced by',
    'broken by',
    'because of',
    'due to',
    'because',
  ],
  /** An action that is only blaming when its object is described as faulty. */
  actionVerbs: [
    'deployed',
    'pushed',
    'merged',
    'ran',
    'applied',
    'shipped',
    'committed',
    'released',
    'rolled out',
    'changed',
    'edited',
    'approved',
    'wrote',
    'added',
    'configured',
    'entered',
    'typed',
    'executed',
  ],
  /** Words that make the object of an action faulty: "the bad config". */
  faultyWords: [
    'bad',
    'wrong',
    'broken',
    'faulty',
    'buggy',
    'incorrect',
    'untested',
    'invalid',
    'erroneous',
    'malformed',
    'unreviewed',
    'dangerous',
  ],
} as const;

const docs = (id: string) => `docs/linter.md#${id}`;

/**
 * The rule set. Precision matters as much as recall: a linter that cries wolf gets switched
 * off, so counterfactuals need a person as subject and names need a causal construction.
 */
export const blamelessRules: readonly BlamelessRule[] = [
  {
    id: 'person-as-cause',
    kind: 'person-cause',
    terms: [
      'broke',
      'caused',
      'triggered',
      'crashed',
      'deleted',
      'dropped',
      'wiped',
      'took down',
      'brought down',
      'introduced',
      'misconfigured',
      'messed up',
      'screwed up',
      'corrupted',
      'killed',
    ],
    message: 'A person is named as the cause; the inquiry stops at who instead of why.',
    suggestion:
      'Name the action and the system: "a config change was deployed", "the change removed the index".',
    docsUrl: docs('person-as-cause'),
  },
  {
    id: 'human-error',
    kind: 'phrase',
    terms: ['human error', 'operator error', 'user error', 'pilot error', 'human mistake'],
    replacements: {
      'human error': 'a step the system made easy to take',
      'operator error': 'a step the tooling allowed',
      'user error': 'a step the interface allowed',
      'pilot error': 'a step the tooling allowed',
      'human mistake': 'a step the system made easy to take',
    },
    message: '"Human error" ends the inquiry instead of explaining it.',
    suggestion: 'Describe what made the action possible or likely (tooling, defaults, signals).',
    docsUrl: docs('human-error'),
  },
  {
    id: 'character-judgement',
    kind: 'phrase',
    terms: [
      'negligence',
      'negligent',
      'careless',
      'carelessness',
      'incompetent',
      'incompetence',
      'lazy(?![\\s-]+(?:load|evaluat|initiali|instantiat|import|compil|fetch|render|binding|mount))',
      'laziness',
      'sloppy',
      'sloppiness',
      'reckless(?:ly|ness)?',
      'irresponsibl[ey]',
      'irresponsibility',
      'carelessly',
      'negligently',
      'clueless',
      'incompetently',
    ],
    replacements: {
      negligence: 'a missing safeguard',
      carelessness: 'a missing safeguard',
      sloppiness: 'a missing check',
      incompetence: 'a gap in training and tooling',
    },
    message: 'Judging a person’s character blocks learning.',
    suggestion: 'Describe the conditions and the information available at the time.',
    docsUrl: docs('character-judgement'),
  },
  {
    id: 'blame-words',
    kind: 'phrase',
    terms: ['fault of', 'to blame', '(?:his|her|their|my|our)\\s+fault'],
    replacements: { 'to blame': 'involved' },
    message: 'Assigning fault to a person.',
    suggestion: 'Name the system condition that allowed the outcome.',
    docsUrl: docs('blame-words'),
  },
  {
    id: 'hindsight',
    kind: 'person-subject',
    terms: [
      'should have',
      "should[’']ve",
      'should\\s+(?:not|never)\\s+have',
      "shouldn[’']t\\s+have",
      "shouldn[’']t[’']ve",
      'could have',
      "could[’']ve",
      'failed to',
      'neglected to',
      'forgot to',
      'if only',
      'obviously',
      'clearly',
      'simply',
      'just had to',
      'ought to have',
      'ought\\s+(?:not|never)\\s+to\\s+have',
    ],
    replacements: { obviously: '', clearly: '', simply: '' },
    message: 'Hindsight: judges what people did by what is known only now.',
    suggestion: 'Say what was known and expected at that moment, and what made it hard to see.',
    docsUrl: docs('hindsight'),
  },
  {
    // "Noor missed the page" is a template (blame-templates.ts); here the subject is shared
    // with a verb phrase before "and": "Noor woke late and missed the page". Not "skipped":
    // "restored the backup but skipped the segment" is more often a decision than a lapse.
    // The verb comes first and the conjunction is looked for behind it: a pattern that opens
    // with a look-behind is tried at every word of every text, six times the cost.
    id: 'neglect',
    kind: 'person-subject',
    terms: [
      '(?:neglected|overlooked|ignored|disregarded|forgot|missed|dismissed)(?<=\\b(?:and|but)\\s+(?:(?:then|still|also)\\s+)?[a-z]+)',
    ],
    message: 'Neglect or inattention is attributed to a person; the question of why is skipped.',
    suggestion:
      'Say what competed for attention and what the signal looked like: "the alert was one of forty that night".',
    docsUrl: docs('neglect'),
  },
  {
    id: 'punitive-framing',
    kind: 'phrase',
    terms: [
      'held accountable',
      'hold (?:\\w+ )?accountable',
      'disciplinary',
      'disciplined',
      'reprimand',
      'reprimanded',
      'punish(?:ed|ment)?',
      '(?:be|get|got|getting|been)\\s+fired',
      '(?:be|been|was|were)\\s+let\\s+go',
      '(?:formal|written|final)\\s+warning',
      'made\\s+an\\s+example\\s+of',
      'performance\\s+improvement\\s+plan',
    ],
    replacements: {
      'held accountable': 'supported in the follow-up',
      disciplinary: 'follow-up',
    },
    message: 'Punitive framing undermines psychological safety.',
    suggestion: 'Focus on the systemic fix.',
    docsUrl: docs('punitive-framing'),
  },
];

/** The message of a rule a team adds through `policy.blameless.extraTerms` with a new id. */
export function teamRule(id: string, terms: readonly string[]): BlamelessRule {
  return {
    id,
    kind: 'phrase',
    terms,
    message: 'Your team flagged this wording as blaming.',
    suggestion: 'Describe the system and the conditions instead.',
    docsUrl: docs('team-terms'),
  };
}
