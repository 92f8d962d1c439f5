import { z } from 'zod';
import { dryRunImport } from '../../app/imports/dry-run-import.ts';
import type { ImportOutcome } from '../../app/imports/import-into-timeline.ts';
import { openImportInput } from '../../app/imports/open-import-input.ts';
import {
  type ChosenSource,
  chooseSource,
  createImportJob,
  runImportJob,
  toImportOptions,
} from '../../app/imports/start-import.ts';
import { importFieldsSchema } from '../../contracts/imports.ts';
import { UsageError } from '../output/cli-error.ts';
import { printResult } from '../output/print.ts';
import { createProgressBar } from '../output/progress-bar.ts';
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

/**
 * `debrief import <file|dir> --postmortem ID`: imports into the timeline as proposed events, one
 * transaction, with a progress bar on stderr and a summary. `--dry-run` opens no database.
 */
export async function importCommand(path: string, options: ImportCommandOptions): Promise<void> {
  const { source, importOptions } = readOptions(options);
  const opened = await openImportInput(path);
  const chosen = chooseSource(opened, source);
  const bar = createProgressBar(process.stderr, 'import', opened.bytesTotal, {
    quiet: options.json && !process.stderr.isTTY,
  });
  const report = (outcome: ImportOutcome, extra: Record<string, unknown>) => ({
    ...extra,
    fileName: opened.fileName,
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
  });

  if (options.dryRun) {
    let done = 0;
    const outcome = await dryRunImport(opened, chosen, importOptions, (bytes) => {
      done += bytes;
      bar.update(done);
    });
    bar.finish(`${outcome.eventsProposed} events`);
    printResult(
      options.json,
      { dryRun: true, ...report(outcome, {}), samples: outcome.samples },
      () => summaryLines(opened.fileName, chosen, outcome, true),
    );
    return;
  }

  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const postmortemId = options.postmortem ?? '';
    const job = await createImportJob(deps, actor, postmortemId, opened, chosen, importOptions);
    const result = await runImportJob(deps, actor, job, opened, chosen, importOptions, (p) =>
      bar.update(p.bytesDone, `${p.eventsProposed} events`),
    );
    if (result.error !== undefined || !result.outcome) {
      throw result.error;
    }
    bar.finish(`${result.outcome.eventsProposed} events`);
    printResult(
      options.json,
      report(result.outcome, { importId: result.job.id, postmortemId, status: result.job.status }),
      () => [
        ...summaryLines(opened.fileName, chosen, result.outcome as ImportOutcome, false),
        `  import: ${result.job.id}`,
      ],
    );
  });
}
