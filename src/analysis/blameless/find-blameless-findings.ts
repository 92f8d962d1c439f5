import type { BlamelessRule } from './blameless-rules.ts';
import { type BlamelessSettings, type CompiledRule, compileRules } from './compile-rules.ts';
import {
  type GrammarContext,
  matchPersonCause,
  matchPersonSubject,
  type Span,
} from './grammar-matchers.ts';
import { createPeopleIndex } from './people-index.ts';
import { TaggedSentences } from './tagged-sentences.ts';

/** One place where a text points at people rather than the system. */
export interface BlamelessFinding {
  rule: string;
  severity: 'error';
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
      return [...context.text.matchAll(pattern)].map((m) => ({
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
      }));
    case 'person-subject':
      return matchPersonSubject(context, pattern);
    case 'person-cause':
      return matchPersonCause(context, pattern, rules);
    default: {
      const unknownKind: never = rule.kind;
      throw new Error(`unknown rule kind ${String(unknownKind)}`);
    }
  }
}

function toFinding(rule: BlamelessRule, field: string, text: string, span: Span): BlamelessFinding {
  return {
    rule: rule.id,
    severity: 'error',
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
    for (const compiled of rules.rules) {
      for (const span of spansOf(compiled, context, rules)) {
        findings.push(toFinding(compiled.rule, field, text, span));
      }
    }
  }
  return findings;
}

/** A stable key for waiving one finding: the rule, the field and the matched words. */
export function findingKey(finding: Pick<BlamelessFinding, 'rule' | 'target' | 'excerpt'>): string {
  return `${finding.rule}:${finding.target.field}:${finding.excerpt.toLowerCase()}`;
}
