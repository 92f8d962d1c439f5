import { templateParts } from './blame-templates.ts';
import type { BlamelessRule } from './blameless-rules.ts';
import { latin1Source } from './latin1-source.ts';
import { matchesOf } from './matches-of.ts';
import { isModifierOfThing } from './modifier-of-thing.ts';
import type { NameEvidence } from './name-evidence.ts';
import type { PeopleIndex } from './people-index.ts';
import { classifyPerson, personSlot } from './person-slot.ts';
import type { Span } from './span.ts';
import type { TaggedSentences } from './tagged-sentences.ts';

/** One template, compiled: the whole pattern, and the words next to `{who}` to look for first. */
interface CompiledTemplate {
  /** The whole pattern for a window, compiled on first use (most texts reach few of them). */
  pattern: (window: string) => RegExp;
  /** The literal part before or after `{who}` (all of it when there is no `{who}`). */
  anchor: RegExp;
  /** Where `{who}` stands relative to the anchor. */
  who: 'before-anchor' | 'after-anchor' | 'none';
}

/** A template rule's patterns, compiled. */
export interface CompiledTemplates {
  patterns: CompiledTemplate[];
  needs: NameEvidence;
}

const expandParts = (source: string) =>
  source.replace(/\{(adv|pp)\}/g, (_, part: string) => templateParts[part] ?? '');

const beyondLatin1 = /[\u0100-\uffff]/;

/** A template's pattern, compiled when first asked for: as written, or for Latin-1 windows. */
function lazyPattern(source: string): (window: string) => RegExp {
  let anyText: RegExp | undefined;
  let latin1Text: RegExp | undefined;
  const latin1 = latin1Source(source);
  return (window) => {
    if (latin1 === undefined || beyondLatin1.test(window)) {
      anyText ??= new RegExp(source, 'giu');
      return anyText;
    }
    latin1Text ??= new RegExp(latin1, 'giu');
    return latin1Text;
  };
}

function compileTemplate(term: string): CompiledTemplate {
  const pattern = lazyPattern(expandParts(term.replace('{who}', personSlot)));
  const [before = '', after = ''] = term.split('{who}');
  if (!term.includes('{who}')) {
    return { pattern, anchor: new RegExp(expandParts(term), 'giu'), who: 'none' };
  }
  const hasWords = (part: string) => /\p{L}{2}/u.test(part.replace(/\\[a-z]/gi, ''));
  return hasWords(before)
    ? { pattern, anchor: new RegExp(expandParts(before), 'giu'), who: 'after-anchor' }
    : { pattern, anchor: new RegExp(expandParts(after), 'giu'), who: 'before-anchor' };
}

/** Expands `{who}`, `{adv}` and `{pp}` and compiles each pattern (case-insensitive, Unicode). */
export function compileTemplates(rule: Pick<BlamelessRule, 'terms' | 'needs'>): CompiledTemplates {
  return { needs: rule.needs ?? 'initial', patterns: rule.terms.map(compileTemplate) };
}

const leadingGlue = /^(?:[\s,;:(—–.!?]|and\s|but\s|because\s)+/i;
/** How far a `{who}` (a role with modifiers, or a three-word name) reaches from its anchor. */
const reach = 90;

/** The next word start at or after `at` (never inside a word). */
function wordStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && start < text.length && /[\p{L}\p{M}'’-]/u.test(text[start - 1] ?? '')) {
    start += 1;
  }
  return start;
}

/**
 * The same characters, stored one byte per character when they fit. V8 compiles a pattern
 * once per string storage, and a slice of a text that holds a single curly quote is stored two
 * bytes per character however plain the slice: each template pattern was compiled twice, and
 * its two-byte compilation (its `{who}` has ten Unicode letter classes) costs twice the
 * other, ≈ 30 ms. Joining the characters anew stores them in one byte each.
 */
function narrowed(window: string): string {
  return beyondLatin1.test(window) ? window : window.split('').join('');
}

/**
 * Every span where a template matches and its `{who}` is a person. The anchor words are found
 * first and the whole pattern is tried only in a window around them, so that a long text costs
 * a scan per anchor, not a person slot at every word. A candidate the people index turns down
 * is retried one character later ("The outage was Anjali's mistake" refuses "outage was Anjali"
 * and finds "Anjali"), and so is a person who only modifies the thing that is the subject ("the
 * tooling of the operator failed to warn").
 */
export function matchTemplates(
  text: string,
  templates: CompiledTemplates,
  people: PeopleIndex,
  sentences: TaggedSentences,
): Span[] {
  const spans: Span[] = [];
  for (const { pattern: patternFor, anchor, who } of templates.patterns) {
    let covered = 0;
    for (const hit of matchesOf(anchor, text)) {
      const hitStart = hit.index ?? 0;
      const hitEnd = hitStart + hit[0].length;
      if (hitEnd <= covered) {
        continue;
      }
      const from =
        who === 'before-anchor' ? wordStart(text, Math.max(0, hitStart - reach)) : hitStart;
      const to = who === 'after-anchor' ? hitEnd + reach : hitEnd;
      const offset = Math.max(from, covered);
      const window = narrowed(text.slice(offset, to));
      const pattern = patternFor(window);
      pattern.lastIndex = 0;
      for (let match = pattern.exec(window); match; match = pattern.exec(window)) {
        const groups = match.groups ?? {};
        const person = groups.role ?? groups.pronoun ?? groups.name;
        const at = offset + match.index + (person === undefined ? 0 : match[0].indexOf(person));
        const isSubject =
          person !== undefined &&
          classifyPerson(groups, text, at, people, templates.needs) &&
          (who !== 'before-anchor' ||
            !isModifierOfThing(text, at, person.length, sentences, people));
        if (person !== undefined && !isSubject) {
          pattern.lastIndex = match.index + 1;
          continue;
        }
        const glue = leadingGlue.exec(match[0])?.[0].length ?? 0;
        spans.push({
          start: offset + match.index + glue,
          end: offset + match.index + match[0].length,
        });
        covered = offset + match.index + match[0].length;
        pattern.lastIndex = Math.max(match.index + 1, match.index + match[0].length);
      }
    }
  }
  return spans;
}
