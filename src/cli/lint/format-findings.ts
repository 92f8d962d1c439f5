import type { FileFinding } from './lint-markdown.ts';

/** The findings of one linted file. */
export interface FileReport {
  path: string;
  findings: FileFinding[];
}

/** "1 finding", "2 findings". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `path:line:column  rule  message  (suggestion)` per finding, then a summary line per file. */
export function formatText(reports: readonly FileReport[]): string[] {
  const lines: string[] = [];
  for (const { path, findings } of reports) {
    for (const f of findings) {
      lines.push(
        `${path}:${f.line}:${f.column}  ${f.severity === 'hint' ? `${f.rule} (hint, quoted speech)` : f.rule}  ${f.message}  (${f.suggestion})${f.fix ? `  fix: “${f.fix.replacement}”` : ''}`,
      );
    }
    lines.push(`${path}: ${findings.length === 0 ? 'clean' : plural(findings.length, 'finding')}`);
  }
  const total = reports.reduce((sum, r) => sum + r.findings.length, 0);
  lines.push(`${plural(reports.length, 'file')} checked, ${plural(total, 'finding')}`);
  return lines;
}

/** Escapes a workflow-command message (GitHub Actions). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow-command property such as `file=` or `title=`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions annotations: `::error file=…,line=…,col=…,title=…::message`. */
export function formatGithub(reports: readonly FileReport[]): string[] {
  return reports.flatMap(({ path, findings }) =>
    findings.map((f) => {
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`Blameless language: ${f.rule}`)}`,
      ].join(',');
      return `::${f.severity === 'hint' ? 'notice' : f.severity} ${properties}::${escapeData(`${f.message} ${f.suggestion} “${f.excerpt}”`)}`;
    }),
  );
}

/** The `--json` document. */
export function reportsAsJson(reports: readonly FileReport[]) {
  const findings = reports.flatMap((r) => r.findings);
  return {
    files: reports,
    summary: {
      files: reports.length,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === 'error').length,
    },
  };
}
