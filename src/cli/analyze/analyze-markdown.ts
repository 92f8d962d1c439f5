import type { AntiPatternFinding } from '../../analysis/anti-patterns/anti-pattern-finding.ts';
import { findPostmortemAntiPatterns } from '../../analysis/anti-patterns/find-postmortem-anti-patterns.ts';
import type { BlamelessSettings } from '../../analysis/blameless/compile-rules.ts';
import type { Policy } from '../../domain/policy.ts';
import { lineLocator, lintMarkdown } from '../lint/lint-markdown.ts';
import { readMarkdownProse } from '../lint/markdown-prose.ts';
import { readReviewDocument } from './read-review-data.ts';

/** One finding of `debrief analyze`, placed in the file. */
export interface AnalyzeFinding {
  /** `language` from the blameless linter, `anti-pattern` from the detectors. */
  source: 'language' | 'anti-pattern';
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  suggestion?: string;
  excerpt?: string;
  fix?: { replacement: string };
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What `analyzeMarkdown` reads besides the file. */
export interface AnalyzeOptions {
  settings?: BlamelessSettings;
  policy: Policy;
  /** The file's name, for the document readers' messages. */
  fileName?: string;
  /** A service catalogue (with dependencies) beside the file's own `services:`. */
  catalogue?: ReadonlyArray<{ name: string; dependsOn: readonly string[] }>;
  people?: string[];
  services?: string[];
  fixSuggestions?: boolean;
  today: Date;
}

/** Where an anti-pattern finding points: its action item's title in the front matter, or line 1. */
function placeOf(source: string, finding: AntiPatternFinding, titles: Map<string, string>) {
  const locate = lineLocator(source);
  const title = titles.get(finding.target.id);
  const at = title ? source.indexOf(title) : -1;
  const start = locate(Math.max(at, 0));
  const end = locate(at >= 0 && title ? at + title.length : 0);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Runs everything that needs no database on one Markdown postmortem: the blameless linter on
 * its prose, and the anti-pattern detectors on the review data of its front matter (action
 * items, failed services, the catalogue): write-only report, punitive action items, circular
 * remediation and the blame game. Analysis paralysis needs the phase history and is left out.
 */
export function analyzeMarkdown(source: string, options: AnalyzeOptions): AnalyzeFinding[] {
  const prose = readMarkdownProse(source);
  const review = readReviewDocument(
    source,
    options.fileName ?? 'postmortem.md',
    prose.frontMatter,
    options.policy,
    options.today,
  );
  // Attendees found by the document reader are people too, as participants are.
  const people = [...review.participants, ...(options.people ?? [])];
  const language = lintMarkdown(source, { ...options, people }).map(
    ({ docsUrl: _docsUrl, ...finding }): AnalyzeFinding => ({ source: 'language', ...finding }),
  );
  const antiPatterns = findPostmortemAntiPatterns({
    postmortem: { id: 'document', phase: 'documentation', createdAt: options.today },
    incidents: [{ severity: 'sev4', services: review.failedServices }],
    actionItems: review.actionItems,
    services: [...review.catalogue, ...(options.catalogue ?? [])],
    unwaivedBlamelessCount: language.filter((f) => f.severity === 'error').length,
    today: options.today,
    policy: options.policy,
  });
  const titles = new Map(review.actionItems.map((item) => [item.id, item.title]));
  return [
    ...language,
    ...antiPatterns.map(
      (finding): AnalyzeFinding => ({
        source: 'anti-pattern',
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
        ...placeOf(source, finding, titles),
      }),
    ),
  ];
}
