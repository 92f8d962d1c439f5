import { DomainError, isDomainError } from '../../domain/errors.ts';
import { converters as registeredConverters } from '../../importers/converters.ts';
import { converterFor, detectionThreshold } from '../../importers/detect-source.ts';
import type { SourceConverter } from '../../importers/source-converter.ts';
import type { OpenedInput } from '../../inputs/opened-input.ts';
import { type ChosenSource, chooseSource } from './choose-source.ts';

/** One converter's share of an import: the whole input, or some files of a folder or zip. */
export interface PlannedPart extends ChosenSource {
  /** The files of the folder or zip it reads; absent: the whole input. */
  paths?: string[];
}

/** A file of a folder that no importer recognised, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** What an import will read, with which converter, and what it leaves out. */
export interface ImportPlan {
  parts: PlannedPart[];
  skipped: SkippedFile[];
}

function confidenceOf(converter: SourceConverter, sample: OpenedInput['sample']): number {
  try {
    const answer = converter.detect(sample);
    return Number.isFinite(answer) ? answer : 0;
  } catch {
    return 0;
  }
}

/**
 * Plans an import. A file: the named source or the detected one. A folder or zip (a Slack
 * export beside alert bodies, logs, a metrics file): a converter of whole folders that
 * recognises it takes its own files (`claims`), and every other file is detected ON ITS OWN
 * and imported by the converter that recognises it; files nobody recognises are listed as
 * skipped with the reason, never dropped silently. With a named source, a folder goes whole to
 * a folder converter, or file by file to any other. VALIDATION_FAILED when nothing is
 * recognised.
 */
export async function planImport(
  opened: OpenedInput,
  source: string | undefined,
  registry: readonly SourceConverter[] = registeredConverters,
): Promise<ImportPlan> {
  const folder = opened.folder;
  if (!folder) {
    return { parts: [chooseSource(opened, source, registry)], skipped: [] };
  }
  if (source) {
    const converter = converterFor(registry, source);
    const given: PlannedPart = { converter, detection: 'given', confidence: 1, scores: [] };
    return converter.accepts.includes('files')
      ? { parts: [given], skipped: [] }
      : { parts: folder.paths.map((path) => ({ ...given, paths: [path] })), skipped: [] };
  }
  const parts: PlannedPart[] = [];
  const claimed = new Set<string>();
  for (const converter of registry) {
    const confidence = converter.claims ? confidenceOf(converter, opened.sample) : 0;
    if (converter.claims && confidence >= detectionThreshold) {
      const paths = converter.claims(folder.paths).filter((path) => !claimed.has(path));
      if (paths.length > 0) {
        parts.push({ converter, detection: 'detected', confidence, scores: [], paths });
        for (const path of paths) {
          claimed.add(path);
        }
      }
    }
  }
  const rest = folder.paths.filter((path) => !claimed.has(path));
  const heads = await folder.headsOf(rest);
  const skipped: SkippedFile[] = [];
  for (const path of rest) {
    try {
      const found = chooseSource(
        { sample: { fileName: path, head: heads.get(path) ?? '' } },
        undefined,
        registry,
      );
      parts.push({ ...found, paths: [path] });
    } catch (error) {
      if (!isDomainError(error, 'VALIDATION_FAILED')) {
        throw error;
      }
      skipped.push({ path, reason: 'no importer recognised its content' });
    }
  }
  if (parts.length === 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Nothing in ${opened.fileName} is recognised; name the source (--source / source).`,
      {
        details: {
          errors: [
            {
              path: 'source',
              code: 'source_not_detected',
              message: `No importer recognised any of the ${folder.paths.length} files.`,
            },
          ],
          skipped: skipped.slice(0, 100),
        },
      },
    );
  }
  return { parts, skipped };
}
