import { writeFile } from 'node:fs/promises';
import { exportPostmortem } from '../../app/documents/export-postmortem.ts';
import { type ExportFormat, exportFormats } from '../../contracts/documents.ts';
import { UsageError } from '../output/cli-error.ts';
import { printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface ExportOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
  format: string;
  output?: string;
  template?: string;
}

/**
 * `debrief export <postmortem-id> --format md|html|pdf|json [--output FILE]`: the document
 * goes to FILE, or to standard output when no file is named.
 */
export async function exportCommand(id: string, options: ExportOptions): Promise<void> {
  if (!(exportFormats as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`);
  }
  const format = options.format as ExportFormat;
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const document = await exportPostmortem(deps, actor, id, {
      format,
      templateKey: options.template,
    });
    if (!options.output) {
      process.stdout.write(document.body);
      return;
    }
    await writeFile(options.output, document.body);
    const written = { file: options.output, format, bytes: document.body.length };
    printResult(options.json, written, () => [
      `Wrote ${options.output} (${format}, ${document.body.length} bytes)`,
    ]);
  });
}
