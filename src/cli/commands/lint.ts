import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { DomainError } from '../../domain/errors.ts';
import { defaultPolicy } from '../../domain/policy.ts';
import {
  type FileReport,
  formatGithub,
  formatText,
  reportsAsJson,
} from '../lint/format-findings.ts';
import { lintMarkdown } from '../lint/lint-markdown.ts';
import { terminalSafe } from '../output/terminal-safe.ts';

/** Options of `debrief lint`. */
export interface LintOptions {
  json?: boolean;
  format?: 'text' | 'json' | 'github';
  policy?: string;
  participant?: string[];
  service?: string[];
  fixSuggestions?: boolean;
}

/** The Markdown files named: files as given, directories searched recursively for `*.md`. */
export function collectMarkdownFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new DomainError('NOT_FOUND', `No such file or directory: ${path}`, {
        details: { path },
      });
    }
    if (!isDirectory) {
      return [path];
    }
    return readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.toLowerCase().endsWith('.md'))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => statSync(file).isFile());
  });
}

/**
 * `debrief lint <file.md|dir>...`: the blameless-language linter on Markdown postmortems,
 * without a database. Exit code 1 when any finding is an error.
 */
export async function lint(paths: string[], options: LintOptions): Promise<void> {
  // The template rules are a few dozen large Unicode patterns, each run over a handful of
  // windows in a short-lived process: V8 would compile each twice (bytecode, then machine code
  // once it runs again). Compiling once, straight to machine code, saves ≈ 0.2 s of CPU over
  // 46 postmortems and changes no match.
  setFlagsFromString('--no-regexp-tier-up');
  // V8 hands a function to its optimising compiler after a few thousand bytecodes' worth of
  // runs; in a run of a second that is most of the tagger, compiled on background threads for
  // a quarter of the process's CPU time and little of it run again. Fifteen times the budget
  // leaves that to functions that stay hot (a long run over hundreds of files still gets them).
  setFlagsFromString('--interrupt-budget=1000000');
  const policyFile = options.policy ?? (process.env.DEBRIEF_POLICY || undefined);
  // The policy reader (zod schemas, YAML) costs a tenth of a second to load: only with a file.
  const settings = policyFile
    ? (await import('../../app/load-policy-file.ts')).loadPolicyFile(policyFile).blameless
    : defaultPolicy.blameless;
  const files = collectMarkdownFiles(paths);
  const reports: FileReport[] = files.map((path) => ({
    path,
    findings: lintMarkdown(readFileSync(path, 'utf8'), {
      settings,
      people: options.participant,
      services: options.service,
      fixSuggestions: options.fixSuggestions,
    }),
  }));
  const format = options.json ? 'json' : (options.format ?? 'text');
  const lines =
    format === 'json'
      ? [JSON.stringify(reportsAsJson(reports), null, 2)]
      : format === 'github'
        ? formatGithub(reports)
        : formatText(reports);
  if (lines.length > 0) {
    process.stdout.write(`${terminalSafe(lines.join('\n'))}\n`);
  }
  if (reports.some((r) => r.findings.some((f) => f.severity === 'error'))) {
    process.exitCode = 1;
  }
}
