import { readFileSync } from 'node:fs';
import { loadPolicyFile } from '../../app/load-policy-file.ts';
import { importServicesBodySchema } from '../../contracts/services.ts';
import { DomainError } from '../../domain/errors.ts';
import { analyzeMarkdown } from '../analyze/analyze-markdown.ts';
import {
  type AnalysisReport,
  analysisAsJson,
  formatAnalysisGithub,
  formatAnalysisText,
} from '../analyze/format-analysis.ts';
import { collectMarkdownFiles } from './lint.ts';

/** Options of `debrief analyze`. */
export interface AnalyzeCommandOptions {
  json?: boolean;
  format?: 'text' | 'json' | 'github';
  policy?: string;
  catalogue?: string;
  participant?: string[];
  service?: string[];
  fixSuggestions?: boolean;
}

/** A catalogue file in the `debrief services import` format: `{ services: [{ name, dependsOn }] }`. */
function readCatalogue(path: string | undefined) {
  if (!path) {
    return [];
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DomainError('NOT_FOUND', `Cannot read ${path}.`, { cause: error, details: { path } });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DomainError('MALFORMED_REQUEST', `${path} is not valid JSON.`, { cause: error });
  }
  return importServicesBodySchema.parse(parsed).services;
}

/**
 * `debrief analyze <file.md|dir>...`: the blameless linter and every anti-pattern detector that
 * runs without a database, on Markdown postmortems kept in git. Exit code 1 when any finding
 * is an error.
 */
export function analyze(paths: string[], options: AnalyzeCommandOptions): void {
  const policy = loadPolicyFile(options.policy ?? (process.env.DEBRIEF_POLICY || undefined));
  const catalogue = readCatalogue(options.catalogue);
  const today = new Date();
  const reports: AnalysisReport[] = collectMarkdownFiles(paths).map((path) => ({
    path,
    findings: analyzeMarkdown(readFileSync(path, 'utf8'), {
      settings: policy.blameless,
      policy,
      catalogue,
      people: options.participant,
      services: options.service,
      fixSuggestions: options.fixSuggestions,
      fileName: path,
      today,
    }),
  }));
  const format = options.json ? 'json' : (options.format ?? 'text');
  const lines =
    format === 'json'
      ? [JSON.stringify(analysisAsJson(reports), null, 2)]
      : format === 'github'
        ? formatAnalysisGithub(reports)
        : formatAnalysisText(reports);
  if (lines.length > 0) {
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (reports.some((r) => r.findings.some((f) => f.severity === 'error'))) {
    process.exitCode = 1;
  }
}
