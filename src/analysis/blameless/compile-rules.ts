import type { Policy } from '../../domain/policy.ts';
import { blameTemplates } from './blame-templates.ts';
import {
  type BlamelessRule,
  blamelessRules,
  personCauseGrammar,
  teamRule,
} from './blameless-rules.ts';
import { type CompiledTemplates, compileTemplates } from './match-templates.ts';

/** A team's linter settings (`policy.blameless`). */
export type BlamelessSettings = Policy['blameless'];

/** A rule ready to run: its terms as one whole-word, case-insensitive pattern. */
export interface CompiledRule {
  rule: BlamelessRule;
  pattern: RegExp;
  /** `template` rules: their patterns with `{who}` expanded. */
  templates?: CompiledTemplates;
}

/** Every rule: the word rules, then the templates over a person. */
export const allBlamelessRules: readonly BlamelessRule[] = [...blamelessRules, ...blameTemplates];

/** The rules of a team, and the `person-cause` grammar patterns. */
export interface CompiledRules {
  rules: CompiledRule[];
  causePhrases: RegExp;
  actionVerbs: RegExp;
  faultyWords: RegExp;
}

const escapeTerm = (term: string) => term.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `\b(?:a|b)\b`, longest term first so "because of" wins over "because". */
function wordsPattern(terms: readonly string[], flags = 'gi'): RegExp {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return new RegExp(`\\b(?:${sorted.map((t) => t.replace(/\s+/g, '\\s+')).join('|')})\\b`, flags);
}

const cache = new Map<string, CompiledRules>();

/**
 * Applies a team's settings to the rule set: disabled rules removed, extra terms (plain text,
 * not patterns) added to their rule, or a new phrase rule for an id the set does not have.
 * Memoised per settings, since the same policy is used for every text.
 */
export function compileRules(
  settings: BlamelessSettings = { disabledRules: [], extraTerms: [] },
): CompiledRules {
  const key = JSON.stringify(settings);
  const cached = cache.get(key);
  if (cached) {
    return cached;
  }
  const extra = new Map<string, string[]>();
  for (const { rule, terms } of settings.extraTerms) {
    extra.set(rule, [...(extra.get(rule) ?? []), ...terms.map(escapeTerm).filter(Boolean)]);
  }
  const known = new Set(allBlamelessRules.map((r) => r.id));
  const teamRules = [...extra].filter(([id]) => !known.has(id)).map(([id, t]) => teamRule(id, t));
  const disabled = new Set(settings.disabledRules);
  const rules = [...allBlamelessRules, ...teamRules]
    .filter((rule) => !disabled.has(rule.id) && rule.terms.length > 0)
    .map((rule) => {
      const terms = known.has(rule.id)
        ? [...rule.terms, ...(extra.get(rule.id) ?? [])]
        : rule.terms;
      const compiledRule = { ...rule, terms };
      return rule.kind === 'template'
        ? { rule: compiledRule, pattern: /$^/g, templates: compileTemplates(compiledRule) }
        : { rule: compiledRule, pattern: wordsPattern(terms) };
    });
  const compiled = {
    rules,
    causePhrases: wordsPattern(personCauseGrammar.causePhrases),
    actionVerbs: wordsPattern(personCauseGrammar.actionVerbs),
    faultyWords: wordsPattern(personCauseGrammar.faultyWords, 'i'),
  };
  if (cache.size > 50) {
    cache.clear();
  }
  cache.set(key, compiled);
  return compiled;
}
