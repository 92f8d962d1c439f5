import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  createPostmortemFromDocument,
  type DocumentImported,
} from '../../app/documents/create-postmortem-from-document.ts';
import {
  type PreparedDocument,
  prepareDocumentImport,
} from '../../app/documents/prepare-document-import.ts';
import { loadPolicyFile } from '../../app/load-policy-file.ts';
import type { Policy } from '../../domain/policy.ts';
import { errorAsJson } from '../output/cli-error.ts';
import { printResult } from '../output/print.ts';
import { createProgressBar } from '../output/progress-bar.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface DocumentImportOptions extends RuntimeOptions {
  dryRun: boolean;
  as?: string;
  json: boolean;
}

const isMarkdown = (path: string) => /\.(md|markdown)$/i.test(path);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
    });
}

/**
 * True when `path` is a Markdown document, or a folder of them (and no JSON, which would be an
 * export for the timeline importers): `debrief import` then creates whole postmortems.
 */
export function isDocumentPath(path: string): boolean {
  try {
    if (statSync(path).isFile()) {
      return isMarkdown(path);
    }
    const files = listFiles(path);
    return files.some(isMarkdown) && !files.some((f) => /\.json$/i.test(f));
  } catch {
    return false;
  }
}

/** One file's line of the report, as `--json` prints it. */
function describe(prepared: PreparedDocument, created?: DocumentImported) {
  const doc = prepared.document;
  return {
    file: prepared.fileName,
    format: doc.format,
    skipped: prepared.skipped,
    postmortemId: created?.postmortemId ?? null,
    title: doc.title,
    timelineRows: prepared.events.length,
    contributingFactors: doc.factors.length,
    actionItems: doc.actionItems.length,
    participants: doc.participants.length,
    sections: Object.keys(doc.sections),
    keyInstants: Object.keys(doc.incidents[0]?.instants ?? {}),
    assumed: doc.assumed,
    unplaced: doc.unplaced.map((u) => ({ heading: u.heading, line: u.line, text: u.text })),
  };
}

function humanLines(report: ReturnType<typeof describe>, dryRun: boolean): string[] {
  if (report.skipped) {
    return [`${report.file}: skipped (${report.skipped})`];
  }
  return [
    `${report.file}: ${dryRun ? 'would create' : `created postmortem ${report.postmortemId}`} "${report.title}" (${report.format})`,
    `  timeline rows: ${report.timelineRows}, contributing factors: ${report.contributingFactors}, action items: ${report.actionItems}, participants: ${report.participants}`,
    `  sections: ${report.sections.join(', ') || 'none'}; key instants: ${report.keyInstants.join(', ') || 'none'}`,
    ...report.assumed.map((a) => `  assumed: ${a}`),
    `  unplaced: ${report.unplaced.length}${report.unplaced.length ? ' (kept in the "unplaced" section)' : ''}`,
    ...report.unplaced.map(
      (u) =>
        `    - ${u.heading}${u.line ? ` (line ${u.line})` : ''}: ${u.text.replace(/\s+/g, ' ').slice(0, 100)}`,
    ),
  ];
}

/**
 * `debrief import <file.md|dir>` without `--postmortem`: each Markdown document becomes a whole
 * postmortem and its incident (one transaction per file). `--dry-run` reads and reports without
 * opening a database. A folder shows a progress bar; a file that fails is reported and the
 * others still import; the exit code is that of the first failure.
 */
export async function importDocumentsCommand(
  path: string,
  options: DocumentImportOptions,
): Promise<void> {
  const files = statSync(path).isFile() ? [path] : listFiles(path).filter(isMarkdown);
  const root = statSync(path).isFile() ? undefined : path;
  const nameOf = (file: string) => (root ? relative(root, file) : basename(file));
  const sizes = files.map((file) => statSync(file).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const bar =
    files.length > 1
      ? createProgressBar(process.stderr, 'import', total, {
          quiet: options.json && !process.stderr.isTTY,
        })
      : undefined;
  const reports: Array<ReturnType<typeof describe> & { error?: unknown }> = [];
  let firstError: unknown;
  const run = async (
    policy: Policy,
    create?: (prepared: PreparedDocument) => Promise<DocumentImported>,
  ) => {
    let done = 0;
    for (const [index, file] of files.entries()) {
      try {
        const prepared = await prepareDocumentImport(
          readFileSync(file, 'utf8'),
          nameOf(file),
          policy,
        );
        const created = create && !prepared.skipped ? await create(prepared) : undefined;
        reports.push(describe(prepared, created));
      } catch (error) {
        firstError ??= error;
        reports.push({ ...describe(emptyPrepared(nameOf(file))), error: errorAsJson(error) });
      }
      done += sizes[index] ?? 0;
      bar?.update(done, `${index + 1}/${files.length} files`);
    }
    bar?.finish(`${files.length} files`);
  };
  if (options.dryRun) {
    await run(loadPolicyFile(options.policy ?? process.env.DEBRIEF_POLICY));
  } else {
    await withRuntime(options, async ({ deps }) => {
      const actor = await resolveActor(deps, options.as);
      await run(deps.policy, (prepared) => createPostmortemFromDocument(deps, actor, prepared));
    });
  }
  printResult(options.json, { dryRun: options.dryRun, files: reports }, () =>
    reports.flatMap((report) =>
      report.error
        ? [`${report.file}: FAILED ${JSON.stringify(report.error)}`]
        : humanLines(report, options.dryRun),
    ),
  );
  if (firstError !== undefined) {
    throw firstError;
  }
}

function emptyPrepared(fileName: string): PreparedDocument {
  return {
    fileName,
    skipped: null,
    events: [],
    document: {
      format: 'document',
      title: fileName,
      scope: 'single',
      restricted: false,
      incidents: [],
      durations: [],
      participants: [],
      factors: [],
      whyTree: [],
      actionItems: [],
      sections: {},
      timeline: [],
      timelineText: null,
      unplaced: [],
      assumed: [],
    },
  };
}
