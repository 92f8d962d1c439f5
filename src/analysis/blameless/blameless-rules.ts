/** One blameless-language rule: a pattern that points at people instead of the system. */
export interface BlamelessRule {
  id: string;
  pattern: RegExp;
  message: string;
  suggestion: string;
}

const words = (terms: readonly string[]) =>
  new RegExp(`\\b(?:${terms.map((t) => t.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'gi');

/**
 * The starter rule set. Deliberately narrow (high precision): a linter that cries wolf gets
 * switched off. "failed to" is absent on purpose: services fail to start, and that is a fact.
 */
export const blamelessRules: readonly BlamelessRule[] = [
  {
    id: 'human-error',
    pattern: words(['human error', 'operator error', 'user error', 'pilot error']),
    message: '"Human error" ends the inquiry instead of explaining it.',
    suggestion: 'Describe what made the action possible or likely (tooling, defaults, signals).',
  },
  {
    id: 'character-judgement',
    pattern: words([
      'negligence',
      'negligent',
      'careless',
      'carelessness',
      'incompetent',
      'lazy(?!\\s+(?:load|evaluat|initiali))',
      'sloppy',
    ]),
    message: 'Judging a person’s character blocks learning.',
    suggestion: 'Describe the conditions and the information available at the time.',
  },
  {
    id: 'blame-words',
    pattern: words(['fault of', 'to blame', '(?:his|her|their)\\s+fault', 'culprit']),
    message: 'Assigning fault to a person.',
    suggestion: 'Name the system condition that allowed the outcome.',
  },
  {
    id: 'hindsight',
    pattern: words(['should have', "should[’']ve", 'if only', 'neglected to', 'forgot to']),
    message: 'Hindsight: judges past actions by what is known only now.',
    suggestion: 'Say what was known and expected at that moment.',
  },
  {
    id: 'punitive-framing',
    pattern: words(['held accountable', 'disciplinary', 'reprimand', 'reprimanded']),
    message: 'Punitive framing undermines psychological safety.',
    suggestion: 'Focus on the systemic fix.',
  },
];
