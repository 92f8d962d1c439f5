import { z } from 'zod';
import type { ChosenSource } from '../../app/imports/choose-source.ts';
import { toImportOptions } from '../../app/imports/choose-source.ts';
import { dryRunImport } from '../../app/imports/dry-run-import.ts';
import { importFile } from '../../app/imports/import-file.ts';
import type { ImportOutcome } from '../../app/imports/import-outcome.ts';
import { importFieldsSchema } from '../../contracts/imports.ts';
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
  dryRun: boolean;
  as?: string;
  json: boolean;
}

function readOptions(options: ImportCommandOptions) {
  const parsed = importFieldsSchema.safeParse({
    source: options.source,
    channels: options.channel?.join(','),
    since: options.since,
    until: options.until,
    zone: options.tz,
  });
  if (!parsed.success) {
    const flag: Record<string, string> = { channels: 'channel', zone: 'tz' };
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

function summaryLines(
  fileName: string,
  chosen: ChosenSource,
  outcome: ImportOutcome,
  dryRun: boolean,
): string[] {
  const detection =
    chosen.detection === 'detected'
      ? `detected, confidence ${chosen.confidence.toFixed(2)}`
      : 'given';
  return [
    `${dryRun ? 'Dry run: nothing was written. ' : ''}${fileName} read as ${chosen.converter.source} (${detection}).`,
    `  events ${dryRun ? 'that would be proposed' : 'proposed'}: ${outcome.eventsProposed}`,
    `  duplicates skipped: ${outcome.duplicatesSkipped}`,
    `  lines collapsed: ${outcome.linesCollapsed}`,
    ...(outcome.outsideWindow > 0 ? [`  outside the window: ${outcome.outsideWindow}`] : []),
    `  warnings: ${outcome.warningsTotal}`,
    ...outcome.warnings
      .slice(0, 20)
      .map((w) => `    - ${w.where ? `${w.where}: ` : ''}${w.code}: ${w.message}`),
  ];
}

/** The report of an import (or a dry run) as `--json` prints it. */
function report(
  fileName: string,
  chosen: ChosenSource,
  outcome: ImportOutcome,
  extra: Record<string, unknown>,
) {
  return {
    ...extra,
    fileName,
    source: chosen.converter.source,
    sourceDetection: chosen.detection,
    confidence: chosen.confidence,
    eventsProposed: outcome.eventsProposed,
    duplicatesSkipped: outcome.duplicatesSkipped,
    linesCollapsed: outcome.linesCollapsed,
    outsideWindow: outcome.outsideWindow,
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
        ...report(dry.fileName, dry.chosen, dry.outcome, {}),
        samples: dry.outcome.samples,
      },
      () => summaryLines(dry.fileName, dry.chosen, dry.outcome, true),
    );
    return;
  }

  await withRuntime(options, async ({ deps }) => {
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
      report(fileName, started.chosen, outcome, {
        importId: result.job.id,
        postmortemId,
        status: result.job.status,
      }),
      () => [
        ...summaryLines(fileName, started.chosen, outcome, false),
        `  import: ${result.job.id}`,
      ],
    );
  });
}
