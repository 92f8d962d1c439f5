import type { TimelineSource } from '../domain/timeline-event.ts';
import type {
  ImportedEvent,
  ImportResult,
  ImportWarning,
  KeyInstantProposal,
} from './imported-event.ts';

/**
 * What a converter reads. The rim (CLI, upload, webhook) does the IO and hands the content
 * over: a whole text, a stream of lines (logs: bounded memory), or a stream of files (a Slack
 * export, read one file at a time). A stream of lines may hand them over one at a time or in
 * batches (a file read in large chunks yields each chunk's lines as one batch): one async step
 * per line costs about as much as `JSON.parse` of it.
 */
export type ImportInput =
  | { kind: 'text'; fileName: string; text: string }
  | { kind: 'lines'; fileName: string; lines: AsyncIterable<string | readonly string[]> }
  | {
      kind: 'files';
      fileName: string;
      files: AsyncIterable<{ path: string; read: () => Promise<string> }>;
    };

/** What the person importing chose; every field optional. */
export interface ImportOptions {
  /** Slack channels to keep (names, without `#`). */
  channels?: string[];
  /** Keep only events in this window (the incident window). */
  since?: Date;
  until?: Date;
  /** The day a row without any date is read on (the incident's first key instant). */
  anchor?: Date;
  /**
   * `all`: keep the whole input, not only the window around the incident that an import keeps
   * by default (the pipeline applies it; converters see only `since`/`until`).
   */
  window?: 'incident' | 'all';
  /** Metrics: the threshold every series is checked against, over one written in the file. */
  threshold?: { direction: '<' | '>'; value: number };
  /** IANA zone or offset for sources whose timestamps carry none (tables, plain logs). */
  zone?: string;
}

/** A slice of a converter's output; large inputs yield many, so memory stays bounded. */
export interface ImportChunk {
  events: ImportedEvent[];
  instants?: KeyInstantProposal[];
  warnings?: ImportWarning[];
  linesCollapsed?: number;
  series?: Array<{ name: string; labels: Record<string, string>; points: Array<[number, number]> }>;
}

/** What a sample of the input looks like, for recognising its source. */
export interface DetectionSample {
  fileName: string;
  /** The first few kilobytes of the file (or of `channels.json` / a day file for a folder). */
  head: string;
  /** For a folder or zip: the paths it holds. */
  paths?: string[];
}

/**
 * A source's converter: pure (no IO, no clock, no randomness), streaming, and able to say how
 * sure it is that a sample is its format. It throws a DomainError (VALIDATION_FAILED, naming
 * the file, line or field) on input it cannot read at all, and reports smaller problems as
 * warnings.
 */
export interface SourceConverter {
  source: TimelineSource;
  /** Which input kinds it reads. */
  accepts: ReadonlyArray<ImportInput['kind']>;
  /** 0 (not this format) … 1 (certainly this format). */
  detect(sample: DetectionSample): number;
  convert(input: ImportInput, options: ImportOptions): AsyncIterable<ImportChunk>;
  /**
   * For converters of whole folders (a Slack export): the paths of a folder they read together
   * when they recognise it. The other files of the folder are detected one by one.
   */
  claims?: (paths: readonly string[]) => string[];
  /**
   * For sources that also arrive live (webhooks): converts one delivery's body at once. The
   * webhook routes and the file import use the same converter from the same registry.
   */
  convertText?: (text: string, ref: string, hints?: { event?: string | undefined }) => ImportResult;
}
