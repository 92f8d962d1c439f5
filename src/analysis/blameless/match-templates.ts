import { templateParts } from './blame-templates.ts';
import type { BlamelessRule } from './blameless-rules.ts';
import type { Span } from './grammar-matchers.ts';
import type { NameEvidence } from './name-evidence.ts';
import type { PeopleIndex } from './people-index.ts';
import { classifyPerson, personSlot } from './person-slot.ts';

/** A template rule's patterns, compiled. */
export interface CompiledTemplates {
  patterns: Array<{ pattern: RegExp; gates: RegExp[] }>;
  needs: NameEvidence;
}

const expandParts = (source: string) =>
  source.replace(/\{(adv|pp)\}/g, (_, part: string) => templateParts[part] ?? '');

/** Expands `{who}`, `{adv}` and `{pp}` and compiles each pattern (case-insensitive, Unicode). */
export function compileTemplates(rule: Pick<BlamelessRule, 'terms' | 'needs'>): CompiledTemplates {
  return {
    needs: rule.needs ?? 'initial',
    // The words around `{who}` must each occur before the costly person slot is tried.
    patterns: rule.terms.map((term) => ({
      pattern: new RegExp(expandParts(term.replace('{who}', personSlot)), 'giu'),
      gates: term
        .split('{who}')
        .filter((part) => /\p{L}/u.test(part.replace(/\\[a-z]/gi, '')))
        .map((part) => new RegExp(expandParts(part), 'iu')),
    })),
  };
}

const leadingGlue = /^(?:[\s,;:(—–.!?]|and\s|but\s|because\s)+/i;

/**
 * Every span where a template matches and its `{who}` is a person. A candidate the people
 * index turns down is retried one character later, so that "The outage was Anjali's mistake"
 * finds "Anjali" after refusing "outage was Anjali".
 */
export function matchTemplates(
  text: string,
  templates: CompiledTemplates,
  people: PeopleIndex,
): Span[] {
  const spans: Span[] = [];
  for (const { pattern, gates } of templates.patterns) {
    if (!gates.every((gate) => gate.test(text))) {
      continue;
    }
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const groups = match.groups ?? {};
      const who = groups.role ?? groups.pronoun ?? groups.name;
      const whoAt = who === undefined ? -1 : match.index + match[0].indexOf(who);
      const isPerson =
        who === undefined || classifyPerson(groups, text, whoAt, people, templates.needs);
      if (!isPerson) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      const glue = leadingGlue.exec(match[0])?.[0].length ?? 0;
      spans.push({ start: match.index + glue, end: match.index + match[0].length });
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
      }
    }
  }
  return spans;
}
