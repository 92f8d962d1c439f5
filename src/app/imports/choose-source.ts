import { converters as registeredConverters } from '../../importers/converters.ts';
import { converterFor, detectSource } from '../../importers/detect-source.ts';
import { parseThreshold } from '../../importers/metrics/metric-series.ts';
import type { ImportOptions, SourceConverter } from '../../importers/source-converter.ts';
import type { OpenedInput } from '../../inputs/opened-input.ts';

/** The converter for an import: the one named, or the one that recognised the sample. */
export interface ChosenSource {
  converter: SourceConverter;
  detection: 'given' | 'detected';
  /** How sure detection was (1 when given), and every converter's score. */
  confidence: number;
  scores: Array<{ source: string; confidence: number }>;
}

/**
 * Picks the converter for an opened input from the one registry (`importers/converters.ts`):
 * the source named, else the one whose `detect()` is most confident. VALIDATION_FAILED when
 * the name is unknown or nothing is recognised.
 */
export function chooseSource(
  opened: Pick<OpenedInput, 'sample'>,
  source: string | undefined,
  registry: readonly SourceConverter[] = registeredConverters,
): ChosenSource {
  if (source) {
    return {
      converter: converterFor(registry, source),
      detection: 'given',
      confidence: 1,
      scores: [],
    };
  }
  const detected = detectSource(registry, opened.sample);
  return {
    converter: detected.converter,
    detection: 'detected',
    confidence: detected.confidence,
    scores: detected.scores,
  };
}

/** The converter options from validated import fields (API form or CLI flags). */
export function toImportOptions(fields: {
  channels?: string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  zone?: string | undefined;
  window?: 'incident' | 'all' | undefined;
  threshold?: string | undefined;
}): ImportOptions {
  const threshold = fields.threshold ? parseThreshold(fields.threshold) : undefined;
  return {
    ...(fields.channels?.length ? { channels: fields.channels } : {}),
    ...(fields.since ? { since: new Date(fields.since) } : {}),
    ...(fields.until ? { until: new Date(fields.until) } : {}),
    ...(fields.zone ? { zone: fields.zone } : {}),
    ...(fields.window ? { window: fields.window } : {}),
    ...(threshold ? { threshold } : {}),
  };
}

/** The import options as the job's summary records them. */
export function describeOptions(options: ImportOptions): Record<string, unknown> {
  return {
    channels: options.channels ?? [],
    since: options.since?.toISOString() ?? null,
    until: options.until?.toISOString() ?? null,
    zone: options.zone ?? null,
    window: options.window ?? 'incident',
    threshold: options.threshold ?? null,
  };
}
