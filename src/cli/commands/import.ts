import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps.ts';
import { toImportOptions } from '../../app/imports/choose-source.ts';
import { dryRunImport } from '../../app/imports/dry-run-import.ts';
import { importFile } from '../../app/imports/import-file.ts';
import type { ImportOutcome } from '../../app/imports/import-outcome.ts';
import type { ImportPlan } from '../../app/imports/plan-import.ts';
import { importFieldsSchema } from '../../contracts/imports.ts';
import { holdInstanceLease } from '../../storage/instance-lease.ts';
import { UsageError } from '../output/cli-error.ts';
import { printResult } from '../output/print.ts';
import { createProgressBar, type ProgressBar } from '../output/progress-bar.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface ImportCommandOptions extends RuntimeOptions {
  postmortem?: string;
  source?: string;
  channel?: string[];
  since?: string;
  until?: string;
  tz?: string;
  allTime?: boolean;
  threshold?: string;
  dryRun: boolean;
  as?: string;
  json: boolean;
}

function readOptions(options: ImportCommandOptions) {
  const parsed = importFieldsSchema.safeParse({
    source: options.source,
    channels: options.channel,
    since: options.since,
    until: options.until,
    zone: options.tz,
    window: options.allTime ? 'all' : undefined,
    threshold: options.threshold,
  });
  if (!parsed.success) {
    const flag: Record<string, string> = { channels: 'channel', zone: 'tz', window: 'all-time' };
    throw new UsageError(
      parsed.error.issues
        .map((i) => `--${flag[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
        .join('; '),
    );
  }
  if (!options.dryRun && !z.uuid().safeParse(options.postmortem).success) {
    throw new UsageError('--postmortem <id> (a postmortem id) is required unless --dry-run');
  }
  return { source: parsed.data.source, importOptions: toImportOptions(parsed.data) };
}

function describePart(part: ImportOutcome['parts'][number]): string {
  const detection =
    part.detection === 'detected' ? `detected, confidence ${part.confidence.toFixed(2)}` : 'given';
  return `${part.source} (${detection})`;
}

function summaryLines(fileName: string, outcome: ImportOutcome, dryRun: boolean): string[] {
  const [only] = outcome.parts;
  const single = outcome.parts.length === 1 && only !== undefined && only.files <= 1;
  return [
    `${dryRun ? 'Dry run: nothing was written. ' : ''}${fileName} ${single ? `read as ${describePart(only)}` : `read in ${outcome.parts.length} parts`}.`,
    ...(single
      ? []
      : outcome.parts.map(
          (part) =>
            `  - ${part.paths[0] ?? fileName}${part.files > 1 ? ` and ${part.files - 1} more` : ''}: ${describePart(part)}, ${part.eventsProposed} events`,
        )),
    `  events ${dryRun ? 'that would be proposed' : 'proposed'}: ${outcome.eventsProposed}`,
    `  duplicates skipped: ${outcome.duplicatesSkipped}`,
    `  lines collapsed: ${outcome.linesCollapsed}`,
    ...(outcome.window.basis === 'none'
      ? []
      : [
          `  window: ${outcome.window.since ?? '…'} to ${outcome.window.until ?? '…'} (${outcome.window.basis === 'incident' ? 'the incident ± the policy hours; --since/--until to change' : 'as given'})`,
          `  outside the window, left out: ${outcome.outsideWindow}`,
        ]),
    ...(outcome.skipped.length > 0
      ? [
          `  files skipped: ${outcome.skipped.length}`,
          ...outcome.skipped.slice(0, 20).map((file) => `    - ${file.path}: ${file.reason}`),
        ]
      : []),
    `  warnings: ${outcome.warningsTotal}`,
    ...outcome.warnings
      .slice(0, 20)
      .map((w) => `    - ${w.where ? `${w.where}: ` : ''}${w.code}: ${w.message}`),
  ];
}

/** The report of an import (or a dry run) as `--json` prints it. */
function report(
  fileName: string,
  plan: ImportPlan,
  outcome: ImportOutcome,
  extra: Record<string, unknown>,
) {
  const [first] = plan.parts;
  return {
    ...extra,
    fileName,
    source: first?.converter.source,
    sourceDetection: first?.detection,
    confidence: first?.confidence,
    parts: outcome.parts,
    skipped: outcome.skipped,
    eventsProposed: outcome.eventsProposed,
    duplicatesSkipped: outcome.duplicatesSkipped,
    linesCollapsed: outcome.linesCollapsed,
    outsideWindow: outcome.outsideWindow,
    window: outcome.window,
    nearDuplicatesLinked: outcome.nearDuplicatesLinked,
    warningsTotal: outcome.warningsTotal,
    warnings: outcome.warnings,
  };
}

/**
 * `debrief import <file|dir> --postmortem ID`: imports into the timeline as proposed events, one
 * transaction, with a progress bar on stderr and a summary; the same use case as the upload
 * route (`importFile`). `--dry-run` opens no database.
 */
export async function importCommand(path: string, options: ImportCommandOptions): Promise<void> {
  // Without a postmortem, Markdown documents become whole postmortems (see import-documents.ts).
  if (!options.postmortem && !options.source) {
    const documents = await import('./import-documents.ts');
    if (documents.isDocumentPath(path)) {
      return documents.importDocumentsCommand(path, options);
    }
  }
  const { source, importOptions } = readOptions(options);
  const quiet = options.json && !process.stderr.isTTY;
  let bar: ProgressBar | undefined;
  const openBar = (opened: { bytesTotal: number }) => {
    bar = createProgressBar(process.stderr, 'import', opened.bytesTotal, { quiet });
  };

  if (options.dryRun) {
    let done = 0;
    const dry = await dryRunImport(
      path,
      source,
      importOptions,
      (bytes) => {
        done += bytes;
        bar?.update(done);
      },
      openBar,
    );
    bar?.finish(`${dry.outcome.eventsProposed} events`);
    printResult(
      options.json,
      {
        dryRun: true,
        ...report(dry.fileName, dry.plan, dry.outcome, {}),
        samples: dry.outcome.samples,
      },
      () => summaryLines(dry.fileName, dry.outcome, true),
    );
    return;
  }

  await withRuntime(options, async (runtime) => {
    // A server starting meanwhile on the same PostgreSQL must not take this job for a dead one.
    const lease = await holdInstanceLease(runtime.handle, randomUUID());
    try {
      await importWithLease({ ...runtime.deps, instanceId: lease.id });
    } finally {
      await lease.close();
    }
  });

  async function importWithLease(deps: AppDeps): Promise<void> {
    const actor = await resolveActor(deps, options.as);
    const postmortemId = options.postmortem ?? '';
    const started = await importFile(deps, actor, {
      postmortemId,
      locate: async () => ({ path }),
      source,
      options: importOptions,
      onProgress: (job) => bar?.update(job.bytesDone, `${job.eventsProposed} events`),
    });
    openBar(started.opened);
    const result = await started.finished;
    if (result.error !== undefined || !result.outcome) {
      throw result.error;
    }
    const outcome = result.outcome;
    const fileName = started.opened.fileName;
    bar?.finish(`${outcome.eventsProposed} events`);
    printResult(
      options.json,
      report(fileName, started.plan, outcome, {
        importId: result.job.id,
        postmortemId,
        status: result.job.status,
      }),
      () => [...summaryLines(fileName, outcome, false), `  import: ${result.job.id}`],
    );
  }
}
