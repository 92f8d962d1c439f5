import type { Report } from '../build-report.ts';
import { shortenAtWord } from './shorten-at-word.ts';

/**
 * The summary of a report: the incident's facts, its key instants and the named text sections
 * only. Everything else — timeline, why-tree, factors, action items, participants, the
 * incidents' own summaries — is emptied, not just hidden, so that no renderer can show it.
 */
export function summaryReport(report: Report, sections: readonly string[]): Report {
  return {
    ...report,
    incidents: report.incidents.map((incident) => ({ ...incident, summary: '' })),
    timeline: [],
    whyTree: [],
    factors: [],
    actionItems: [],
    participants: [],
    parts: report.parts.filter(
      (part) =>
        part.block === 'incident_facts' ||
        part.block === 'key_instants' ||
        (part.block === 'text' && sections.includes(part.key)),
    ),
  };
}

/** A published report shows no empty text sections and no heading left with nothing under it. */
export function withoutEmptySections(report: Report): Report {
  const parts = report.parts.filter((part) => part.block !== 'text' || part.markdown.trim() !== '');
  return {
    ...report,
    parts: parts.filter((part, index) => {
      if (part.block !== 'heading') {
        return true;
      }
      const next = parts[index + 1];
      return next !== undefined && next.block !== 'heading' && next.level > part.level;
    }),
  };
}

/**
 * A trimmed line that is only Markdown structure: a table's delimiter row, a rule, a heading's
 * underline, a code fence.
 */
const structureLine =
  /^(?:={2,}|\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?|([-*_])(?:\s*\1){2,}|`{3,}.*|~{3,}.*)$/;
/** A line's block markers: quote marks, a heading's hashes, a list bullet or number, a task box. */
const lineMarkers = /^\s*(?:>\s?)*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)?/;
/** A backslash escape, a run of emphasis marks, or strikethrough (a pair, so `~50 ms` stays). */
const escapeOrEmphasis = /\\([\\`*_{}[\]()#+\-.!|~>])|[*_]+|~~/g;
const wordCharacterBefore = /[\p{L}\p{N}]$/u;
const wordCharacterAfter = /^[\p{L}\p{N}]/u;

/**
 * Markdown as the text a reader sees: links and images by their text, code without its
 * backticks, no emphasis, heading, quote, list or table marks. Only syntax goes: hyphens,
 * underscores, brackets and punctuation of the prose stay ("read-only", "on-call", 2026-11-16,
 * `snake_case`, "[secret]"). Every pattern stops at the next character that could start
 * another match, so a long line of brackets or stars costs linear time.
 */
function markdownAsText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (structureLine.test(line.trim()) ? '' : line.replace(lineMarkers, '')))
    .join('\n')
    .replace(/!?\[([^[\]\n]*)\]\([^()\s]*(?:\s+"[^"\n]*")?\)/g, '$1')
    .replace(/\[([^[\]\n]+)\]\[[^[\]\n]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
    .replace(/`+/g, '')
    .replace(/(?<!\\)\|/g, ' ')
    .replace(escapeOrEmphasis, (mark, escaped: string | undefined, at: number, text: string) => {
      if (escaped !== undefined) {
        return escaped;
      }
      // Marks inside a word are the word's own: snake_case, a**b.
      const inWord =
        wordCharacterBefore.test(text.slice(Math.max(0, at - 2), at)) &&
        wordCharacterAfter.test(text.slice(at + mark.length, at + mark.length + 2));
      return inWord ? mark : '';
    });
}

/**
 * The first words of the report's first text section, as plain text: a feed entry's summary, at
 * most `maxLength` characters and cut after a whole word.
 */
export function feedSummary(report: Report, maxLength = 400): string {
  const first = report.parts.find((p) => p.block === 'text' && p.markdown.trim() !== '');
  const text = first && first.block === 'text' ? first.markdown : '';
  const plain = markdownAsText(text).replace(/\s+/g, ' ').trim();
  return shortenAtWord(plain, maxLength);
}
