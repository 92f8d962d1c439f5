import { readFileSync } from 'node:fs';
import { loadPolicyFile } from '../../app/load-policy-file.ts';
import { importServicesBodySchema } from '../../contracts/services.ts';
import { analyzeMarkdown } from '../analyze/analyze-markdown.ts';
import {
  type AnalysisReport,
  analysisAsJson,
  formatAnalysisGithub,
  formatAnalysisText,
} from '../analyze/format-analysis.ts';
import { readCatalogueFiles } from '../read-catalogue-files.ts';
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

/** A catalogue in a `debrief services import` format (Debrief JSON or Backstage YAML). */
function readCatalogue(path: string | undefined) {
  return path
    ? importServicesBodySchema.parse({ services: readCatalogueFiles(path).services }).services
    : [];
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
