import type { BlamelessRule } from './blameless-rules.ts';
import { type BlamelessSettings, type CompiledRule, compileRules } from './compile-rules.ts';
import { type GrammarContext, matchPersonCause, matchPersonSubject } from './grammar-matchers.ts';
import { matchTemplates } from './match-templates.ts';
import { matchesOf } from './matches-of.ts';
import { isNegated } from './negation.ts';
import { createPeopleIndex } from './people-index.ts';
import { isInside, quotedSpans } from './quoted-speech.ts';
import type { Span } from './span.ts';
import { TaggedSentences } from './tagged-sentences.ts';

/** One place where a text points at people rather than the system. */
export interface BlamelessFinding {
  rule: string;
  /** `hint` inside quoted speech (a participant's own words), `error` otherwise. */
  severity: 'error' | 'hint';
  message: string;
  suggestion: string;
  /** Where the rule is explained, e.g. `docs/linter.md#hindsight`. */
  docsUrl: string;
  target: { field: string; start: number; end: number };
  excerpt: string;
}

/** A named piece of text to check, e.g. `{ field: 'sections.summary', text }`. */
export interface LintableText {
  field: string;
  text: string;
}

/** Who may be named (so that a service called "Atlas" is not a person), and the team's settings. */
export interface BlamelessOptions {
  /** Names of people (participants, user directory, front matter); none: detect names. */
  people?: readonly string[];
  /** Names of services; never treated as people. */
  services?: readonly string[];
  /** `policy.blameless`: disabled rules and extra terms. */
  settings?: BlamelessSettings;
}

function spansOf(
  compiled: CompiledRule,
  context: GrammarContext,
  rules: ReturnType<typeof compileRules>,
): Span[] {
  const { rule, pattern } = compiled;
  switch (rule.kind) {
    case 'phrase':
      return matchesOf(pattern, context.text).map((m) => ({
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
      }));
    case 'person-subject':
      return matchPersonSubject(context, pattern);
    case 'person-cause':
      return matchPersonCause(context, pattern, rules);
    case 'template':
      return compiled.templates
        ? matchTemplates(context.text, compiled.templates, context.people, context.sentences)
        : [];
    default: {
      const unknownKind: never = rule.kind;
      throw new Error(`unknown rule kind ${String(unknownKind)}`);
    }
  }
}

function toFinding(
  rule: BlamelessRule,
  field: string,
  text: string,
  span: Span,
  severity: BlamelessFinding['severity'],
): BlamelessFinding {
  return {
    rule: rule.id,
    severity,
    message: rule.message,
    suggestion: rule.suggestion,
    docsUrl: rule.docsUrl,
    target: { field, start: span.start, end: span.end },
    excerpt: text.slice(span.start, span.end),
  };
}

/**
 * Runs the blameless-language rules over every text and returns every finding: texts in input
 * order, then rules in rule-set order, then by position. Never throws on content. Sentences
 * are tokenized and tagged only where a rule's words occur, which keeps it fast enough to run
 * on every keystroke in the editor.
 */
export function findBlamelessFindings(
  texts: readonly LintableText[],
  options: BlamelessOptions = {},
): BlamelessFinding[] {
  const rules = compileRules(options.settings);
  const people = createPeopleIndex(options);
  const findings: BlamelessFinding[] = [];
  for (const { field, text } of texts) {
    const context: GrammarContext = { text, sentences: new TaggedSentences(text), people };
    const quotes = quotedSpans(text);
    const taken: Span[] = [];
    for (const compiled of rules.rules) {
      for (const span of spansOf(compiled, context, rules)) {
        // One finding per place: the first rule in rule-set order speaks for it.
        if (taken.some((t) => t.start < span.end && span.start < t.end)) {
          continue;
        }
        if (compiled.rule.negatable !== false && isNegated(text, span.start, span.end)) {
          continue;
        }
        taken.push(span);
        const severity = isInside(quotes, span) ? 'hint' : 'error';
        findings.push(toFinding(compiled.rule, field, text, span, severity));
      }
    }
  }
  return findings;
}

/** A stable key for waiving one finding: the rule, the field and the matched words. */
export function findingKey(finding: Pick<BlamelessFinding, 'rule' | 'target' | 'excerpt'>): string {
  return `${finding.rule}:${finding.target.field}:${finding.excerpt.toLowerCase()}`;
}
