import { escapeData, escapeProperty, plural } from '../lint/format-findings.ts';
import type { AnalyzeFinding } from './analyze-markdown.ts';

/** The findings of one analysed file. */
export interface AnalysisReport {
  path: string;
  findings: AnalyzeFinding[];
}

/** `path:line:column  severity  rule  message  (suggestion)`, then a summary line per file. */
export function formatAnalysisText(reports: readonly AnalysisReport[]): string[] {
  const lines: string[] = [];
  for (const { path, findings } of reports) {
    for (const f of findings) {
      const suggestion = f.suggestion ? `  (${f.suggestion})` : '';
      const fix = f.fix ? `  fix: “${f.fix.replacement}”` : '';
      lines.push(
        `${path}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}${suggestion}${fix}`,
      );
    }
    lines.push(`${path}: ${findings.length === 0 ? 'clean' : plural(findings.length, 'finding')}`);
  }
  const total = reports.reduce((sum, r) => sum + r.findings.length, 0);
  lines.push(`${plural(reports.length, 'file')} analysed, ${plural(total, 'finding')}`);
  return lines;
}

const githubLevel = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** GitHub Actions annotations, one per finding. */
export function formatAnalysisGithub(reports: readonly AnalysisReport[]): string[] {
  return reports.flatMap(({ path, findings }) =>
    findings.map((f) => {
      const title =
        f.source === 'language' ? `Blameless language: ${f.rule}` : `Anti-pattern: ${f.rule}`;
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(title)}`,
      ].join(',');
      const text = [f.message, f.suggestion, f.excerpt ? `“${f.excerpt}”` : undefined]
        .filter(Boolean)
        .join(' ');
      return `::${githubLevel[f.severity]} ${properties}::${escapeData(text)}`;
    }),
  );
}

/** The `--json` document. */
export function analysisAsJson(reports: readonly AnalysisReport[]) {
  const findings = reports.flatMap((r) => r.findings);
  return {
    files: reports,
    summary: {
      files: reports.length,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}
