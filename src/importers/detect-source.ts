import { DomainError } from '../domain/errors.ts';
import type { DetectionSample, SourceConverter } from './source-converter.ts';

/** Below this, no converter is sure enough and the person must name the source. */
export const detectionThreshold = 0.5;

/** The converter that recognised a sample, and how sure it is. */
export interface Detection {
  converter: SourceConverter;
  confidence: number;
  /** Every converter's answer, most confident first (for the job summary). */
  scores: Array<{ source: string; confidence: number }>;
}

/**
 * Asks every converter how sure it is that the sample is its format and picks the most
 * confident (the first on a tie). A converter that throws counts as 0. VALIDATION_FAILED when
 * none reaches the threshold: the source must then be given.
 */
export function detectSource(
  converters: readonly SourceConverter[],
  sample: DetectionSample,
): Detection {
  const scored = converters.map((converter) => {
    let confidence = 0;
    try {
      const answer = converter.detect(sample);
      confidence = Number.isFinite(answer) ? Math.min(1, Math.max(0, answer)) : 0;
    } catch {
      confidence = 0;
    }
    return { converter, confidence };
  });
  const ranked = [...scored].sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0];
  const scores = ranked.map((s) => ({ source: s.converter.source, confidence: s.confidence }));
  if (!best || best.confidence < detectionThreshold) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Cannot tell which source ${sample.fileName} comes from; name it (--source / source).`,
      {
        details: {
          errors: [
            {
              path: 'source',
              code: 'source_not_detected',
              message: `No converter recognised ${sample.fileName}.`,
            },
          ],
          scores,
        },
      },
    );
  }
  return { converter: best.converter, confidence: best.confidence, scores };
}

/** The converter registered for a source; VALIDATION_FAILED when there is none. */
export function converterFor(
  converters: readonly SourceConverter[],
  source: string,
): SourceConverter {
  const found = converters.find((c) => c.source === source);
  if (!found) {
    throw new DomainError('VALIDATION_FAILED', `No importer for source ${source}.`, {
      details: {
        errors: [
          {
            path: 'source',
            code: 'unknown_source',
            message: `Known: ${converters.map((c) => c.source).join(', ') || 'none yet'}.`,
          },
        ],
      },
    });
  }
  return found;
}
